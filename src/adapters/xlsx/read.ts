import { Cell, Grid } from "../../core/grid";
import { isDateFormat } from "../../core/numbers";
import { ACCEPTED_FORMATS, FOREIGN, compoundFileKind, plainFileKind } from "../foreignFile";
import { FileLimitError, LIMITS, Limits, formatCount, tooLarge } from "../limits";
import { Relationship as OpcRelationship, parseRelationships, resolveTarget } from "../opc";
import { WorkMeter, XmlError, XmlName, XmlTag, attrNs, attrOf, ownCopy, parseXml } from "../xml";
import { DuplicateEntryError, InflateRaw, ParsedParts, ZipError, ZipReader } from "./zip";

export type XlsxProblem = "encrypted" | "legacyXls" | "xlsb" | "corrupt" | "notExcel" | "empty" | "tooLarge";

/** A file that cannot be read as a workbook, with the reason in Vietnamese. */
export class XlsxReadError extends Error {
  constructor(
    readonly problem: XlsxProblem,
    message: string,
  ) {
    super(message);
  }
}

export { ACCEPTED_FORMATS };

const MESSAGES: Record<Exclude<XlsxProblem, "tooLarge">, string> = {
  encrypted: FOREIGN.encrypted.message,
  legacyXls: FOREIGN.legacyXls.message,
  xlsb: "Tệp ở định dạng Excel nhị phân (.xlsb); hãy lưu lại thành .xlsx (Tệp → Lưu thành → Sổ làm việc Excel).",
  corrupt: `Tệp bị hỏng hoặc không đầy đủ (có thể tải về chưa xong); không đọc được. ${ACCEPTED_FORMATS}`,
  notExcel: `Tệp không phải sổ làm việc Excel (.xlsx). ${ACCEPTED_FORMATS}`,
  empty: "Sổ làm việc không có trang tính nào.",
};

function fail(problem: Exclude<XlsxProblem, "tooLarge">, detail?: string): never {
  throw new XlsxReadError(problem, detail ? `${MESSAGES[problem].replace(/\.$/, "")}: ${detail}.` : MESSAGES[problem]);
}

/** Namespaces of SpreadsheetML (transitional, strict) and of relationships (both), as Excel accepts them. */
const MAIN = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
  // Office 2007 beta wrote this one; some old files still carry it.
  "http://schemas.microsoft.com/office/excel/2006/2",
  "",
]);
const inMain = (uri: string): boolean => MAIN.has(uri);
/** Relationship kinds whose parts hold cells (macro and dialog sheets are grids too; chart sheets are not). */
const CELL_SHEETS = new Set(["worksheet", "xlMacrosheet", "xlIntlMacrosheet", "dialogsheet"]);
const REL_ATTR = new Set(["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"]);
const CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
const XLSB_MAIN = "application/vnd.ms-excel.sheet.binary.macroenabled.main";

/** Excel's built-in number formats that matter to a reader: percents and dates (ids 9–22, 45–47). */
const BUILTIN_FORMATS: Record<number, string> = {
  9: "0%",
  10: "0.00%",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
};

/**
 * Reads every worksheet of an .xlsx/.xlsm/.xltx/.xltm into grids. The package is opened through its
 * relationships ([Content_Types].xml, _rels/.rels → workbook → sheets, shared strings, styles) and only
 * those parts are inflated, each once, under the limit policy (LIMITS). The bytes are never modified.
 */
export function readXlsx(bytes: Uint8Array, inflateRaw?: InflateRaw, options: XlsxReadOptions = {}): Grid[] {
  return withWorkbook(bytes, inflateRaw, options, (reader) => reader.read(options.hiddenSheets ?? false));
}

export interface XlsxReadOptions {
  limits?: Limits;
  /** Parts parsed before, for a merge reading many workbooks of one producer; a read alone has its own. */
  parsed?: ParsedWorkbookParts;
  meter?: WorkMeter;
  /**
   * Hidden sheets too, whatever the visible ones hold. A report is what the officer sees, so a received
   * file's hidden sheets are read only when no visible sheet holds cells; the conformance run compares
   * every sheet with another reader.
   */
  hiddenSheets?: boolean;
}

