import { Cell, Grid } from "../../core/grid";
import { TABLE_LIMITS, TextBudget, tableTooLarge } from "../limits";
import { FOREIGN } from "../foreignFile";
import { ReceivedFileError, orCorrupt } from "../readErrors";
import { WorkMeter, XmlError, XmlName, XmlTag, attrNs, checkNamespaces, ownCopy, parseXml } from "../xml";
import { InflateRaw, unzipEntries } from "../xlsx/zip";

const OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";
const STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

const MANIFEST = "META-INF/manifest.xml";
const SETTINGS = "settings.xml";
const CONFIG = "urn:oasis:names:tc:opendocument:xmlns:config:1.0";

const MESSAGES = {
  corrupt: "Tệp bảng tính OpenDocument (.ods) bị hỏng hoặc không đầy đủ; không đọc được.",
  noContent: "Tệp không phải bảng tính OpenDocument (.ods): không thấy phần nội dung.",
  empty: "Bảng tính không có trang tính nào.",
};

/**
 * Reads an OpenDocument spreadsheet (.ods, as LibreOffice saves it) into grids, one per sheet.
 * Repeated rows and cells are expanded only up to the last one holding something: LibreOffice writes
 * a million repeated empty rows at the end of a sheet.
 */
export function readOds(bytes: Uint8Array, inflateRaw?: InflateRaw, meter: WorkMeter = { steps: 0 }): Grid[] {
  const grids = orCorrupt(MESSAGES.corrupt, () => {
    // The content part is content.xml at the root (the manifest lists it there).
    const parts = unzipEntries(bytes, (n) => n === "content.xml" || n === MANIFEST || n === SETTINGS, inflateRaw);
    const data = parts["content.xml"];
    // Saved with a password, the parts are encrypted and the manifest says how.
    if (parts[MANIFEST] && new TextDecoder().decode(parts[MANIFEST]).includes("encryption-data")) throw new ReceivedFileError(FOREIGN.encrypted.message);
    if (!data) throw new ReceivedFileError(MESSAGES.noContent);
    const sheets = parseContent(data, meter);
    // The sheet open when the file was saved comes first, as in a workbook (last period's copy beside it).
    const active = parts[SETTINGS] && activeTable(parts[SETTINGS], meter);
    const at = sheets.findIndex((g) => g.name === active);
    return at > 0 ? [sheets[at], ...sheets.filter((_g, i) => i !== at)] : sheets;
  });
  if (grids.length === 0) throw new ReceivedFileError(MESSAGES.empty);
  return grids;
}

/** The name of the sheet open when the file was saved (settings.xml, the view's ActiveTable item). */
function activeTable(xml: Uint8Array, meter: WorkMeter): string | undefined {
  let name: string | undefined;
  let inItem = false;
  let text = "";
  try {
    parseXml(
      xml,
      {
        open: (tag) => {
          inItem = name === undefined && tag.uri === CONFIG && tag.local === "config-item" && attrNs(tag, CONFIG, "name") === "ActiveTable";
          text = "";
        },
        close: () => {
          if (inItem) name = ownCopy(text);
          inItem = false;
        },
        text: (t) => {
          if (inItem && text.length < 1024) text += t;
        },
      },
      undefined,
      meter,
    );
  } catch (e) {
    // Damaged view settings say nothing about the sheets: the file is read in sheet order.
    if (e instanceof XmlError) return undefined;
    throw e;
  }
  return name;
}

