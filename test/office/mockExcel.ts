/**
 * A fake Excel for unit tests, built on office-addin-mock's OfficeMockObject (its load/sync semantics:
 * a scalar read before load + sync yields the library's error string).
 *
 * office-addin-mock only knows a fixed object tree, while Excel hands out fresh objects per address
 * (getRange, getRanges, getItem…). Those are built here as new OfficeMockObjects, registered so every
 * context.sync() also syncs them, and wrapped in a Proxy that records each property assignment in
 * order and applies it to a simulated workbook (cells, formats, validations, merges, protection, notes).
 * Loaded properties (cell grids, fills, fonts, sheet protection, note contents) are read from the
 * simulation at sync time, again on every new load; *OrNullObject misses are null objects whose
 * isNullObject is known after the sync. A protected sheet refuses what Excel refuses: writes to locked
 * cells, formats unless its options allow them, notes unless allowEditObjects.
 */
import { Grid, columnLetter } from "../../src/core/grid";
import { OfficeMockObject } from "office-addin-mock";
import { compareVersions, excelApiTable } from "./apiSets";
import { MeterTarget, RequestMeter } from "./requestSize";

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose entry point pulls in
// ESM-only packages Jest cannot load: serve the enum's own (dependency-free) module instead.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));

export { OfficeMockObject };

export type CellValue = string | number | boolean;

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export type Side = "top" | "bottom" | "left" | "right";

export interface MockCell {
  value: CellValue;
  /** Formula text with its leading "=". */
  formula?: string;
  numberFormat: string;
  /** Format properties by path below `format`, e.g. "font.bold", "fill.color", "protection.locked". */
  format: Record<string, unknown>;
  borders: Partial<Record<Side, string>>;
}

export interface MockValidation {
  sheet: string;
  address: string;
  rect: Rect;
  rule?: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
  ignoreBlanks?: boolean;
}

/** One recorded operation, in call order. */
export interface MockOp {
  sheet?: string;
  /** The sheet's id: stays when the sheet is renamed. */
  sheetId?: string;
  /** Range or RangeAreas address as passed by the caller (no sheet prefix). */
  address?: string;
  /** Property path from the object the caller held, e.g. "format.font.bold", or a method name. */
  path: string;
  kind: "set" | "call";
  value: unknown;
}

export interface RangeWrite {
  sheet: string;
  address: string;
  property: "values" | "formulas" | "numberFormat";
  data: unknown[][];
}

export interface FormatWrite {
  sheet: string;
  address: string;
  /** Path below `format`, e.g. "font.bold", "borders.EdgeTop.style", "columnWidth". */
  path: string;
  value: unknown;
}

export interface MergeCall {
  sheet: string;
  address: string;
  across: boolean;
}

export interface ProtectionCall {
  sheet: string;
  sheetId: string;
  action: "protect" | "unprotect";
  options?: Excel.WorksheetProtectionOptions;
  password?: string;
}

export interface GetRangesCall {
  sheet: string;
  address: string;
  areas: number;
}

export interface MockSheetInit {
  values: unknown[][];
  numberFormat?: string[][];
  /** Formulas with "=", same shape as values; empty entries keep the value. */
  formulas?: string[][];
  protected?: boolean;
  /** Options of the initial protection (with `protected`). */
  protectionOptions?: Excel.WorksheetProtectionOptions;
  protectionPassword?: string;
  /** Cell formats by address, e.g. { D173: { "fill.color": "#00B0F0" } }. */
  formats?: Record<string, Record<string, unknown>>;
  /** Cell notes by address. */
  notes?: Record<string, string>;
  /** Threaded comments by address. */
  comments?: Record<string, string>;
}

export interface MockExcelOptions {
  sheets?: Record<string, MockSheetInit>;
  /** Name of the active sheet; the first one by default. */
  active?: string;
  /**
   * Whether the host has ExcelApi 1.18 (cell notes). Without it every use of `worksheet.notes`
   * makes the batch fail like an old Excel ("ApiNotFound"). True by default.
   */
  notesApi?: boolean;
  /** The workbook structure is protected (Review › Protect Workbook): no sheet may be added, deleted, renamed or moved. */
  structureProtected?: boolean;
  /** A chart sheet is active: Excel has no active worksheet to hand out. */
  chartSheetActive?: boolean;
  /**
   * The ExcelApi version the host has, when no Office globals say it (installOfficeGlobals); members of a
   * higher set fail the batch with ApiNotFound, as in real Excel. Default: the manifest's minimum, 1.9.
   */
  apiVersion?: string;
  /** The sync with this number (1-based) fails with this code, as when the connection drops half-way. */
  failSync?: { at: number; code: string };
  /** The largest response a sync may return, in bytes (Excel on the web: 5 MB). */
  maxResponseBytes?: number;
  /**
   * Another runtime of the add-in on this workbook (a second window, a co-author's pane): its request
   * runs on the workbook right after this runtime's sync with this number (1-based).
   */
  otherRuntime?: { afterSync: number; run: (workbook: { sheet(name: string): MockSheet; settings: Map<string, unknown> }) => void };
}

/** Excel on the web's limit for one request or response. */
export const MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;

export interface NoteCall {
  sheet: string;
  address: string;
  action: "add" | "delete" | "content";
  content?: string;
}

export class MockExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;
const NOT_SYNCED = "Error, context.sync() was not called";
/** What protection.options reads as for options not given (Excel's defaults). */
export const DEFAULT_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
};
/** Members every proxy has (load/sync machinery, null objects), never Excel API members to check. */
const MOCK_MEMBERS = new Set(["load", "sync", "toJSON", "isNullObject", "then", "context", "track", "untrack", "set"]);
const DEFAULT_FORMAT: Record<string, unknown> = {
  "font.name": "Calibri",
  "font.size": 11,
  "font.bold": false,
  "font.italic": false,
  "font.color": "#000000",
  "fill.color": "#FFFFFF",
  "protection.locked": true,
  "protection.formulaHidden": false,
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
};

// ---------- addresses ----------

export function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/** The fake uses the core's own column lettering. */
export const colLetters = columnLetter;

function stripSheet(ref: string): string {
  const i = ref.lastIndexOf("!");
  return (i >= 0 ? ref.slice(i + 1) : ref).replace(/\$/g, "").trim();
}

/** "B7", "A1:E6", "A:A", "5:6" (optionally "Sheet!"-prefixed) → 0-based rectangle. */
export function parseRef(ref: string): Rect {
  const [a, b = a] = stripSheet(ref).split(":");
  const end = (p: string, first: boolean): { r: number; c: number } => {
    let m = /^([A-Za-z]+)(\d+)$/.exec(p);
    if (m) return { r: Number(m[2]) - 1, c: colIndex(m[1]) };
    m = /^([A-Za-z]+)$/.exec(p);
    if (m) return { r: first ? 0 : MAX_ROW, c: colIndex(m[1]) };
    m = /^(\d+)$/.exec(p);
    if (m) return { r: Number(m[1]) - 1, c: first ? 0 : MAX_COL };
    throw new MockExcelError("InvalidArgument", `bad address "${ref}"`);
  };
  const p = end(a, true);
  const q = end(b, false);
  return { r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) };
}

export function rectRef(r: Rect): string {
  if (r.r1 === 0 && r.r2 === MAX_ROW && r.c1 === 0 && r.c2 === MAX_COL) return "1:1048576";
  if (r.r1 === 0 && r.r2 === MAX_ROW) return `${colLetters(r.c1)}:${colLetters(r.c2)}`;
  if (r.c1 === 0 && r.c2 === MAX_COL) return `${r.r1 + 1}:${r.r2 + 1}`;
  const a = `${colLetters(r.c1)}${r.r1 + 1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${colLetters(r.c2)}${r.r2 + 1}`;
}

function isBounded(r: Rect): boolean {
  return (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1) <= 1_000_000;
}

function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Sheet-qualified references in a formula or list source: "'Danh sách'!$A$3" or "Sheet1!B2". */
const SHEET_REF = /('(?:[^']|'')+'|[A-Za-z_\u00C0-\u1EF9][\w.\u00C0-\u1EF9]*)!/g;