/** The names of a workbook's sheets, in order, without reading any sheet. */
export function readSheetNames(bytes: Uint8Array, inflateRaw?: InflateRaw): string[] {
  return withWorkbook(bytes, inflateRaw, {}, (reader) => reader.sheetList().sheets.map((s) => s.name));
}

function withWorkbook<T>(bytes: Uint8Array, inflateRaw: InflateRaw | undefined, options: XlsxReadOptions, readWith: (reader: WorkbookReader) => T): T {
  const { limits } = options;
  if (bytes.length < 4) fail(bytes.length === 0 ? "corrupt" : "notExcel");
  // What else officers attach (an old Office file, a PDF, a web page named .xls) is named, with what to do.
  const foreign = compoundFileKind(bytes) ?? plainFileKind(bytes);
  if (foreign) throw new XlsxReadError(foreign.kind === "encrypted" || foreign.kind === "legacyXls" ? foreign.kind : "notExcel", foreign.message);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) fail("notExcel");
  try {
    const parsed = options.parsed ?? new ParsedWorkbookParts();
    return readWith(new WorkbookReader(new ZipReader(bytes, inflateRaw, limits), limits ?? LIMITS, parsed, options.meter ?? { steps: 0 }));
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    if (e instanceof FileLimitError) throw new XlsxReadError("tooLarge", e.message);
    if (e instanceof DuplicateEntryError) fail("corrupt", `phần “${e.entryName}” có hai bản trong tệp nén, không biết bản nào đúng`);
    if (e instanceof ZipError || e instanceof XmlError) fail("corrupt");
    // Anything else a damaged file can trigger (a stack overflow in a tokenizer, a bad code point) is damage too.
    if (e instanceof Error) fail("corrupt");
    throw e;
  }
}

interface Relationship {
  type: string;
  /** Resolved part name, without a leading "/". */
  target: string;
}

/** "…/relationships/worksheet" → "worksheet": transitional and strict types end the same way. */
const relKind = (type: string): string => type.slice(type.lastIndexOf("/") + 1);

function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Days from Excel's 1900 epoch to its 1904 one. */
const DAYS_1900_TO_1904 = 1462;

/** Distinct plain cells shared per workbook (a report has a few hundred distinct values). */
const PLAIN_CELLS = 4096;

/** Reads a workbook package, one part at a time, counting everything the limit policy bounds. */
class WorkbookReader {
  private cells = 0;
  private span = 0;
  private textChars = 0;
  private textWork = 0;
  private date1904 = false;
  private readonly plainCells = new Map<Cell["value"], Cell>();
  /** The cell of each shared string, by its index: found without hashing the text. */
  private readonly sharedCells: (Cell | undefined)[] = [];

  constructor(
    private readonly zip: ZipReader,
    private readonly limits: Limits,
    private readonly parsed: ParsedWorkbookParts,
    private readonly meter: WorkMeter,
  ) {}

  /** The workbook part and its sheets, in order, as the workbook lists them. */
  sheetList(): { workbookPart: string; sheets: { name: string; rid: string; hidden: boolean }[]; activeTab: number } {
    const workbookPart = this.findWorkbook();
    const sheets: { name: string; rid: string; hidden: boolean }[] = [];
    let activeTab = 0;
    this.parse(workbookPart, {
      open: (tag) => {
        if (!inMain(tag.uri)) return;
        if (tag.local === "sheet") {
          if (sheets.length >= this.limits.sheets)
            throw tooLarge(`sổ làm việc có hơn ${formatCount(this.limits.sheets)} trang tính`, `${formatCount(this.limits.sheets)} trang tính`);
          const state = attrOf(tag, "state");
          sheets.push({ name: attrOf(tag, "name") ?? `Sheet${sheets.length + 1}`, rid: attrNs(tag, REL_ATTR, "id") ?? "", hidden: state === "hidden" || state === "veryHidden" });
        } else if (tag.local === "workbookView" && activeTab === 0) {
          const n = Number(attrOf(tag, "activeTab") ?? 0);
          if (Number.isInteger(n) && n > 0) activeTab = n;
        } else if (tag.local === "workbookPr") {
          const d = attrOf(tag, "date1904");
          this.date1904 = d === "1" || d === "true";
        }
      },
    });
    return { workbookPart, sheets, activeTab };
  }

