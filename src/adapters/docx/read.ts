import { Cell, Grid } from "../../core/grid";
import { foldText } from "../../core/text";
import { mainPart, parseRelationships } from "../opc";
import { TABLE_LIMITS, TextBudget, tableTooLarge } from "../limits";
import { ReceivedFileError, orCorrupt } from "../readErrors";
import { WorkMeter, XmlName, XmlTag, attrNs, checkNamespaces, ownCopy, parseXml } from "../xml";
import { InflateRaw, unzipEntries } from "../xlsx/zip";

/** WordprocessingML, transitional and strict. */
const W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const W = new Set([W_TRANSITIONAL, W_STRICT]);
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

const MESSAGES = {
  corrupt: "Tệp Word bị hỏng hoặc không đầy đủ (có thể tải về chưa xong); không đọc được.",
  noDocument: "Tệp không phải văn bản Word (.docx): không thấy phần nội dung văn bản.",
  noTable:
    "Văn bản Word không có bảng nào (có thể chỉ là công văn, thiếu phụ lục); biểu thống kê CCHC phải là một bảng trong văn bản: hãy xin đơn vị gửi phụ lục số liệu.",
  empty: "Văn bản Word trống, không có chữ hay bảng nào; hãy xin đơn vị gửi lại báo cáo có phụ lục số liệu.",
  altChunk:
    "Văn bản Word do phần mềm khác xuất ra, nội dung là trang web nhúng mà chỉ Word chuyển thành bảng khi mở; hãy mở tệp bằng Word, Lưu thành Tài liệu Word (.docx) rồi gửi lại.",
};

/** A table cell as Word holds it, before merged cells are expanded. */
interface RawCell {
  paragraphs: string[];
  /** Characters of its paragraphs so far, bounded like one cell of Excel. */
  chars: number;
  span: number;
  vMerge?: "restart" | "continue";
  hMerge?: "restart" | "continue";
}

interface RawRow {
  cells: RawCell[];
  gridBefore: number;
  header: boolean;
  /** A row deleted with tracked changes: gone once the changes are accepted, as its deleted runs are. */
  deleted?: boolean;
}

interface RawTable {
  rows: RawRow[];
}

type Item = { kind: "p"; text: string; pageBreak: boolean } | { kind: "tbl"; table: RawTable };

/**
 * Reads a Word report (.docx) into grids, one per logical table ("Bảng 1", "Bảng 2"…): merged cells
 * expanded as Word shows them, a table continued after a page break joined to its first part, and the
 * document's heading block and the title lines before the table as rows above it, so the workbook
 * recogniser reads it unchanged. Values stay as typed text. The bytes are never modified.
 */
export function readDocx(bytes: Uint8Array, inflateRaw?: InflateRaw, meter: WorkMeter = { steps: 0 }): Grid[] {
  const { items, altChunks } = orCorrupt(MESSAGES.corrupt, () => {
    const rels = unzipEntries(bytes, (n) => n === "_rels/.rels", inflateRaw)["_rels/.rels"];
    const part = (rels && mainPart(parseRelationships(rels), "officeDocument")) ?? "word/document.xml";
    const doc = unzipEntries(bytes, (n) => n === part, inflateRaw)[part];
    if (!doc) throw new ReceivedFileError(MESSAGES.noDocument);
    return parseDocument(doc, meter);
  });
  // Merged cells and continued tables are bounded too: a limit keeps its own reason.
  const grids = orCorrupt(MESSAGES.corrupt, () => buildGrids(items));
  // Content imported as HTML or RTF (w:altChunk) becomes a table only when Word opens and saves it.
  if (grids.length === 0) {
    if (altChunks > 0) throw new ReceivedFileError(MESSAGES.altChunk);
    const blank = items.every((item) => (item.kind === "p" ? !item.text.trim() : expand(item.table).every((row) => row.every((c) => !c.trim()))));
    throw new ReceivedFileError(blank ? MESSAGES.empty : MESSAGES.noTable);
  }
  return grids;
}