function unquote(name: string): string {
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** The names of the sheets a formula or list source refers to. */
export function referencedSheets(text: string): string[] {
  return [...text.matchAll(SHEET_REF)].map((m) => unquote(m[1]));
}

/** Rewrites references to sheet `from`: to its new name, or to #REF! when it was deleted. */
function rebind(text: string, from: string, to: string | undefined): string {
  return text.replace(SHEET_REF, (all, quoted: string) => (unquote(quoted).toLowerCase() !== from.toLowerCase() ? all : to === undefined ? "#REF!" : `${quoteSheet(to)}!`));
}

// ---------- simulated worksheet ----------

export class MockSheet {
  readonly cells = new Map<string, MockCell>();
  readonly columnFormat = new Map<number, Record<string, unknown>>();
  readonly rowFormat = new Map<number, Record<string, unknown>>();
  readonly sheetFormat: Record<string, unknown> = {};
  readonly merges: string[] = [];
  readonly validations: MockValidation[] = [];
  readonly pageLayout: Record<string, unknown> = {};
  /** Cell notes by address ("D83"). */
  readonly notes = new Map<string, string>();
  /** Threaded comments by cell address: such a cell takes no note. */
  readonly comments = new Map<string, string>();
  /** Worksheet custom properties (ExcelApi 1.12) by lower-cased key: saved and reopened with the sheet. */
  readonly customProperties = new Map<string, { key: string; value: string }>();
  frozenRows = 0;
  /** The block freezeAt froze ("A1:B6"). */
  frozenAt?: string;
  printTitleRows?: string;
  printTitleColumns?: string;
  printArea?: string;
  protected = false;
  protectionOptions?: Excel.WorksheetProtectionOptions;
  protectionPassword?: string;
  visibility = "Visible";
  position = 0;

  constructor(
    public name: string,
    /** Excel gives a sheet a new id when the workbook is opened again (reopen()). */
    public id: string,
  ) {}

  cellAt(r: number, c: number, create: true): MockCell;
  cellAt(r: number, c: number, create?: false): MockCell | undefined;
  cellAt(r: number, c: number, create = false): MockCell | undefined {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell && create) {
      cell = { value: "", numberFormat: "General", format: {}, borders: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }

  private at(ref: string): { r: number; c: number } {
    const rect = parseRef(ref);
    return { r: rect.r1, c: rect.c1 };
  }

  /** Cell value ("" when empty; formula cells hold "" as nothing is calculated). */
  value(ref: string): CellValue {
    const { r, c } = this.at(ref);
    return this.cellAt(r, c)?.value ?? "";
  }

  formula(ref: string): string | undefined {
    const { r, c } = this.at(ref);
    return this.cellAt(r, c)?.formula;
  }

  numberFormat(ref: string): string {
    const { r, c } = this.at(ref);
    return this.cellAt(r, c)?.numberFormat ?? "General";
  }

  /** Effective format property: cell, then row, column, whole sheet, then Excel's default. */
  format(ref: string, path: string): unknown {
    const { r, c } = this.at(ref);
    return this.formatAt(r, c, path);
  }

  formatAt(r: number, c: number, path: string): unknown {
    const own = this.cellAt(r, c)?.format;
    if (own && path in own) return own[path];
    const row = this.rowFormat.get(r);
    if (row && path in row) return row[path];
    const col = this.columnFormat.get(c);
    if (col && path in col) return col[path];
    if (path in this.sheetFormat) return this.sheetFormat[path];
    return DEFAULT_FORMAT[path];
  }

  borders(ref: string): Partial<Record<Side, string>> {
    const { r, c } = this.at(ref);
    return { ...(this.cellAt(r, c)?.borders ?? {}) };
  }

  columnWidth(letter: string): number | undefined {
    return this.columnFormat.get(colIndex(letter))?.columnWidth as number | undefined;
  }

  columnHidden(letter: string): boolean {
    return this.columnFormat.get(colIndex(letter))?.columnHidden === true;
  }

  /** Row height by 1-based row number. */
  rowHeight(row: number): number | undefined {
    return this.rowFormat.get(row - 1)?.rowHeight as number | undefined;
  }

  /** The validation whose address covers `ref` and has a rule. */
  validationAt(ref: string): MockValidation | undefined {
    const { r, c } = this.at(ref);
    return this.validations.find((v) => v.rule && contains(v.rect, r, c));
  }

  /** The note on `ref`, if any. */
  note(ref: string): string | undefined {
    return this.notes.get(rectRef(parseRef(ref)));
  }

  /** What a user typing in Excel does: a new value (numbers stay numbers), the formula gone. */
  setValue(ref: string, value: CellValue): void {
    const { r, c } = this.at(ref);
    const cell = this.cellAt(r, c, true);
    cell.value = value;
    delete cell.formula;
  }

  /** What a user formatting a cell in Excel does, e.g. setFormat("D5", "fill.color", "#00B0F0"). */
  setFormat(ref: string, path: string, value: unknown): void {
    const { r, c } = this.at(ref);
    this.cellAt(r, c, true).format[path] = value;
  }

  /**
   * Bounding rectangle of the used cells: with a value or formula, and (unless `valuesOnly`, like
   * Excel's getUsedRange) also cells that only carry a format.
   */
  usedRect(valuesOnly = true): Rect | undefined {
    let rect: Rect | undefined;
    for (const [key, cell] of this.cells) {
      const formatted = cell.numberFormat !== "General" || Object.keys(cell.format).length > 0 || Object.keys(cell.borders).length > 0;
      if (cell.value === "" && cell.formula === undefined && (valuesOnly || !formatted)) continue;
      const [r, c] = key.split(",").map(Number);
      rect = rect
        ? { r1: Math.min(rect.r1, r), c1: Math.min(rect.c1, c), r2: Math.max(rect.r2, r), c2: Math.max(rect.c2, c) }
        : { r1: r, c1: c, r2: r, c2: c };
    }
    return rect;
  }

  grid<T>(rect: Rect, read: (cell: MockCell | undefined, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row: T[] = [];
      for (let c = rect.c1; c <= rect.c2; c++) row.push(read(this.cellAt(r, c), r, c));
      out.push(row);
    }
    return out;
  }
}

// ---------- the fake ----------

type Owner =
  | { kind: "range"; sheet: MockSheet; areas: Rect[]; address: string }
  | { kind: "sheet"; sheet: MockSheet }
  | { kind: "note"; sheet: MockSheet; address: string }
  | { kind: "other"; type?: string };

type LoadArg = string | string[] | Record<string, unknown> | undefined;
type Fn = (...args: never[]) => unknown;

/** office-addin-mock's private state of an object or property, read to serve loads from the simulation. */
interface MockInternals {
  _properties: Map<string, MockProperty>;
}

interface MockProperty extends MockInternals {
  _valueBeforeLoaded: unknown;
  _isObject?: boolean;
  _loaded?: boolean;
}

interface Registered {
  mock: OfficeMockObject;
  /** Current values of scalar properties, read at sync time so loads see the latest state. */
  read?: (key: string) => unknown;
  keys?: string[];
}

export interface MockExcel {
  context: Excel.RequestContext;
  syncCount(): number;
  /** What an officer (or, with "Remote", a co-author) typing in a cell does: the value changes and onChanged handlers run. */
  type(sheetName: string, ref: string, value: CellValue, source?: "Local" | "Remote"): Promise<void>;
  /** Waits for the onChanged handlers the add-in's own writes raised. */
  settle(): Promise<void>;
  /** Saves, closes and opens the workbook again: every sheet gets a new id, event registrations are gone. */
  reopen(): void;
  /** The officer clicks another sheet's tab. */
  activate(sheetName: string): void;
  /** Registered onChanged handlers. */
  listeners(): number;
  /** Bytes of cell data in the largest response so far. */
  largestResponse(): number;
  /** Each sync's request body in bytes, as Microsoft's Office.js serializer built it (over 5 MB fails the sync). */
  requestSizes(): number[];
  /** The workbook's settings (Excel.SettingCollection), by key. */
  settings: Map<string, unknown>;
  /** Every property assignment and method call, in order. */
  ops: MockOp[];
  writes: RangeWrite[];
  formats: FormatWrite[];
  validations: MockValidation[];
  merges: MergeCall[];
  protections: ProtectionCall[];
  getRangesCalls: GetRangesCall[];
  /** Note additions, deletions and content changes that took effect, in order. */
  noteCalls: NoteCall[];
  maxAreasPerGetRanges(): number;
  sheet(name: string): MockSheet;
  sheetNames(): string[];
  activeSheetName(): string | undefined;
}

export function createMockExcel(opts: MockExcelOptions = {}): MockExcel {
  const sheets: MockSheet[] = [];
  /** Every object the fake handed out, and those created or loaded since the last sync (only they need serving). */
  const registry = new WeakMap<OfficeMockObject, Registered>();
  const dirty = new Set<Registered>();
  /** A child object (format, fill…) → the registered object it belongs to. */
  const rootOf = new WeakMap<OfficeMockObject, OfficeMockObject>();
  const proxies = new WeakMap<OfficeMockObject, Map<string, OfficeMockObject>>();
  const sheetMocks = new Map<MockSheet, OfficeMockObject>();
  const items: OfficeMockObject[] = [];
  const ops: MockOp[] = [];
  const writes: RangeWrite[] = [];
  const formats: FormatWrite[] = [];
  const validations: MockValidation[] = [];
  const merges: MergeCall[] = [];
  const protections: ProtectionCall[] = [];
  const getRangesCalls: GetRangesCall[] = [];
  const noteCalls: NoteCall[] = [];
  const nullMocks = new WeakSet<OfficeMockObject>();
  /** Range proxies → their areas, for methods that take a Range (notes.add). */
  const rangeOwners = new WeakMap<object, Extract<Owner, { kind: "range" }>>();
  /** Objects load() was called on since the last sync: their loaded properties are read again. */
  const reloaded = new Set<OfficeMockObject>();
  const notesApi = opts.notesApi !== false;
  const api = excelApiTable();
  const apiSupported = (version: string): boolean => {
    const requirements = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (s: string, v: string) => boolean } } } }).Office?.context
      ?.requirements;
    if (requirements?.isSetSupported) return requirements.isSetSupported("ExcelApi", version);
    return compareVersions(version, opts.apiVersion ?? "1.9") <= 0;
  };
  let syncs = 0;
  const meter = new RequestMeter();
  const requestSizes: number[] = [];
  let responseBytes = 0;
  let largestResponse = 0;
  const maxResponse = opts.maxResponseBytes ?? MAX_PAYLOAD_BYTES;
  const settings = new Map<string, unknown>();
  const changeHandlers = new Set<(event: Excel.WorksheetChangedEventArgs) => Promise<unknown>>();
  let nextId = 1;
  let active: MockSheet | undefined;
  /** Sheets whose cells or formats the current request changed: Excel raises onChanged for them, formats included. */
  const changed = new Set<MockSheet>();
  const dispatched: Promise<unknown>[] = [];
  const raise = (sheet: MockSheet, address: string, source: "Local" | "Remote", byThisAddin: boolean): void => {
    const event = {
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      worksheetId: sheet.id,
      address,
      source,
      // ExcelApi 1.14 says who made the change; below it the property is absent.
      ...(apiSupported("1.14") ? { triggerSource: byThisAddin ? "ThisLocalAddin" : "Others" } : {}),
    } as unknown as Excel.WorksheetChangedEventArgs;
    for (const h of changeHandlers) dispatched.push(h(event));
  };
  let pending: MockExcelError | undefined;

  const fail = (code: string, message: string): void => {
    pending ??= new MockExcelError(code, message);
  };

  const findSheet = (name: string): MockSheet | undefined => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  /** worksheets.getItem takes a sheet's name or its id. */
  const sheetByKey = (key: string): MockSheet | undefined => findSheet(key) ?? sheets.find((s) => s.id === key);

  const reorder = (): void => {
    sheets.sort((a, b) => a.position - b.position);
    sheets.forEach((s, i) => (s.position = i));
    items.length = 0;
    for (const s of sheets) items.push(sheetProxy(s));
  };

  const register = (mock: OfficeMockObject, read?: (key: string) => unknown, keys?: string[]): OfficeMockObject => {
    const entry = { mock, read, keys };
    registry.set(mock, entry);
    dirty.add(entry);
    return mock;
  };

  /** Excel's type of the object at `path` below the owner, walking the declared member types. */
  const typeAt = (owner: Owner, path: string): string | undefined => {
    let type: string | undefined =
      owner.kind === "range" ? (owner.areas.length > 1 ? "RangeAreas" : "Range") : owner.kind === "sheet" ? "Worksheet" : owner.kind === "note" ? "Note" : owner.type;
    for (const part of path ? path.split(".") : []) {
      if (!type) return undefined;
      type = api.get(`${type}.${part}`)?.type;
    }
    return type;
  };

  /** A member above the host's ExcelApi version (or in another set) fails the batch like real Excel. */
  const checkApi = (owner: Owner, path: string, member: string): void => {
    const type = typeAt(owner, path);
    const entry = type ? api.get(`${type}.${member}`) : undefined;
    if (!entry?.set) return;
    if (entry.set !== "ExcelApi" || !entry.version) return fail("ApiNotFound", `${type}.${member} is in ${entry.set}, not in ExcelApi`);
    if (!apiSupported(entry.version)) fail("ApiNotFound", `${type}.${member} needs ExcelApi ${entry.version}`);
  };

  /** Records sets and forwards them to the simulation; children and methods keep the owner. */
  const wrap = (target: OfficeMockObject, owner: Owner, path: string): OfficeMockObject => {
    let byPath = proxies.get(target);
    if (!byPath) proxies.set(target, (byPath = new Map()));
    const cached = byPath.get(path);
    if (cached) return cached;
    const proxy: OfficeMockObject = new Proxy(target, {
      get(t, prop) {
        const v: unknown = Reflect.get(t, prop);
        if (typeof prop !== "string") return v;
        if (!MOCK_MEMBERS.has(prop)) checkApi(owner, path, prop);
        if (prop === "load")
          return (arg?: LoadArg) => {
            // A null object loads nothing (its isNullObject is known after the sync).
            if (!nullMocks.has(t)) t.load(arg ?? "*");
            reloaded.add(t);
            const entry = registry.get(rootOf.get(t) ?? t);
            if (entry) dirty.add(entry);
            return proxy;
          };
        if (v instanceof OfficeMockObject) {
          if (!rootOf.has(v)) rootOf.set(v, rootOf.get(t) ?? t);
          return wrap(v, owner, path ? `${path}.${prop}` : prop);
        }
        if (typeof v === "function") {
          const fn = v as Fn;
          return (...args: never[]) => fn.apply(t, args);
        }
        return v;
      },
      set(t, prop, value: unknown) {
        if (typeof prop === "string") checkApi(owner, path, prop);
        if (typeof prop === "string") onSet(owner, path ? `${path}.${prop}` : prop, value);
        return Reflect.set(t, prop, value);
      },
    });
    byPath.set(path, proxy);
    return proxy;
  };

  const meterTarget = (owner: Owner): MeterTarget | undefined => {
    if (owner.kind === "range") return { kind: "range", sheetKey: owner.sheet, sheetId: owner.sheet.id, address: owner.address, multi: owner.areas.length > 1 };
    if (owner.kind === "sheet") return { kind: "sheet", sheetKey: owner.sheet, sheetId: owner.sheet.id };
    if (owner.kind === "note") return { kind: "note", sheetKey: owner.sheet, sheetId: owner.sheet.id, address: owner.address };
    return owner.type === "RequestContext" ? { kind: "root" } : undefined;
  };

  const log = (owner: Owner, path: string, kind: MockOp["kind"], value: unknown): void => {
    const target = meterTarget(owner);
    if (target) meter.record(owner, target, path, kind, value);
    ops.push({
      sheet: owner.kind === "other" ? undefined : owner.sheet.name,
      sheetId: owner.kind === "other" ? undefined : owner.sheet.id,
      address: owner.kind === "range" || owner.kind === "note" ? owner.address : undefined,
      path,
      kind,
      value,
    });
  };

  const eachCell = (areas: Rect[], fn: (r: number, c: number) => void): void => {
    for (const a of areas) for (let r = a.r1; r <= a.r2; r++) for (let c = a.c1; c <= a.c2; c++) fn(r, c);
  };

  const protectedBlocks = (sheet: MockSheet, allow: keyof Excel.WorksheetProtectionOptions | undefined): boolean => {
    if (!sheet.protected) return false;
    if (allow && sheet.protectionOptions?.[allow]) return false;
    fail("AccessDenied", `sheet "${sheet.name}" is protected`);
    return true;
  };

  const applyInput = (cell: MockCell, input: unknown): void => {
    delete cell.formula;
    if (input === null || input === undefined || input === "") {
      cell.value = "";
      return;
    }
    if (typeof input === "number" || typeof input === "boolean") {
      cell.value = input;
      return;
    }
    const s = String(input);
    if (cell.numberFormat === "@") {
      cell.value = s;
      return;
    }
    if (/^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(s)) cell.value = Number(s);
    else if (/^[=+\-@]/.test(s)) {
      // Excel reads these as formulas (values and formulas alike).
      cell.formula = s.startsWith("=") ? s : `=${s}`;
      // A reference to a sheet that does not exist evaluates to #REF!.
      cell.value = referencedSheets(cell.formula).some((name) => !findSheet(name)) ? "#REF!" : "";
    } else if (/^(true|false)$/i.test(s)) cell.value = s.toLowerCase() === "true";
    else cell.value = s;
  };

  const writeCells = (owner: Extract<Owner, { kind: "range" }>, property: RangeWrite["property"], data: unknown): void => {
    const { sheet, areas } = owner;
    const area = areas[0];
    if (areas.length !== 1 || !isBounded(area)) return fail("InvalidArgument", `cannot set ${property} on ${owner.address}`);
    const rows = area.r2 - area.r1 + 1;
    const cols = area.c2 - area.c1 + 1;
    if (!Array.isArray(data) || data.length !== rows || data.some((row) => !Array.isArray(row) || row.length !== cols))
      return fail("InvalidArgument", `${property} for ${owner.address} must be ${rows}×${cols}`);
    const matrix = data as unknown[][];
    if (property === "numberFormat") {
      if (protectedBlocks(sheet, "allowFormatCells")) return;
    } else if (sheet.protected) {
      let locked = false;
      eachCell(areas, (r, c) => (locked ||= sheet.formatAt(r, c, "protection.locked") !== false));
      if (locked) return fail("AccessDenied", `cells ${owner.address} are locked`);
    }
    writes.push({ sheet: sheet.name, address: owner.address, property, data: matrix.map((row) => [...row]) });
    changed.add(sheet);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        const cell = sheet.cellAt(area.r1 + i, area.c1 + j, true);
        if (property === "numberFormat") cell.numberFormat = String(matrix[i][j]);
        else applyInput(cell, matrix[i][j]);
      }
  };

  const setBorder = (sheet: MockSheet, areas: Rect[], side: string, style: unknown): void => {
    const mark = (r: number, c: number, s: Side): void => {
      const cell = sheet.cellAt(r, c, true);
      if (style === "None") delete cell.borders[s];
      else cell.borders[s] = String(style);
    };
    for (const a of areas)
      eachCell([a], (r, c) => {
        if (side === "EdgeTop" && r === a.r1) mark(r, c, "top");
        if (side === "EdgeBottom" && r === a.r2) mark(r, c, "bottom");
        if (side === "EdgeLeft" && c === a.c1) mark(r, c, "left");
        if (side === "EdgeRight" && c === a.c2) mark(r, c, "right");
        if (side === "InsideHorizontal") {
          if (r > a.r1) mark(r, c, "top");
          if (r < a.r2) mark(r, c, "bottom");
        }
        if (side === "InsideVertical") {
          if (c > a.c1) mark(r, c, "left");
          if (c < a.c2) mark(r, c, "right");
        }
      });
  };

  const setFormat = (owner: Extract<Owner, { kind: "range" }>, path: string, value: unknown): void => {
    const { sheet, areas } = owner;
    const allow =
      path === "columnWidth" || path === "columnHidden"
        ? "allowFormatColumns"
        : path === "rowHeight" || path === "rowHidden"
          ? "allowFormatRows"
          : path.startsWith("protection.")
            ? undefined
            : "allowFormatCells";
    if (protectedBlocks(sheet, allow)) return;
    formats.push({ sheet: sheet.name, address: owner.address, path, value });
    changed.add(sheet);
    const border = /^borders\.(\w+)\.(\w+)$/.exec(path);
    if (border) {
      if (border[2] === "style") setBorder(sheet, areas, border[1], value);
      return;
    }
    for (const a of areas) {
      const fullCols = a.r1 === 0 && a.r2 === MAX_ROW;
      const fullRows = a.c1 === 0 && a.c2 === MAX_COL;
      if (path === "columnWidth" || (fullCols && !fullRows)) {
        for (let c = a.c1; c <= a.c2; c++) sheet.columnFormat.set(c, { ...sheet.columnFormat.get(c), [path]: value });
      } else if (path === "rowHeight" || (fullRows && !fullCols)) {
        for (let r = a.r1; r <= a.r2; r++) sheet.rowFormat.set(r, { ...sheet.rowFormat.get(r), [path]: value });
      } else if (fullRows && fullCols) sheet.sheetFormat[path] = value;
      else eachCell([a], (r, c) => (sheet.cellAt(r, c, true).format[path] = value));
    }
  };

  const setValidation = (owner: Extract<Owner, { kind: "range" }>, key: string, value: unknown): void => {
    const { sheet } = owner;
    if (protectedBlocks(sheet, undefined)) return;
    for (const rect of owner.areas) {
      const address = rectRef(rect);
      let v = sheet.validations.find((x) => x.address === address);
      if (!v) {
        v = { sheet: sheet.name, address, rect };
        sheet.validations.push(v);
        validations.push(v);
      }
      if (key === "rule") {
        // A list source naming a sheet binds to that sheet now: a missing sheet is refused.
        const source = (value as Excel.DataValidationRule).list?.source;
        const missing = typeof source === "string" ? referencedSheets(source).find((name) => !findSheet(name)) : undefined;
        if (missing !== undefined) return fail("InvalidArgument", `the list source ${String(source)} names no sheet "${missing}"`);
        v.rule = JSON.parse(JSON.stringify(value)) as Excel.DataValidationRule;
      }
      else if (key === "prompt") v.prompt = value as Excel.DataValidationPrompt;
      else if (key === "errorAlert") v.errorAlert = value as Excel.DataValidationErrorAlert;
      else if (key === "ignoreBlanks") v.ignoreBlanks = value === true;
    }
  };

  function onSet(owner: Owner, path: string, value: unknown): void {
    log(owner, path, "set", value);
    if (pending) return; // Excel skips the rest of a failed batch.
    if (owner.kind === "range") {
      if (path === "values" || path === "formulas" || path === "numberFormat") return writeCells(owner, path, value);
      if (path === "columnHidden") return setFormat(owner, "columnHidden", value);
      if (path === "rowHidden") return setFormat(owner, "rowHidden", value);
      if (path.startsWith("format.")) return setFormat(owner, path.slice("format.".length), value);
      if (path.startsWith("dataValidation.")) return setValidation(owner, path.slice("dataValidation.".length), value);
      return;
    }
    if (owner.kind === "sheet") {
      const { sheet } = owner;
      if ((path === "name" || path === "position" || path === "visibility") && structureLocked()) return;
      if (path === "name") {
        const name = String(value);
        const other = findSheet(name);
        if (other && other !== sheet) return fail("ItemAlreadyExists", `sheet "${name}" exists`);
        rebindAll(sheet.name, name);
        sheet.name = name;
      } else if (path === "position") {
        const to = Number(value);
        sheet.position = to < sheet.position ? to - 0.5 : to + 0.5;
        reorder();
      } else if (path === "visibility") sheet.visibility = String(value);
      else if (path.startsWith("pageLayout.")) sheet.pageLayout[path.slice("pageLayout.".length)] = value;
      return;
    }
    if (owner.kind === "note" && path === "content") {
      const { sheet, address } = owner;
      if (!notesApi) return fail("ApiNotFound", "ExcelApi 1.18 (notes) is not supported");
      if (!sheet.notes.has(address)) return fail("ItemNotFound", `no note on ${address}`);
      if (protectedBlocks(sheet, "allowEditObjects")) return;
      sheet.notes.set(address, String(value));
      noteCalls.push({ sheet: sheet.name, address, action: "content", content: String(value) });
    }
  }

  /** Excel follows a renamed sheet in every reference to it; a deleted one leaves #REF! behind. */
  const rebindAll = (from: string, to: string | undefined): void => {
    for (const sheet of sheets) {
      for (const cell of sheet.cells.values()) {
        if (!cell.formula?.includes("!")) continue;
        cell.formula = rebind(cell.formula, from, to);
        if (cell.formula.includes("#REF!")) cell.value = "#REF!";
      }
      for (const v of sheet.validations) {
        const list = v.rule?.list;
        if (list && typeof list.source === "string" && list.source.includes("!")) list.source = rebind(list.source, from, to);
      }
    }
  };

  const structureLocked = (): boolean => {
    if (opts.structureProtected) fail("AccessDenied", "the workbook structure is protected");
    return opts.structureProtected === true;
  };

  const settingProxy = (key: string): OfficeMockObject => {
    const remove = (): void => {
      if (call(other, "settings.delete", [key])) settings.delete(key);
    };
    const mock = register(
      new OfficeMockObject({ key, value: undefined, isNullObject: false, delete: remove }),
      (k) => (k === "value" ? settings.get(key) : undefined),
      ["value"],
    );
    mock.load("isNullObject");
    return wrap(mock, { kind: "other", type: "Setting" }, "");
  };

  const call = (owner: Owner, path: string, args: unknown[]): boolean => {
    log(owner, path, "call", args);
    return !pending;
  };

  // ----- ranges -----

  const rangeProxy = (sheet: MockSheet, areas: Rect[], address: string): OfficeMockObject => {
    const owner: Owner = { kind: "range", sheet, areas, address };
    const first = areas[0];
    const single = areas.length === 1;
    const bounded = single && isBounded(first);
    const fmt = (path: string): unknown => sheet.formatAt(first.r1, first.c1, path);
    const snapshot = (key: string): unknown => {
      // Formats read back as they are at sync time (the first cell's, like a uniform area).
      if (key.startsWith("format/")) return fmt(key.slice("format/".length).replace(/\//g, "."));
      if (!bounded) return [];
      switch (key) {
        case "values":
          return sheet.grid(first, (c) => c?.value ?? "");
        case "formulas":
          return sheet.grid(first, (c) => c?.formula ?? c?.value ?? "");
        case "numberFormat":
          return sheet.grid(first, (c) => c?.numberFormat ?? "General");
        case "text":
          return sheet.grid(first, (c) => String(c?.value ?? ""));
        case "valueTypes":
          return sheet.grid(first, (c) =>
            c === undefined || c.value === "" ? "Empty" : typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String",
          );
        default:
          return undefined;
      }
    };
    const readKeys = [
      "values",
      "formulas",
      "numberFormat",
      "text",
      "valueTypes",
      "format/fill/color",
      "format/font/name",
      "format/font/size",
      "format/font/bold",
      "format/font/italic",
      "format/font/color",
      "format/wrapText",
      "format/horizontalAlignment",
      "format/verticalAlignment",
    ];
    const data = {
      address: `${quoteSheet(sheet.name)}!${areas.map(rectRef).join(",")}`,
      addressLocal: `${quoteSheet(sheet.name)}!${areas.map(rectRef).join(",")}`,
      areaCount: areas.length,
      rowIndex: first.r1,
      columnIndex: first.c1,
      rowCount: first.r2 - first.r1 + 1,
      columnCount: first.c2 - first.c1 + 1,
      cellCount: areas.reduce((n, a) => n + (a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1), 0),
      // Cell grids are read at sync time, only when loaded (see sync).
      values: undefined,
      formulas: undefined,
      numberFormat: undefined,
      text: undefined,
      valueTypes: undefined,
      columnHidden: sheet.columnFormat.get(first.c1)?.columnHidden === true,
      rowHidden: sheet.rowFormat.get(first.r1)?.rowHidden === true,
      isNullObject: false,
      format: {
        font: {
          name: fmt("font.name"),
          size: fmt("font.size"),
          bold: fmt("font.bold"),
          italic: fmt("font.italic"),
          color: fmt("font.color"),
        },
        fill: {
          color: fmt("fill.color"),
          clear: () => {
            if (call(owner, "format.fill.clear", [])) setFormat(owner, "fill.color", "#FFFFFF");
          },
        },
        borders: {
          getItem: (side: string) => borderProxy(owner, side),
        },
        protection: { locked: fmt("protection.locked"), formulaHidden: fmt("protection.formulaHidden") },
        wrapText: fmt("wrapText"),
        horizontalAlignment: fmt("horizontalAlignment"),
        verticalAlignment: fmt("verticalAlignment"),
        columnWidth: sheet.columnFormat.get(first.c1)?.columnWidth ?? 48,
        rowHeight: sheet.rowFormat.get(first.r1)?.rowHeight ?? 15,
        autofitRows: () => call(owner, "format.autofitRows", []),
        autofitColumns: () => call(owner, "format.autofitColumns", []),
      },
      dataValidation: {
        rule: sheet.validations.find((v) => contains(v.rect, first.r1, first.c1))?.rule ?? {},
        ignoreBlanks: true,
        clear: () => {
          if (!call(owner, "dataValidation.clear", []) || protectedBlocks(sheet, undefined)) return;
          for (const v of [...sheet.validations]) if (areas.some((a) => contains(a, v.rect.r1, v.rect.c1))) sheet.validations.splice(sheet.validations.indexOf(v), 1);
        },
      },
      merge: (across?: boolean) => {
        if (!call(owner, "merge", [across]) || protectedBlocks(sheet, undefined)) return;
        merges.push({ sheet: sheet.name, address, across: across === true });
        sheet.merges.push(...areas.map(rectRef));
      },
      unmerge: () => {
        if (!call(owner, "unmerge", []) || protectedBlocks(sheet, undefined)) return;
        for (const a of areas.map(rectRef)) {
          const i = sheet.merges.indexOf(a);
          if (i >= 0) sheet.merges.splice(i, 1);
        }
      },
      clear: (applyTo?: string) => {
        if (!call(owner, "clear", [applyTo])) return;
        if (sheet.protected) {
          // Contents need unlocked cells, formats the allowFormatCells option.
          let locked = false;
          if (applyTo !== "Formats") eachCell(areas, (r, c) => (locked ||= sheet.formatAt(r, c, "protection.locked") !== false));
          if (locked) return fail("AccessDenied", `cells ${address} are locked`);
          if (applyTo !== "Contents" && protectedBlocks(sheet, "allowFormatCells")) return;
        }
        eachCell(areas, (r, c) => {
          const cell = sheet.cellAt(r, c);
          if (!cell) return;
          if (applyTo !== "Formats") {
            cell.value = "";
            delete cell.formula;
          }
          if (applyTo !== "Contents") {
            cell.format = {};
            cell.borders = {};
            cell.numberFormat = "General";
          }
        });
      },
      select: () => call(owner, "select", []),
      getCell: (r: number, c: number) => subRange(sheet, { r1: first.r1 + r, c1: first.c1 + c, r2: first.r1 + r, c2: first.c1 + c }),
      getRow: (r: number) => subRange(sheet, { ...first, r1: first.r1 + r, r2: first.r1 + r }),
      getColumn: (c: number) => subRange(sheet, { ...first, c1: first.c1 + c, c2: first.c1 + c }),
      getOffsetRange: (dr: number, dc: number) => subRange(sheet, { r1: first.r1 + dr, c1: first.c1 + dc, r2: first.r2 + dr, c2: first.c2 + dc }),
      getResizedRange: (dr: number, dc: number) => subRange(sheet, { ...first, r2: first.r2 + dr, c2: first.c2 + dc }),
    };
    const mock = register(new OfficeMockObject(data), snapshot, readKeys);
    // *OrNullObject results tell after a sync whether they exist, without a load.
    mock.load("isNullObject");
    const proxy = wrap(mock, owner, "");
    rangeOwners.set(proxy, owner);
    return proxy;
  };

  const subRange = (sheet: MockSheet, rect: Rect): OfficeMockObject => rangeProxy(sheet, [rect], rectRef(rect));

  const borderProxy = (owner: Extract<Owner, { kind: "range" }>, side: string): OfficeMockObject => {
    const mock = register(new OfficeMockObject({ sideIndex: side, style: "None", weight: "Thin", color: "#000000" }));
    return wrap(mock, owner, `format.borders.${side}`);
  };

  // ----- sheets -----

  const sheetProxy = (sheet: MockSheet): OfficeMockObject => {
    const existing = sheetMocks.get(sheet);
    if (existing) return existing;
    const owner: Owner = { kind: "sheet", sheet };
    const getRange = (address?: string): OfficeMockObject =>
      address === undefined || address.trim() === ""
        ? rangeProxy(sheet, [{ r1: 0, c1: 0, r2: MAX_ROW, c2: MAX_COL }], "")
        : rangeProxy(sheet, [parseRef(address)], stripSheet(address));
    const usedRange = (nullIfEmpty: boolean, valuesOnly?: boolean): OfficeMockObject => {
      const rect = sheet.usedRect(valuesOnly === true);
      if (!rect && nullIfEmpty) return nullObject();
      return subRange(sheet, rect ?? { r1: 0, c1: 0, r2: 0, c2: 0 });
    };
    /** One cell's address ("D83") from a string or a Range, or undefined. */
    const noteCell = (cellAddress: unknown): string | undefined => {
      let rect: Rect | undefined;
      if (typeof cellAddress === "string") rect = parseRef(cellAddress);
      else if (typeof cellAddress === "object" && cellAddress !== null) {
        const o = rangeOwners.get(cellAddress);
        if (o && o.sheet === sheet && o.areas.length === 1) rect = o.areas[0];
      }
      return rect && rect.r1 === rect.r2 && rect.c1 === rect.c2 ? rectRef(rect) : undefined;
    };
    const noteProxy = (address: string): OfficeMockObject => {
      const noteOwner: Owner = { kind: "note", sheet, address };
      const data = {
        content: sheet.notes.get(address) ?? "",
        authorName: "",
        visible: false,
        isNullObject: false,
        delete: () => {
          if (!call(noteOwner, "delete", [])) return;
          if (!notesApi) return fail("ApiNotFound", "ExcelApi 1.18 (notes) is not supported");
          if (!sheet.notes.has(address)) return fail("ItemNotFound", `no note on ${address}`);
          if (protectedBlocks(sheet, "allowEditObjects")) return;
          sheet.notes.delete(address);
          noteCalls.push({ sheet: sheet.name, address, action: "delete" });
        },
        getLocation: () => subRange(sheet, parseRef(address)),
      };
      const mock = register(new OfficeMockObject(data), (key) => (key === "content" ? (sheet.notes.get(address) ?? "") : undefined), ["content"]);
      mock.load("isNullObject");
      return wrap(mock, noteOwner, "");
    };
    const customPropertyProxy = (key: string): OfficeMockObject => {
      const read = (k: string): unknown => (k === "value" ? (sheet.customProperties.get(key.toLowerCase())?.value ?? "") : undefined);
      const mock = register(
        new OfficeMockObject({
          key,
          value: undefined,
          isNullObject: false,
          delete: () => {
            if (call(owner, "customProperties.delete", [key])) sheet.customProperties.delete(key.toLowerCase());
          },
        }),
        read,
        ["value"],
      );
      mock.load("isNullObject");
      return wrap(mock, { kind: "other", type: "WorksheetCustomProperty" }, "");
    };
    const commentProxy = (address: string, content: string, i: number): OfficeMockObject =>
      wrap(
        register(new OfficeMockObject({ id: `{comment-${i}}`, content, getLocation: () => subRange(sheet, parseRef(address)) })),
        { kind: "other", type: "Comment" },
        "",
      );
    /** The sheet's threaded comments as of the last load of the collection. */
    const commentItems: OfficeMockObject[] = [];
    const notesMissing = (): boolean => {
      if (!notesApi) fail("ApiNotFound", "ExcelApi 1.18 (notes) is not supported");
      return !notesApi;
    };
    const data = {
      name: sheet.name,
      id: sheet.id,
      position: sheet.position,
      visibility: sheet.visibility,
      isNullObject: false,
      getRange,
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => subRange(sheet, { r1: r, c1: c, r2: r + rows - 1, c2: c + cols - 1 }),
      getCell: (r: number, c: number) => subRange(sheet, { r1: r, c1: c, r2: r, c2: c }),
      getRanges: (address?: string) => {
        // Vietnamese regional settings: the list separator is ";" and a "," makes the address invalid.
        const comma = (address ?? "").includes(",");
        if (comma) fail("InvalidArgument", `address "${address}" uses "," but the list separator is ";"`);
        const parts = comma ? [] : (address ?? "").split(";").map((s) => s.trim()).filter(Boolean);
        const areas = parts.length ? parts.map(parseRef) : [{ r1: 0, c1: 0, r2: MAX_ROW, c2: MAX_COL }];
        getRangesCalls.push({ sheet: sheet.name, address: address ?? "", areas: areas.length });
        call(owner, "getRanges", [address]);
        return rangeProxy(sheet, areas, parts.join(", "));
      },
      getUsedRange: (valuesOnly?: boolean) => usedRange(false, valuesOnly),
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => usedRange(true, valuesOnly),
      customProperties: {
        add: (key: string, value: string) => {
          if (!call(owner, "customProperties.add", [key, value])) return nullObject();
          if (key.length > 255) {
            fail("InvalidArgument", "a custom property key is limited to 255 characters");
            return nullObject();
          }
          sheet.customProperties.set(key.toLowerCase(), { key, value: String(value) });
          return customPropertyProxy(key);
        },
        getItemOrNullObject: (key: string) => (sheet.customProperties.has(key.toLowerCase()) ? customPropertyProxy(key) : nullObject()),
        getItem: (key: string) => {
          if (sheet.customProperties.has(key.toLowerCase())) return customPropertyProxy(key);
          fail("ItemNotFound", `no custom property "${key}"`);
          return nullObject();
        },
      },
      comments: {
        items: commentItems,
        load(this: OfficeMockObject) {
          commentItems.length = 0;
          commentItems.push(...[...sheet.comments].map(([address, content], i) => commentProxy(address, content, i)));
          for (const item of commentItems) item.load("id");
          return OfficeMockObject.prototype.load.call(this, "items");
        },
      },
      notes: {
        add: (cellAddress: unknown, content: unknown) => {
          if (!call(owner, "notes.add", [typeof cellAddress === "string" ? cellAddress : noteCell(cellAddress), content]) || notesMissing()) return nullObject();
          const address = noteCell(cellAddress);
          if (!address) {
            fail("InvalidArgument", "a note goes on exactly one cell");
            return nullObject();
          }
          // A cell holds a note or a threaded comment, not both.
          if (sheet.comments.has(address)) {
            fail("InvalidOperation", `${address} has a threaded comment`);
            return nullObject();
          }
          // A cell holds one note: assumed to be rejected like a second threaded comment, never merged.
          if (sheet.notes.has(address)) {
            fail("InvalidArgument", `${address} already has a note`);
            return nullObject();
          }
          if (protectedBlocks(sheet, "allowEditObjects")) return nullObject();
          sheet.notes.set(address, String(content));
          noteCalls.push({ sheet: sheet.name, address, action: "add", content: String(content) });
          return noteProxy(address);
        },
        getItem: (key: string) => {
          if (notesMissing()) return nullObject();
          const address = noteCell(key);
          if (address && sheet.notes.has(address)) return noteProxy(address);
          fail("ItemNotFound", `no note on ${key}`);
          return nullObject();
        },
        getItemOrNullObject: (key: string) => {
          if (notesMissing()) return nullObject();
          const address = noteCell(key);
          return address && sheet.notes.has(address) ? noteProxy(address) : nullObject();
        },
      },
      activate: () => {
        if (call(owner, "activate", [])) active = sheet;
      },
      delete: () => {
        if (!call(owner, "delete", []) || structureLocked()) return;
        if (sheets.filter((s) => s !== sheet && s.visibility === "Visible").length === 0)
          return fail("InvalidOperation", "cannot delete the last visible sheet");
        sheets.splice(sheets.indexOf(sheet), 1);
        rebindAll(sheet.name, undefined);
        if (active === sheet) active = sheets[0];
        reorder();
      },
      freezePanes: {
        freezeRows: (n?: number) => {
          if (call(owner, "freezePanes.freezeRows", [n])) sheet.frozenRows = n ?? 1;
        },
        freezeAt: (block: string) => {
          if (typeof block !== "string" || !/^A1:[A-Z]+\d+$/.test(block)) return fail("InvalidArgument", `freezeAt needs a block from A1, got ${String(block)}`);
          if (call(owner, "freezePanes.freezeAt", [block])) {
            sheet.frozenAt = block;
            sheet.frozenRows = Number(/\d+$/.exec(block)![0]);
          }
        },
        unfreeze: () => {
          if (call(owner, "freezePanes.unfreeze", [])) {
            sheet.frozenRows = 0;
            sheet.frozenAt = undefined;
          }
        },
      },
      pageLayout: {
        orientation: "Portrait",
        paperSize: "Letter",
        zoom: { scale: 100 },
        setPrintTitleRows: (rows: string) => {
          if (call(owner, "pageLayout.setPrintTitleRows", [rows])) sheet.printTitleRows = rows;
        },
        setPrintTitleColumns: (cols: string) => {
          if (!/^\$[A-Z]+:\$[A-Z]+$/.test(cols)) return fail("InvalidArgument", `print title columns must be absolute whole columns, got ${cols}`);
          if (call(owner, "pageLayout.setPrintTitleColumns", [cols])) sheet.printTitleColumns = cols;
        },
        setPrintArea: (area: string) => {
          if (!/^[A-Z]+\d+:[A-Z]+\d+$/.test(area)) return fail("InvalidArgument", `print area must be a range, got ${area}`);
          if (call(owner, "pageLayout.setPrintArea", [area])) sheet.printArea = area;
        },
      },
      protection: {
        protected: sheet.protected,
        options: undefined,
        protect: (options?: Excel.WorksheetProtectionOptions, password?: string) => {
          if (!call(owner, "protection.protect", [options, password])) return;
          if (sheet.protected) return fail("InvalidOperation", `sheet "${sheet.name}" is already protected`);
          sheet.protected = true;
          sheet.protectionOptions = options;
          sheet.protectionPassword = password;
          protections.push({ sheet: sheet.name, sheetId: sheet.id, action: "protect", options, password });
        },
        unprotect: (password?: string) => {
          if (!call(owner, "protection.unprotect", [password])) return;
          if (sheet.protectionPassword !== undefined && sheet.protectionPassword !== password) return fail("InvalidArgument", "wrong password");
          sheet.protected = false;
          protections.push({ sheet: sheet.name, sheetId: sheet.id, action: "unprotect", password });
        },
      },
    };
    const read = (key: string): unknown => {
      switch (key) {
        case "name":
          return sheet.name;
        case "id":
          return sheet.id;
        case "position":
          return sheet.position;
        case "visibility":
          return sheet.visibility;
        case "protection/protected":
          return sheet.protected;
        case "protection/options":
          return { ...DEFAULT_PROTECTION, ...sheet.protectionOptions };
        default:
          return undefined;
      }
    };
    const mock = register(new OfficeMockObject(data), read, ["name", "id", "position", "visibility", "protection/protected", "protection/options"]);
    mock.load("isNullObject");
    const proxy = wrap(mock, owner, "");
    sheetMocks.set(sheet, proxy);
    return proxy;
  };

  /** What *OrNullObject methods return for something missing; methods on it chain (getters fail like Excel). */
  const nullObject = (): OfficeMockObject => {
    const missing = (): OfficeMockObject => {
      fail("ItemNotFound", "the object does not exist");
      return nullObject();
    };
    const mock = register(
      new OfficeMockObject({
        isNullObject: true,
        getUsedRangeOrNullObject: () => nullObject(),
        getItemOrNullObject: () => nullObject(),
        getRange: missing,
        getRangeByIndexes: missing,
        getRanges: missing,
        getCell: missing,
        getUsedRange: missing,
        getItem: missing,
        delete: () => void missing(),
        activate: () => void missing(),
        select: () => void missing(),
      }),
    );
    mock.load("isNullObject");
    nullMocks.add(mock);
    return wrap(mock, { kind: "other" }, "");
  };

  const addSheet = (name: string): MockSheet => {
    const sheet = new MockSheet(name, `{${String(nextId++).padStart(8, "0")}}`);
    sheet.position = sheets.length;
    sheets.push(sheet);
    reorder();
    return sheet;
  };

  for (const [name, init] of Object.entries(opts.sheets ?? {})) {
    const sheet = addSheet(name);
    init.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const nf = init.numberFormat?.[r]?.[c];
        const fx = init.formulas?.[r]?.[c];
        if ((v === "" || v === null || v === undefined) && !nf && !fx) return;
        const cell = sheet.cellAt(r, c, true);
        if (nf) cell.numberFormat = nf;
        cell.value = typeof v === "number" || typeof v === "boolean" || typeof v === "string" ? v : v === null || v === undefined ? "" : String(v);
        if (fx) cell.formula = fx;
      }),
    );
    for (const [ref, format] of Object.entries(init.formats ?? {})) for (const [path, value] of Object.entries(format)) sheet.setFormat(ref, path, value);
    for (const [ref, content] of Object.entries(init.notes ?? {})) sheet.notes.set(rectRef(parseRef(ref)), content);
    for (const [ref, content] of Object.entries(init.comments ?? {})) sheet.comments.set(rectRef(parseRef(ref)), content);
    sheet.protected = init.protected === true;
    if (sheet.protected) {
      sheet.protectionOptions = init.protectionOptions;
      sheet.protectionPassword = init.protectionPassword;
    }
  }
  active = (opts.active !== undefined ? findSheet(opts.active) : undefined) ?? sheets[0];

  const other: Owner = { kind: "other", type: "RequestContext" };
  const activeSheetProxy = (): OfficeMockObject => {
    if (!active) active = addSheet("Sheet1");
    return sheetProxy(active);
  };

  const rootData = {
    workbook: {
      worksheets: {
        items,
        add: (name?: string) => {
          if (!call(other, "worksheets.add", [name]) || structureLocked()) return nullObject();
          let n = sheets.length + 1;
          while (!name && findSheet(`Sheet${n}`)) n++;
          const wanted = name ?? `Sheet${n}`;
          if (findSheet(wanted)) {
            fail("ItemAlreadyExists", `sheet "${wanted}" exists`);
            return nullObject();
          }
          return sheetProxy(addSheet(wanted));
        },
        getItem: (name: string) => {
          const s = sheetByKey(name);
          if (!s) {
            fail("ItemNotFound", `no sheet "${name}"`);
            return nullObject();
          }
          return sheetProxy(s);
        },
        getItemOrNullObject: (name: string) => {
          const s = sheetByKey(name);
          return s ? sheetProxy(s) : nullObject();
        },
        onChanged: {
          add: (handler: (event: Excel.WorksheetChangedEventArgs) => Promise<unknown>) => {
            call(other, "worksheets.onChanged.add", []);
            changeHandlers.add(handler);
            return { context, remove: () => changeHandlers.delete(handler) };
          },
        },
        onActivated: {
          add: () => {
            call(other, "worksheets.onActivated.add", []);
            return { context, remove: () => undefined };
          },
        },
        getActiveWorksheet: () => {
          if (opts.chartSheetActive) {
            fail("ItemNotFound", "the active sheet is a chart sheet");
            return nullObject();
          }
          return activeSheetProxy();
        },
        getFirst: () => (sheets[0] ? sheetProxy(sheets[0]) : nullObject()),
        load(this: OfficeMockObject, arg?: LoadArg) {
          // Collections: "items/name", "name" or { items: { name: true } } load those item properties.
          const names = new Set<string>();
          const add = (s: string): void => {
            for (const part of s.split(",").map((x) => x.trim()).filter(Boolean)) {
              const prop = part.startsWith("items/") ? part.slice("items/".length) : part;
              if (prop !== "items") names.add(prop);
            }
          };
          if (typeof arg === "string") add(arg);
          else if (Array.isArray(arg)) arg.forEach(add);
          else if (arg && typeof arg.items === "object" && arg.items) add(Object.keys(arg.items).join(","));
          for (const item of items) item.load(names.size ? [...names].join(",") : "*");
          return OfficeMockObject.prototype.load.call(this, "items");
        },
      },
      protection: { protected: opts.structureProtected === true },
      settings: {
        add: (key: string, value: unknown) => {
          if (call(other, "settings.add", [key, value])) settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
        },
        getItemOrNullObject: (key: string) => (settings.has(key) ? settingProxy(key) : nullObject()),
        getItem: (key: string) => {
          if (settings.has(key)) return settingProxy(key);
          fail("ItemNotFound", `no setting "${key}"`);
          return nullObject();
        },
      },
      getSelectedRange: () => activeSheetProxy().getRange("A1") as unknown,
      getActiveCell: () => activeSheetProxy().getRange("A1") as unknown,
    },
    application: {
      suspendScreenUpdatingUntilNextSync: () => call(other, "application.suspendScreenUpdatingUntilNextSync", []),
      suspendApiCalculationUntilNextSync: () => call(other, "application.suspendApiCalculationUntilNextSync", []),
      calculate: (type?: string) => call(other, "application.calculate", [type]),
    },
    sync: async <T>(passThrough?: T): Promise<T | undefined> => {
      syncs++;
      if (opts.failSync?.at === syncs) fail(opts.failSync.code, `sync ${syncs} failed`);
      const requestBytes = meter.flush();
      requestSizes.push(requestBytes);
      if (requestBytes > MAX_PAYLOAD_BYTES) fail("RequestPayloadSizeLimitExceeded", `request of ${requestBytes} bytes`);
      const serving = [...dirty];
      dirty.clear();
      for (const { mock, read, keys } of serving) {
        if (!read || !keys) continue;
        for (const key of keys) {
          // Keys are paths below the object ("format/fill/color"): find the owning object.
          const parts = key.split("/");
          const last = parts.pop() ?? key;
          let parent: MockInternals | undefined = mock as unknown as MockInternals;
          for (const part of parts) {
            const next: MockProperty | undefined = parent?._properties.get(part);
            parent = next?._isObject ? next : undefined;
          }
          const child = parent?._properties.get(last);
          if (!parent || !child || child._isObject || !child._loaded) continue;
          const holder = parent as unknown as Record<string, unknown>;
          // Loaded but not yet synced, or loaded again: serve the simulation's current state.
          const again = reloaded.has(mock) || reloaded.has(parent as unknown as OfficeMockObject);
          if (holder[last] !== NOT_SYNCED && !again) continue;
          const value = read(key);
          if (Array.isArray(value)) responseBytes += JSON.stringify(value).length;
          child._valueBeforeLoaded = value;
          holder[last] = NOT_SYNCED;
        }
      }
      reloaded.clear();
      if (responseBytes > maxResponse) fail("ResponsePayloadSizeLimitExceeded", `response of ${responseBytes} bytes`);
      else largestResponse = Math.max(largestResponse, responseBytes);
      responseBytes = 0;
      await Promise.all(serving.map((r) => r.mock.sync()));
      await OfficeMockObject.prototype.sync.call(root);
      // The library updates parents in un-awaited callbacks: let them run.
      await new Promise((resolve) => setImmediate(resolve));
      if (pending) {
        changed.clear();
        const error = pending;
        pending = undefined;
        throw error;
      }
      for (const sheet of changed) raise(sheet, "A1", "Local", true);
      changed.clear();
      if (opts.otherRuntime?.afterSync === syncs) opts.otherRuntime.run({ sheet: (name) => findSheet(name)!, settings });
      return passThrough;
    },
  };
  const root = new OfficeMockObject(rootData);
  const context = wrap(root, other, "") as unknown as Excel.RequestContext;

  return {
    context,
    syncCount: () => syncs,
    type: async (sheetName: string, ref: string, value: CellValue, source: "Local" | "Remote" = "Local") => {
      const sheet = findSheet(sheetName);
      if (!sheet) throw new Error(`no sheet "${sheetName}"`);
      sheet.setValue(ref, value);
      raise(sheet, ref, source, false);
      await Promise.all(dispatched.splice(0));
    },
    settle: async () => {
      while (dispatched.length) await Promise.all(dispatched.splice(0));
    },
    reopen: () => {
      for (const sheet of sheets) sheet.id = `{${String(nextId++).padStart(8, "0")}}`;
      changeHandlers.clear();
    },
    activate: (sheetName: string) => {
      active = findSheet(sheetName);
    },
    listeners: () => changeHandlers.size,
    largestResponse: () => largestResponse,
    requestSizes: () => [...requestSizes],
    settings,
    ops,
    writes,
    formats,
    validations,
    merges,
    protections,
    getRangesCalls,
    noteCalls,
    maxAreasPerGetRanges: () => getRangesCalls.reduce((m, c) => Math.max(m, c.areas), 0),
    sheet: (name: string) => {
      const s = findSheet(name);
      if (!s) throw new Error(`no sheet "${name}" (have: ${sheets.map((x) => x.name).join(", ")})`);
      return s;
    },
    sheetNames: () => sheets.map((s) => s.name),
    activeSheetName: () => active?.name,
  };
}