  read(hiddenSheets: boolean): Grid[] {
    const { workbookPart, sheets: listed, activeTab } = this.sheetList();
    // The sheet open when the workbook was saved comes first: of sheets that match a template alike
    // (last period's copy beside this period's), it is the one the officer means.
    const sheets = activeTab < listed.length ? [listed[activeTab], ...listed.filter((_s, i) => i !== activeTab)] : listed;
    const rels = this.rels(workbookPart);
    const byKind = (kind: string): string | undefined => {
      for (const r of rels.values()) if (relKind(r.type) === kind) return r.target;
      return undefined;
    };
    const stylesPart = byKind("styles");
    let formats: readonly (string | undefined)[] | undefined;
    const styles = (): readonly (string | undefined)[] =>
      (formats ??= (stylesPart && this.readPart(stylesPart, (b) => numberFormats(b, this.meter), undefined, this.parsed.styles)?.value) || []);
    const stringsPart = byKind("sharedStrings");
    let strings: string[] | undefined;
    const shared = (): string[] => (strings ??= stringsPart ? this.parseSharedStrings(stringsPart) : []);
    const grids: Grid[] = [];
    const seen = new Set<string>();
    const readSheets = (hidden: boolean): void => {
      for (const s of sheets) {
        if (s.hidden !== hidden) continue;
        const rel = rels.get(s.rid);
        if (!rel || !CELL_SHEETS.has(relKind(rel.type))) continue;
        const key = rel.target.toLowerCase();
        // Several entries naming one part would multiply the work: each part is read once.
        if (seen.has(key)) continue;
        seen.add(key);
        if (!this.zip.has(rel.target)) continue;
        grids.push({ name: s.name, rows: this.parseSheet(rel.target, s.name, shared, styles) });
      }
    };
    // The sheets the officer sees are the report; a hidden one (last period's copy, a lookup list) is
    // read only when no visible sheet holds cells.
    readSheets(false);
    if (hiddenSheets || grids.length === 0) readSheets(true);
    if (grids.length === 0) fail("empty");
    return grids;
  }

  /**
   * A cell holding only a value is shared by every cell with that value (frozen: nothing writes to a
   * read cell): a sheet of a million numbered rows then costs a million pointers, not a million cells.
   */
  private plainCell(value: Cell["value"]): Cell {
    let cell = this.plainCells.get(value);
    if (!cell) {
      cell = Object.freeze({ value });
      if (this.plainCells.size < PLAIN_CELLS) this.plainCells.set(value, cell);
    }
    return cell;
  }

  private sharedCell(index: number, value: string | number | boolean): Cell {
    return (this.sharedCells[index] ??= Object.freeze({ value }));
  }

  private part(name: string, label?: string): Uint8Array | undefined {
    return this.zip.read(name, label);
  }

  private parse(name: string, on: Parameters<typeof parseXml>[1], label?: string): boolean {
    return this.readPart(name, (bytes) => parseXml(bytes, on, undefined, this.meter), label) !== undefined;
  }

  /**
   * `read` over a part's bytes, or undefined if the package has no such part. With `parsed`, a part
   * that is byte for byte one read before gives the value read then.
   */
  private readPart<T>(name: string, read: (bytes: Uint8Array) => T, label?: string, parsed?: ParsedParts<T>): { value: T } | undefined {
    try {
      if (parsed) {
        const value = this.zip.readParsed(name, parsed, read, label);
        return value === undefined ? undefined : { value };
      }
      const bytes = this.part(name, label);
      return bytes ? { value: read(bytes) } : undefined;
    } catch (e) {
      // A part cut short or with broken tags is a damaged file: never half read.
      if (e instanceof XmlError) fail("corrupt", `${label ?? `phần “${name}”`} không phải XML hợp lệ hoặc bị cắt cụt`);
      throw e;
    }
  }