/** One pass over word/document.xml: body paragraphs and tables (nested ones too) in document order. */
function parseDocument(xml: Uint8Array, meter: WorkMeter): { items: Item[]; altChunks: number } {
  const items: Item[] = [];
  let altChunks = 0;
  /** Elements whose content is not text of the document (deleted runs, field codes, properties…). */
  let skip = 0;
  let inText = false;
  /** Open paragraphs (a text box paragraph sits inside its anchor paragraph). */
  const paragraphs: { text: string; pageBreak: boolean }[] = [];
  /** Open tables, innermost last; each with its current row and cell. */
  const tables: { table: RawTable; row?: RawRow; cell?: RawCell; depthAtCell: number }[] = [];
  /** Per open field: true while in its instruction part (between begin and separate). */
  const fields: boolean[] = [];
  /** How many of them are in their instruction part: asked for every piece of text. */
  let inInstruction = 0;
  const alternates: boolean[] = [];
  let depth = 0;
  let paragraphCount = 0;
  const budget = new TextBudget();
  let tableCount = 0;
  /** Depth of an open w:pPr or w:sdtPr, else 0. */
  let props = 0;
  /** Depth of an open run's w:rPr, else 0; hidden text (w:vanish) is neither shown nor printed. */
  let runProps = 0;
  let runHidden = false;
  /** Depth of an open w:trPr, else 0. */
  let rowProps = 0;
  /** Per open content control: true while it shows its placeholder ("Bấm vào đây để nhập…"), not typed text. */
  const controls: boolean[] = [];
  let placeholders = 0;

  const append = (s: string): void => {
    const p = paragraphs[paragraphs.length - 1];
    if (!p || inInstruction > 0 || placeholders > 0 || runHidden) return;
    grow(p.text, s, "một đoạn văn quá dài");
    budget.spend(s.length);
    p.text += s;
  };

  const open = (tag: XmlTag): void => {
    checkNamespaces(tag);
    depth++;
    if (skip) {
      skip++;
      return;
    }
    const isW = W.has(tag.uri);
    if (runProps) {
      // Its own property only, not one of a tracked formatting change (w:rPrChange) inside it.
      if (isW && depth === runProps + 1 && (tag.local === "vanish" || tag.local === "specVanish") && wAttr(tag, "val") !== "0" && wAttr(tag, "val") !== "false")
        runHidden = true;
      return;
    }
    if (props) {
      const p = paragraphs[paragraphs.length - 1];
      if (p && isW && (tag.local === "sectPr" || (tag.local === "pageBreakBefore" && wAttr(tag, "val") !== "0" && wAttr(tag, "val") !== "false")))
        p.pageBreak = true;
      if (isW && tag.local === "showingPlcHdr" && controls.length && wAttr(tag, "val") !== "0" && wAttr(tag, "val") !== "false" && !controls[controls.length - 1]) {
        controls[controls.length - 1] = true;
        placeholders++;
      }
      return;
    }
    if (tag.uri === MC) {
      if (tag.local === "AlternateContent") alternates.push(false);
      else if ((tag.local === "Choice" || tag.local === "Fallback") && alternates.length) {
        // One branch only: the same text box is written in both.
        if (alternates[alternates.length - 1]) skip = 1;
        else alternates[alternates.length - 1] = true;
      }
      return;
    }
    if (!isW) return;
    const val = (): string | undefined => wAttr(tag, "val");
    switch (tag.local) {
      case "pPr":
      case "sdtPr":
        // Paragraph properties hold tab stops (not text); only a page or section break matters there.
        // A content control's properties say whether it shows its placeholder.
        props = depth;
        return;
      case "sdt":
        controls.push(false);
        return;
      case "trPr":
        rowProps = depth;
        return;
      case "r":
        runHidden = false;
        return;
      case "rPr":
        runProps = depth;
        return;
      case "altChunk":
        altChunks++;
        return;
      case "del":
        if (rowProps) {
          const t = tables[tables.length - 1];
          if (t?.row) t.row.deleted = true;
        }
        skip = 1;
        return;
      case "moveFrom":
      case "instrText":
      case "delInstrText":
      case "tblPr":
      case "tblGrid":
        skip = 1;
        return;
      case "p":
        if (++paragraphCount > TABLE_LIMITS.paragraphs) tableTooLarge("quá nhiều đoạn văn");
        paragraphs.push({ text: "", pageBreak: false });
        return;
      case "t":
        inText = true;
        return;
      case "tab":
      case "br":
      case "cr":
        if (tag.local === "br" && wAttr(tag, "type") === "page") {
          const p = paragraphs[paragraphs.length - 1];
          if (p) p.pageBreak = true;
        }
        append(" ");
        return;
      case "noBreakHyphen":
        append("-");
        return;
      case "sym": {
        const code = parseInt(wAttr(tag, "char") ?? "", 16);
        // Symbol fonts map their glyphs to U+F0xx; the character itself is the low byte.
        if (Number.isFinite(code) && code > 0) append(String.fromCharCode(code >= 0xf000 ? code - 0xf000 : code));
        return;
      }
      case "fldChar": {
        const type = wAttr(tag, "fldCharType");
        if (type === "begin") {
          fields.push(true);
          inInstruction++;
        } else if (type === "separate" && fields[fields.length - 1]) {
          fields[fields.length - 1] = false;
          inInstruction--;
        } else if (type === "end" && fields.pop()) inInstruction--;
        return;
      }
      case "tbl": {
        if (++tableCount > TABLE_LIMITS.tables) tableTooLarge(`hơn ${TABLE_LIMITS.tables} bảng`);
        // The table takes its place in document order where it begins (a nested one after its parent).
        const table: RawTable = { rows: [] };
        items.push({ kind: "tbl", table });
        tables.push({ table, depthAtCell: 0 });
        return;
      }
      case "tr": {
        const t = tables[tables.length - 1];
        if (!t) return;
        if (t.table.rows.length >= TABLE_LIMITS.rows) tableTooLarge(`bảng có hơn ${TABLE_LIMITS.rows} dòng`);
        t.row = { cells: [], gridBefore: 0, header: false };
        t.table.rows.push(t.row);
        return;
      }
      case "gridBefore": {
        const t = tables[tables.length - 1];
        if (t?.row) t.row.gridBefore = clampSpan(val());
        return;
      }
      case "tblHeader": {
        const t = tables[tables.length - 1];
        if (t?.row && val() !== "0" && val() !== "false") t.row.header = true;
        return;
      }
      case "tc": {
        const t = tables[tables.length - 1];
        if (!t?.row) return;
        if (t.row.cells.length >= TABLE_LIMITS.columns) tableTooLarge(`bảng có hơn ${TABLE_LIMITS.columns} cột`);
        t.cell = { paragraphs: [], chars: 0, span: 1 };
        t.row.cells.push(t.cell);
        t.depthAtCell = paragraphs.length;
        return;
      }
      case "gridSpan": {
        const t = tables[tables.length - 1];
        if (t?.cell) t.cell.span = clampSpan(val());
        return;
      }
      case "vMerge":
      case "hMerge": {
        const t = tables[tables.length - 1];
        if (t?.cell) t.cell[tag.local] = val() === "restart" ? "restart" : "continue";
        return;
      }
    }
  };

  const close = (tag: XmlName): void => {
    depth--;
    if (skip) {
      skip--;
      return;
    }
    if (runProps) {
      if (depth + 1 === runProps) runProps = 0;
      return;
    }
    if (props) {
      if (depth + 1 === props) props = 0;
      return;
    }
    if (tag.uri === MC) {
      if (tag.local === "AlternateContent") alternates.pop();
      return;
    }
    if (!W.has(tag.uri)) return;
    switch (tag.local) {
      case "t":
        inText = false;
        return;
      case "trPr":
        rowProps = 0;
        return;
      case "r":
        runHidden = false;
        return;
      case "sdt":
        if (controls.pop()) placeholders--;
        return;
      case "p": {
        const p = paragraphs.pop();
        if (!p) return;
        // A copy: the text is made of slices of decoded pieces of the part.
        p.text = ownCopy(p.text);
        const t = tables[tables.length - 1];
        const outer = paragraphs[paragraphs.length - 1];
        if (t?.cell && paragraphs.length === t.depthAtCell) {
          t.cell.chars += p.text.length + 1;
          if (t.cell.chars > TABLE_LIMITS.cellText) tableTooLarge("một ô có nội dung quá dài");
          t.cell.paragraphs.push(p.text);
        } else if (outer) {
          // A text box's paragraph joins its anchor's text.
          grow(outer.text, ` ${p.text}`, "một đoạn văn quá dài");
          outer.text += ` ${p.text}`;
        }
        else items.push({ kind: "p", text: p.text, pageBreak: p.pageBreak });
        return;
      }
      case "tc": {
        const t = tables[tables.length - 1];
        if (t) t.cell = undefined;
        return;
      }
      case "tr": {
        const t = tables[tables.length - 1];
        if (t) t.row = undefined;
        return;
      }
      case "tbl":
        tables.pop();
        return;
    }
  };

  parseXml(
    xml,
    {
      open,
      close,
      text: (text) => {
        if (!skip && inText) append(text);
      },
    },
    undefined,
    meter,
  );
  return { items, altChunks };
}