// ---------- Office.js globals ----------

interface OfficeGlobals {
  Office?: unknown;
  Excel?: unknown;
}

/**
 * Sets the globals add-in code reads outside a request context: `Office.context.requirements`
 * (what supports() asks; "ExcelApi 1.18" also answers yes for lower versions) and the Excel enums it uses.
 */
export function installOfficeGlobals(supported: string[]): void {
  const has = (name: string, version = "1.1"): boolean =>
    supported.some((s) => {
      const [set, max = "1.1"] = s.split(" ");
      if (set.toLowerCase() !== name.toLowerCase()) return false;
      const [a1, a2 = 0] = version.split(".").map(Number);
      const [b1, b2 = 0] = max.split(".").map(Number);
      return a1 < b1 || (a1 === b1 && a2 <= b2);
    });
  const g = globalThis as OfficeGlobals;
  g.Office = { context: { requirements: { isSetSupported: has } } };
  g.Excel = { SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } };
}

/**
 * Office.context.document.settings over the fake workbook's settings, as Office keeps them: a copy taken
 * when the pane starts, which saveAsync writes back whole (over keys Excel.SettingCollection wrote since).
 */
export function installDocumentSettings(mock: MockExcel): void {
  const copy = new Map(mock.settings);
  const g = globalThis as unknown as { Office: { context: Record<string, unknown>; AsyncResultStatus?: unknown } };
  g.Office.AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
  g.Office.context.document = {
    settings: {
      get: (k: string) => copy.get(k) ?? null,
      set: (k: string, v: unknown) => copy.set(k, v),
      remove: (k: string) => copy.delete(k),
      saveAsync: (cb: (r: { status: string }) => void) => {
        mock.settings.clear();
        for (const [k, v] of copy) mock.settings.set(k, v);
        cb({ status: "succeeded" });
      },
    },
  };
}