  /** The workbook part: _rels/.rels → officeDocument; else [Content_Types].xml; else xl/workbook.xml. */
  private findWorkbook(): string {
    const types = this.readPart("[Content_Types].xml", (b) => contentTypes(b, this.meter), undefined, this.parsed.contentTypes)?.value ?? new Map<string, string>();
    let main: string | undefined;
    let packageRels = new Map<string, Relationship>();
    try {
      packageRels = this.rels("");
    } catch (e) {
      // Damaged package relationships: the content types still name the workbook (as openpyxl and Excel find it).
      if (!(e instanceof XlsxReadError)) throw e;
    }
    for (const r of packageRels.values()) if (relKind(r.type) === "officeDocument" && this.zip.has(r.target)) main ??= r.target;
    if (!main) for (const [part, type] of types) if (/\.(sheet|template)\.main(\+xml)?$|\.main\+xml$/.test(type) && this.zip.has(part)) main ??= part;
    if (!main && this.zip.has("xl/workbook.xml")) main = "xl/workbook.xml";
    if (main && (types.get(main.toLowerCase()) === XLSB_MAIN || main.toLowerCase().endsWith(".bin"))) fail("xlsb");
    if (!main) {
      if (this.zip.has("xl/workbook.bin")) fail("xlsb");
      fail("notExcel");
    }
    return main;
  }

  /** The relationships of a part (of the package when `part` is ""), by Id. */
  private rels(part: string): Map<string, Relationship> {
    const map = new Map<string, Relationship>();
    for (const r of this.readPart(part ? relsPartOf(part) : "_rels/.rels", (b) => parseRelationships(b, this.meter), undefined, this.parsed.relationships)?.value ?? [])
      if (!r.external && !map.has(r.id)) map.set(r.id, { type: r.type, target: resolveTarget(part, r.target) });
    return map;
  }

  private addText(s: string): void {
    this.textChars += s.length;
    if (this.textChars > this.limits.textChars)
      throw tooLarge(`tệp chứa hơn ${formatCount(this.limits.textChars)} ký tự chữ`, `${formatCount(this.limits.textChars)} ký tự`);
  }

  private parseSharedStrings(part: string): string[] {
    const out: string[] = [];
    let depthSi = 0;
    let inT = false;
    let inPhonetic = 0;
    let buf = "";
    this.parse(
      part,
      {
        open: (tag) => {
          if (!inMain(tag.uri)) return;
          switch (tag.local) {
            case "si":
              if (depthSi++ === 0) buf = "";
              break;
            case "rPh":
              inPhonetic++;
              break;
            case "t":
              inT = depthSi > 0 && inPhonetic === 0;
              break;
          }
        },
        close: (tag) => {
          if (!inMain(tag.uri)) return;
          switch (tag.local) {
            case "si":
              if (--depthSi === 0) {
                if (out.length >= this.limits.sharedStrings)
                  throw tooLarge(`bảng chuỗi dùng chung có hơn ${formatCount(this.limits.sharedStrings)} chuỗi`, `${formatCount(this.limits.sharedStrings)} chuỗi`);
                this.addText(buf);
                out.push(decodeXstring(buf));
              }
              break;
            case "rPh":
              inPhonetic--;
              break;
            case "t":
              inT = false;
              break;
          }
        },
        text: (t) => {
          if (inT) {
            buf += t;
            if (buf.length > this.limits.textChars) this.addText(buf);
          }
        },
      },
      "bảng chuỗi dùng chung",
    );
    return out;
  }