/** Text about to grow by `more`: refused past one Excel cell's characters, before it is built. */
function grow(text: string, more: string, what: string): void {
  if (text.length + more.length > TABLE_LIMITS.cellText) tableTooLarge(what);
}

/** A merged cell's text with a continued cell's text after it, within one Excel cell's characters. */
function joined(text: string | undefined, more: string): string {
  if (!text) return more;
  grow(text, more, "một ô gộp có nội dung quá dài");
  return `${text} ${more}`;
}

/** A WordprocessingML attribute; a transitional one is preferred to a strict one of the same name. */
const wAttr = (tag: XmlTag, local: string): string | undefined => attrNs(tag, W_TRANSITIONAL, local) ?? attrNs(tag, W_STRICT, local);

function clampSpan(v: string | undefined): number {
  const n = Number(v ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, TABLE_LIMITS.columns) : 1;
}

const cellString = (c: RawCell): string =>
  c.paragraphs
    .map((p) => p.trim())
    .filter((p) => p)
    .join(" ");

/** Expands gridSpan, vMerge and hMerge: the text sits in the merged area's top-left cell, as in a merged Excel range. */
function expand(table: RawTable): string[][] {
  const out: string[][] = [];
  const restartRow = new Map<number, number>();
  for (const row of table.rows) {
    if (row.deleted) continue;
    const cells: string[] = [];
    let col = row.gridBefore;
    let lastStart = -1;
    for (const cell of row.cells) {
      const text = cellString(cell);
      if (cell.hMerge === "continue" && lastStart >= 0) {
        // A legacy horizontal merge: the continued cell's text (normally none) stays with the merged cell.
        if (text) cells[lastStart] = joined(cells[lastStart], text);
        col += cell.span;
        continue;
      }
      if (col >= TABLE_LIMITS.columns) break;
      if (cell.vMerge === "continue" && restartRow.has(col)) {
        const r = restartRow.get(col)!;
        if (text) out[r][col] = joined(out[r][col], text);
        cells[col] = "";
      } else {
        cells[col] = text;
        if (cell.vMerge === "restart") restartRow.set(col, out.length);
        else for (let c = col; c < col + cell.span; c++) restartRow.delete(c);
      }
      lastStart = col;
      col += cell.span;
    }
    for (let c = 0; c < cells.length; c++) cells[c] ??= "";
    out.push(cells);
  }
  return out;
}