export function removeOfficeGlobals(): void {
  const g = globalThis as OfficeGlobals;
  delete g.Office;
  delete g.Excel;
}

/** Makes `Excel.run` (with or without RunOptions) hand the fake workbook to the code; returns the options each run got. */
export function useExcelRun(mock: MockExcel): (Excel.RunOptions | undefined)[] {
  const runs: (Excel.RunOptions | undefined)[] = [];
  const g = globalThis as { Excel?: Record<string, unknown> };
  const run = <T>(a: Excel.RunOptions | ((ctx: Excel.RequestContext) => Promise<T>), b?: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const options = typeof a === "function" ? undefined : a;
    const body = typeof a === "function" ? a : b;
    runs.push(options);
    if (!body) throw new Error("Excel.run without a batch");
    return body(mock.context);
  };
  g.Excel = { ...g.Excel, run };
  return runs;
}

/** The grid as Excel shows it: values, number formats and formulas, as readXlsx read them. */
export function sheetInit(grid: Grid, extra: Partial<MockSheetInit> = {}): MockSheetInit {
  const width = Math.max(0, ...grid.rows.map((r) => r.length));
  const each = <T>(f: (c: Grid["rows"][number][number]) => T): T[][] => grid.rows.map((row) => Array.from({ length: width }, (_, c) => f(row[c])));
  return {
    values: each((c) => c?.value ?? ""),
    numberFormat: each((c) => c?.format ?? ""),
    formulas: each((c) => (c?.formula !== undefined ? `=${c.formula}` : "")),
    ...extra,
  };
}