  /** One streaming pass over a sheet: cells are placed by their address, checked against Excel's grid first. */
  private parseSheet(part: string, sheetName: string, shared: () => string[], styles: () => readonly (string | undefined)[]): (Cell | undefined)[][] {
    const { limits } = this;
    const rows: (Cell | undefined)[][] = [];
    let nextRow = 0;
    let row = -1;
    let nextCol = 0;
    // The cell being read.
    let r = 0;
    let c = 0;
    let type: string | undefined;
    let style: string | undefined;
    let v: string | undefined;
    let f: string | undefined;
    let hasF = false;
    let inline: string | undefined;
    // What the text events are collected for.
    let capture = false;
    let buf = "";
    let inIs = false;
    let inPhonetic = 0;
    let inSheetData = false;
    const at = { r: -1, c: 0 };
    const outside = (what: string): never =>
      fail("corrupt", `trang “${sheetName}” có ${what} nằm ngoài lưới của Excel (${formatCount(limits.maxRows)} dòng × ${formatCount(limits.maxColumns)} cột)`);

    // The cells of the row being read, placed into an array of the exact width when the row ends:
    // a row grown cell by cell would carry spare capacity, which a million rows multiply.
    let pendingRow = -1;
    let pendingWidth = 0;
    let rowCount = 0;
    // Reused from row to row (emptied by count: emptying an array by its length drops its storage).
    let pendingCount = 0;
    const pendingCols: number[] = [];
    const pendingCells: Cell[] = [];
    const flush = (): void => {
      if (pendingRow < 0) return;
      let line = rows[pendingRow];
      if (!line) {
        line = rows[pendingRow] = new Array<Cell | undefined>(pendingWidth);
        rowCount++;
      }
      for (let i = 0; i < pendingCount; i++) line[pendingCols[i]] = pendingCells[i];
      pendingCount = pendingWidth = 0;
      pendingRow = -1;
    };
    const place = (cell: Cell): void => {
      if (++this.cells > limits.cells)
        throw tooLarge(`tệp có hơn ${formatCount(limits.cells)} ô có dữ liệu`, `${formatCount(limits.cells)} ô`);
      if (r !== pendingRow) {
        flush();
        pendingRow = r;
      }
      if (c >= pendingWidth) {
        this.span += c + 1 - pendingWidth;
        pendingWidth = c + 1;
        if (this.span > limits.span) throw tooLarge(`trang “${sheetName}” trải trên hơn ${formatCount(limits.span)} ô`, `${formatCount(limits.span)} ô`);
      }
      pendingCols[pendingCount] = c;
      pendingCells[pendingCount++] = cell;
      if (typeof cell.value === "string") {
        this.textWork += cell.value.length;
        if (this.textWork > limits.textWork)
          throw tooLarge(`các ô chứa tổng cộng hơn ${formatCount(limits.textWork)} ký tự chữ`, `${formatCount(limits.textWork)} ký tự`);
      }
    };

    const finishCell = (): void => {
      let value: Cell["value"] = null;
      let sharedIndex = -1;
      let format = style !== undefined ? styles()[Number(style)] : undefined;
      switch (type) {
        case "s":
          if (v !== undefined && v !== "") {
            sharedIndex = Number(v);
            value = shared()[sharedIndex] ?? null;
          }
          break;
        case "inlineStr":
          // LibreOffice writes a text formula result as <c t="inlineStr"><v>…</v>: the <v> is the text.
          value = decodeXstring(inline ?? v ?? "") || null;
          break;
        case "str":
          value = v === undefined ? null : decodeXstring(v);
          break;
        case "e":
          value = v ?? null;
          break;
        case "b":
          if (v !== undefined && v.trim() !== "") value = v.trim() === "1" || v.trim() === "true";
          break;
        case "d":
          if (v !== undefined && v.trim() !== "") {
            const serial = isoToSerial(v.trim(), this.date1904);
            value = serial ?? v;
            if (serial !== undefined && !format) format = "yyyy-mm-dd hh:mm:ss";
          }
          break;
        default:
          if (v !== undefined && v.trim() !== "") {
            const n = Number(v);
            value = Number.isNaN(n) ? v : n;
          }
      }
      // Dates of a 1904 workbook (old Mac Excel, Numbers) are counted as in the 1900 system every grid uses.
      if (this.date1904 && typeof value === "number" && value >= 1 && isDateFormat(format)) value += DAYS_1900_TO_1904;
      // A formula whose result was never computed (written by a library) is not 0 and not blank.
      const uncomputed = hasF && (v === undefined || (v === "" && type !== "str")) && inline === undefined;
      if (value === null && !hasF) return;
      if (!format && !f && !uncomputed) {
        place(sharedIndex >= 0 && value !== null ? this.sharedCell(sharedIndex, value) : this.plainCell(value));
        return;
      }
      const cell: Cell = { value };
      if (format) cell.format = format;
      if (f) cell.formula = f;
      if (uncomputed) cell.uncomputed = true;
      place(cell);
    };

    const parsed = this.parse(
      part,
      {
        open: (tag: XmlTag) => {
          if (!inMain(tag.uri)) return;
          switch (tag.local) {
            case "sheetData":
              inSheetData = true;
              return;
            case "row": {
              if (!inSheetData) return;
              const ra = attrOf(tag, "r");
              if (ra !== undefined) {
                const n = Number(ra);
                if (!Number.isInteger(n) || n < 1) fail("corrupt", `trang “${sheetName}” có số dòng “${ra}” không hợp lệ`);
                if (n > limits.maxRows) outside(`dòng ${formatCount(n)}`);
                row = n - 1;
              } else {
                if (nextRow >= limits.maxRows) outside(`dòng ${formatCount(nextRow + 1)}`);
                row = nextRow;
              }
              nextRow = row + 1;
              nextCol = 0;
              return;
            }
            case "c": {
              if (!inSheetData) return;
              r = row < 0 ? nextRow : row;
              c = nextCol;
              type = style = undefined;
              // One pass over the attributes: this runs for every cell.
              for (let i = 0; i < tag.attrCount; i++) {
                const name = tag.attrNames[i];
                if (name === "r") {
                  const ref = tag.value(i);
                  if (!parseRef(ref, at)) fail("corrupt", `trang “${sheetName}” có địa chỉ ô “${ref}” không hợp lệ`);
                  if (at.r >= 0) r = at.r;
                  c = at.c;
                } else if (name === "t") type = tag.value(i);
                else if (name === "s") style = tag.value(i);
              }
              if (r >= limits.maxRows) outside(`dòng ${formatCount(r + 1)}`);
              if (c >= limits.maxColumns) outside(`cột ${formatCount(c + 1)}`);
              nextCol = c + 1;
              v = f = inline = undefined;
              hasF = false;
              return;
            }
            case "v":
              capture = true;
              buf = "";
              return;
            case "f":
              hasF = true;
              capture = true;
              buf = "";
              return;
            case "is":
              inIs = true;
              inline = "";
              return;
            case "rPh":
              inPhonetic++;
              return;
            case "t":
              if (inIs && inPhonetic === 0) {
                capture = true;
                buf = "";
              }
              return;
          }
        },
        close: (tag: XmlName) => {
          if (!inMain(tag.uri)) return;
          switch (tag.local) {
            case "sheetData":
              inSheetData = false;
              return;
            case "c":
              if (inSheetData) finishCell();
              return;
            case "v":
              v = buf;
              capture = false;
              return;
            case "f":
              this.addText(buf);
              f = buf ? ownCopy(buf) : undefined;
              capture = false;
              return;
            case "is":
              inIs = false;
              return;
            case "rPh":
              inPhonetic--;
              return;
            case "t":
              if (capture && inIs) {
                this.addText(buf);
                inline += buf;
                capture = false;
              }
              return;
          }
        },
        text: (t: string) => {
          if (capture) buf += t;
        },
      },
      `trang “${sheetName}”`,
    );
    if (!parsed) return [];
    flush();
    // A dense array of rows. Mostly filled: the gaps are filled in place (a copy of a million rows
    // would be the peak of the whole read); rows placed far apart may have made it a sparse one: copied.
    if (rowCount * 2 >= rows.length) {
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      return rows;
    }
    const dense: (Cell | undefined)[][] = [];
    for (let i = 0; i < rows.length; i++) dense.push(rows[i] ?? []);
    return dense;
  }
}