const rowKey = (row: string[]): string => row.map((c) => foldText(c)).join("|").replace(/\|+$/, "");

/** A table with a header row naming its columns (STT, Chỉ tiêu…) and some rows under it. */
function looksLikeTable(rows: string[][]): boolean {
  const wide = rows.filter((r) => r.filter((c) => c.trim()).length >= 2).length;
  return rows.length >= 2 && wide >= 2 && Math.max(...rows.map((r) => r.length)) >= 3;
}

const width = (rows: string[][]): number => Math.max(0, ...rows.map((r) => r.length));

/** A header row: it names the STT or the indicator column. */
const namesColumns = (row: string[]): boolean => row.some((c) => /^(stt|tt|chi tieu)/.test(foldText(c)));

/** How many leading rows of `next` repeat the leading rows of `first` (a table continued after a page break). */
function repeatedHeader(first: string[][], next: string[][]): number {
  let n = 0;
  while (n < first.length && n < next.length && n < 5) {
    const a = rowKey(first[n]);
    if (!a || a !== rowKey(next[n])) break;
    n++;
  }
  // At least the first row, and it must name columns (not just an empty or one-word row).
  return n > 0 && first[0].filter((c) => c.trim()).length >= 2 ? n : 0;
}

function buildGrids(items: Item[]): Grid[] {
  const heading = headingBlock(items);
  const logical: { rows: string[][]; before: string[] }[] = [];
  let lastTableItem = -1;
  items.forEach((item, i) => {
    if (item.kind !== "tbl") return;
    const rows = expand(item.table);
    const prev = logical[logical.length - 1];
    const between = items.slice(lastTableItem + 1, i).filter((x) => x.kind === "p" && x.text.trim());
    lastTableItem = i;
    if (prev && looksLikeTable(prev.rows)) {
      const n = repeatedHeader(prev.rows, rows);
      // Only page-break filler between the parts ("(tiếp theo)" at most); with nothing at all between
      // them, a part of the same width without a header of its own continues the table too.
      const bare = n === 0 && between.length === 0 && width(rows) === width(prev.rows) && !rows.slice(0, 2).some(namesColumns);
      if ((n > 0 && between.length <= 1) || bare) {
        if (prev.rows.length + rows.length - n > TABLE_LIMITS.rows) tableTooLarge(`bảng có hơn ${TABLE_LIMITS.rows} dòng`);
        prev.rows.push(...rows.slice(n));
        return;
      }
    }
    logical.push({ rows, before: titleBlock(items, i) });
  });
  const grids: Grid[] = [];
  for (const t of logical) {
    if (!looksLikeTable(t.rows)) continue;
    const above = [...heading.filter((l) => !t.before.includes(l)), ...t.before];
    const rows: (Cell | undefined)[][] = above.map((l) => [{ value: l }]);
    if (above.length) rows.push([]);
    const rowOffset = rows.length;
    for (const r of t.rows) rows.push(r.map((c) => (c ? { value: c } : undefined)));
    grids.push({ name: `Bảng ${grids.length + 1}`, rows, table: { rowOffset } });
  }
  return grids;
}