function count(tag: XmlTag, local: string): number {
  const n = Number(attrNs(tag, TABLE, local) ?? 1);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

function parseContent(xml: Uint8Array, meter: WorkMeter): Grid[] {
  const grids: Grid[] = [];
  /** Sheets hidden through their table style (table:display="false"), kept apart from the visible ones. */
  const hiddenGrids: Grid[] = [];
  const hiddenStyles = new Set<string>();
  /** The table style being read (automatic styles come before the body). */
  let tableStyle: string | undefined;
  let sheet: { name: string; rows: (Cell | undefined)[][]; pendingRows: number; hidden: boolean } | undefined;
  let row: { cells: (Cell | undefined)[]; pendingCells: number; repeat: number } | undefined;
  /** The cell being read; `chars` counts its paragraphs' characters and the line breaks between them. */
  let cell: { cell: Cell | undefined; repeat: number; paragraphs: string[]; chars: number; typed: boolean } | undefined;
  /** Depth inside a text:p of the current cell (0 outside). */
  let inParagraph = 0;
  /** Comments and the like: their text is not the cell's. */
  let skip = 0;
  let totalCells = 0;
  const budget = new TextBudget();

  const add = (s: string): void => {
    if (!cell || !inParagraph) return;
    // The whole cell within one Excel cell's characters, whatever its paragraphs, before the text is built.
    cell.chars += s.length;
    if (cell.chars > TABLE_LIMITS.cellText) tableTooLarge("một ô có nội dung quá dài");
    budget.spend(s.length);
    const p = cell.paragraphs;
    p[p.length - 1] += s;
  };

  const open = (tag: XmlTag): void => {
    checkNamespaces(tag);
    if (skip) {
      skip++;
      return;
    }
    if (tag.uri === OFFICE && tag.local === "annotation") {
      skip = 1;
      return;
    }
    if (tag.uri === STYLE && tag.local === "style") {
      tableStyle = attrNs(tag, STYLE, "family") === "table" ? attrNs(tag, STYLE, "name") : undefined;
      return;
    }
    if (tag.uri === STYLE && tag.local === "table-properties") {
      if (tableStyle !== undefined && attrNs(tag, TABLE, "display") === "false") hiddenStyles.add(ownCopy(tableStyle));
      return;
    }
    if (tag.uri === TABLE) {
      switch (tag.local) {
        case "table":
          if (grids.length + hiddenGrids.length >= TABLE_LIMITS.tables) tableTooLarge(`hơn ${TABLE_LIMITS.tables} trang tính`);
          sheet = {
            name: ownCopy(attrNs(tag, TABLE, "name") ?? `Sheet${grids.length + hiddenGrids.length + 1}`),
            rows: [],
            pendingRows: 0,
            hidden: hiddenStyles.has(attrNs(tag, TABLE, "style-name") ?? ""),
          };
          return;
        case "table-row":
          if (sheet) row = { cells: [], pendingCells: 0, repeat: count(tag, "number-rows-repeated") };
          return;
        case "table-cell":
        case "covered-table-cell":
          if (row) cell = { cell: valueCell(tag), repeat: count(tag, "number-columns-repeated"), paragraphs: [], chars: 0, typed: hasValueType(tag) };
          return;
      }
      return;
    }
    if (tag.uri === TEXT && cell) {
      if (tag.local === "p" || tag.local === "h") {
        if (inParagraph === 0) {
          // The line break that joins it to the paragraph before counts too.
          if (cell.paragraphs.length > 0) cell.chars++;
          cell.paragraphs.push("");
        }
        inParagraph++;
      } else if (inParagraph) {
        if (tag.local === "s") add(" ".repeat(Math.min(count2(tag), TABLE_LIMITS.cellText)));
        else if (tag.local === "tab") add("\t");
        else if (tag.local === "line-break") add("\n");
        else if (tag.local === "span" || tag.local === "a") inParagraph++;
      }
    }
  };

  const close = (tag: XmlName): void => {
    if (skip) {
      skip--;
      return;
    }
    if (tag.uri === TEXT && cell && inParagraph && (tag.local === "p" || tag.local === "h" || tag.local === "span" || tag.local === "a")) {
      inParagraph--;
      return;
    }
    if (tag.uri !== TABLE) return;
    switch (tag.local) {
      case "table-cell":
      case "covered-table-cell": {
        if (!row || !cell) return;
        let c = cell.cell;
        // A copy: a paragraph's text is a slice of a decoded piece of the part.
        const text = ownCopy(cell.paragraphs.join("\n"));
        if (!c && text !== "") c = { value: text };
        else if (c && !cell.typed && text !== "") c.value = text;
        else if (c && c.value === null && text !== "") c.value = text;
        if (!c || c.value === null || c.value === "") row.pendingCells += cell.repeat;
        else {
          const start = row.cells.length + row.pendingCells;
          if (start + cell.repeat > TABLE_LIMITS.sheetColumns) tableTooLarge(`trang tính có hơn ${TABLE_LIMITS.sheetColumns} cột`);
          row.cells.length = start;
          for (let i = 0; i < cell.repeat; i++) row.cells.push(i === 0 ? c : { ...c });
          row.pendingCells = 0;
        }
        cell = undefined;
        return;
      }
      case "table-row": {
        if (!sheet || !row) return;
        if (row.cells.length === 0) sheet.pendingRows += row.repeat;
        else {
          const start = sheet.rows.length + sheet.pendingRows;
          if (start + row.repeat > TABLE_LIMITS.sheetRows) tableTooLarge(`trang tính có hơn ${TABLE_LIMITS.sheetRows} dòng`);
          totalCells += row.cells.length * row.repeat;
          if (totalCells > TABLE_LIMITS.cells) tableTooLarge(`hơn ${TABLE_LIMITS.cells} ô có dữ liệu`);
          while (sheet.rows.length < start) sheet.rows.push([]);
          for (let i = 0; i < row.repeat; i++) sheet.rows.push(i === 0 ? row.cells : row.cells.map((x) => x && { ...x }));
          sheet.pendingRows = 0;
        }
        row = undefined;
        return;
      }
      case "table":
        if (sheet) (sheet.hidden ? hiddenGrids : grids).push({ name: sheet.name, rows: sheet.rows });
        sheet = undefined;
        return;
    }
  };

  parseXml(
    xml,
    {
      open,
      close,
      text: (t) => {
        if (!skip) add(t);
      },
    },
    undefined,
    meter,
  );
  // As in a workbook: a hidden sheet (last period's copy) is read only when no sheet is visible.
  return grids.length ? grids : hiddenGrids;
}

function count2(tag: XmlTag): number {
  const n = Number(attrNs(tag, TEXT, "c") ?? 1);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

function hasValueType(tag: XmlTag): boolean {
  return attrNs(tag, OFFICE, "value-type") !== undefined || attrNs(tag, CALCEXT, "value-type") !== undefined;
}

/** The cell's typed value (numbers, percentages, dates, booleans); text cells take their paragraphs. */
function valueCell(tag: XmlTag): Cell | undefined {
  // A formula's error (#DIV/0!, Err:502) is written as an empty string or a 0: its shown text is the
  // value, as an .xlsx error cell's is.
  const error = attrNs(tag, CALCEXT, "value-type") === "error";
  const type = error ? undefined : attrNs(tag, OFFICE, "value-type");
  const formula = attrNs(tag, TABLE, "formula");
  let cell: Cell | undefined = error ? { value: null } : undefined;
  switch (type) {
    case "float":
    case "currency":
    case "percentage": {
      const v = Number(attrNs(tag, OFFICE, "value"));
      cell = { value: Number.isFinite(v) ? v : null };
      // As the .xlsx reader does: 1 in a percent cell means 100 %.
      if (type === "percentage") cell.format = "0%";
      break;
    }
    case "boolean":
      cell = { value: attrNs(tag, OFFICE, "boolean-value") === "true" };
      break;
    case "date":
      cell = { value: keepOrNull(attrNs(tag, OFFICE, "date-value")) };
      break;
    case "time":
      cell = { value: keepOrNull(attrNs(tag, OFFICE, "time-value")) };
      break;
    case "string": {
      cell = { value: keepOrNull(attrNs(tag, OFFICE, "string-value")) };
      break;
    }
  }
  if (formula) {
    cell ??= { value: null };
    // "of:=SUM([.D8:.D9])": the namespace prefix is not part of the formula.
    cell.formula = ownCopy(formula.replace(/^[a-z]+:=?/i, "").replace(/^=/, ""));
  }
  return cell;
}

/** An attribute value a cell keeps: a copy of its own (values are slices of the decoded part). */
const keepOrNull = (v: string | undefined): string | null => (v === undefined ? null : ownCopy(v));