/**
 * Parts a producer writes alike in every workbook, parsed once for a whole merge (see
 * ZipReader.readParsed): made by whoever reads the workbooks, and passed to each read.
 */
export class ParsedWorkbookParts {
  readonly contentTypes = new ParsedParts<ReadonlyMap<string, string>>();
  readonly relationships = new ParsedParts<readonly OpcRelationship[]>();
  readonly styles = new ParsedParts<readonly (string | undefined)[]>();
}

/** [Content_Types].xml: part name (lower case) → content type (lower case), for the parts it overrides. */
function contentTypes(bytes: Uint8Array, meter: WorkMeter): ReadonlyMap<string, string> {
  const types = new Map<string, string>();
  parseXml(bytes, {
    open: (tag) => {
      if (tag.uri !== CONTENT_TYPES || tag.local !== "Override") return;
      const part = attrOf(tag, "PartName");
      const type = attrOf(tag, "ContentType");
      if (part && type) types.set(ownCopy(resolveTarget("", part).toLowerCase()), ownCopy(type.toLowerCase()));
    },
  }, undefined, meter);
  return types;
}

/** The styles part: style index → number format code (percents, dates and every custom code). */
function numberFormats(bytes: Uint8Array, meter: WorkMeter): readonly (string | undefined)[] {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  parseXml(bytes, {
    open: (tag) => {
      if (!inMain(tag.uri)) return;
      if (tag.local === "numFmt") {
        const id = Number(attrOf(tag, "numFmtId"));
        const code = attrOf(tag, "formatCode");
        if (code !== undefined && Number.isInteger(id)) custom.set(id, ownCopy(code));
      } else if (tag.local === "cellXfs") inCellXfs = true;
      else if (tag.local === "xf" && inCellXfs) xfs.push(Number(attrOf(tag, "numFmtId") ?? 0));
    },
    close: (tag) => {
      if (tag.local === "cellXfs" && inMain(tag.uri)) inCellXfs = false;
    },
  }, undefined, meter);
  return xfs.map((id) => custom.get(id) ?? BUILTIN_FORMATS[id]);
}