const NARRATIVE_LENGTH = 200;

/** Capitals with letters: the issuing body and quốc hiệu ("SỞ TÀI CHÍNH", "CỘNG HÒA XÃ HỘI…"), not dates or narrative. */
const isCapitalLine = (t: string): boolean => /\p{Lu}/u.test(t) && t === t.toUpperCase();

/** The issuing body's block at the top of the document (often a two-column layout table), before the narrative. */
function headingBlock(items: Item[]): string[] {
  const lines: string[] = [];
  for (const item of items.slice(0, 20)) {
    if (item.kind === "tbl") {
      const rows = expand(item.table);
      // The layout table that holds "SỞ …" and "CỘNG HÒA…"; a real table ends the block.
      if (looksLikeTable(rows)) break;
      for (const r of rows) for (const c of r) if (isCapitalLine(c.trim())) lines.push(c.trim());
      continue;
    }
    const t = item.text.trim();
    if (t.length > NARRATIVE_LENGTH || lines.length >= 8) break;
    if (isCapitalLine(t)) lines.push(t);
  }
  return lines;
}

/** The title lines right before a table ("PHỤ LỤC", "THỐNG KÊ…", "QUÝ I NĂM 2023", "(Kèm theo …)"). */
function titleBlock(items: Item[], tableIndex: number): string[] {
  const lines: string[] = [];
  for (let i = tableIndex - 1; i >= 0 && lines.length < 8; i--) {
    const item = items[i];
    if (item.kind === "tbl") break;
    const t = item.text.trim();
    if (t.length > NARRATIVE_LENGTH) break;
    if (t) lines.unshift(t);
    if (item.pageBreak) break;
  }
  return lines;
}