/**
 * Text as a cell holds it: Excel escapes characters XML cannot hold as `_xHHHH_` (ECMA-376 Part 1,
 * 22.9.2.19 ST_Xstring); the result is kept, so it is a copy of its own (see ownCopy).
 */
function decodeXstring(s: string): string {
  if (s.indexOf("_x") < 0) return ownCopy(s);
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** "D83" → r 82, c 3; "D" (a column only, as some writers do) → r -1, c 3; false if malformed. */
function parseRef(ref: string, out: { r: number; c: number }): boolean {
  let c = 0;
  let i = 0;
  for (; i < ref.length && i < 8; i++) {
    let code = ref.charCodeAt(i);
    if (code >= 97 && code <= 122) code -= 32;
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
  }
  if (i === 0) return false;
  out.c = c - 1;
  out.r = -1;
  if (i === ref.length) return true;
  let n = 0;
  for (let k = i; k < ref.length; k++) {
    const d = ref.charCodeAt(k) - 48;
    if (d < 0 || d > 9 || k - i > 9) return false;
    n = n * 10 + d;
  }
  if (n < 1) return false;
  out.r = n - 1;
  return true;
}

/** ISO 8601 date/time of a `t="d"` cell → Excel serial, as Excel stores dates. */
function isoToSerial(iso: string, date1904: boolean): number | undefined {
  const m = /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m || (!m[1] && !m[4])) return undefined;
  const time = m[4] ? (Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0)) / 86400 : 0;
  if (!m[1]) return time;
  const days = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) / 86400000 : Date.UTC(1899, 11, 30) / 86400000;
  let serial = days - epoch;
  // Excel's 1900 system counts a 29 February 1900 that never was: dates before March 1900 are one less.
  if (!date1904 && serial < 61) serial -= 1;
  return serial + time;
}
