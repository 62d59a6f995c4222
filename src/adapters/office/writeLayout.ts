import {
  LayoutCell,
  STYLES,
  SheetLayout,
  StyleName,
  StyleSpec,
  VALIDATION_TITLE,
  Validation,
  EXCEL_LIMITS,
  columnWidthPoints,
  excelSheetName,
  mergedRows,
  validationError,
} from "../../core/layout/sheetLayout";
import { UserMessage } from "./errors";
import { address } from "../../core/grid";
import { Rect, absoluteRows, areasOf, columnsAddress, rectAddress, rowsAddress } from "./ranges";

export const FONT_NAME = "Times New Roman";
export const FONT_SIZE = 11;
/** Title of the input prompt shown beside a validated cell. */
export const PROMPT_TITLE = "Hướng dẫn nhập";
/** Default name when a layout name has no usable character. */
export { FALLBACK_SHEET_NAME } from "../../core/layout/sheetLayout";

const MAX_SHEET_NAME = EXCEL_LIMITS.sheetNameChars;
// Excel limits for validation texts.
const MAX_PROMPT_TITLE = 32;
const MAX_PROMPT = 255;
const MAX_ERROR = 225;

export interface WriteLayoutOptions {
  /** Activate the first written sheet. */
  activate?: boolean;
  /** Delete and recreate a sheet of the same name instead of picking a free name. */
  replace?: boolean;
}

/** Adding sheets needs an unprotected workbook structure. */
export const STRUCTURE_PROTECTED =
  "Cấu trúc sổ làm việc đang được bảo vệ nên không thêm được trang tính. Hãy bỏ bảo vệ (Xem lại › Bảo vệ sổ làm việc) rồi thử lại; sổ làm việc chưa bị thay đổi.";

/**
 * Writes each layout into a new worksheet, so that a failure leaves the workbook as it was: new sheets
 * are written under names no sheet has (temporary ones where a sheet is replaced); only when all are
 * written are the replaced sheets deleted and the new ones renamed. On failure the new sheets are deleted.
 * Syncs: one to read the sheet names, one to write (plus one per ~4 MB of cell data, which only sheets
 * far beyond a province's size reach), one to swap when a sheet is replaced.
 * Returns the names the sheets got, in layout order.
 */
export async function writeLayouts(context: Excel.RequestContext, layouts: SheetLayout[], opts: WriteLayoutOptions = {}): Promise<string[]> {
  if (layouts.length === 0) return [];
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/position");
  const structure = context.workbook.protection;
  structure.load("protected");
  await context.sync();
  if (structure.protected) throw new UserMessage(STRUCTURE_PROTECTED);

  const existing = new Map<string, Excel.Worksheet>();
  for (const ws of sheets.items) existing.set(ws.name.toLowerCase(), ws);
  const plan = planSheetNames(
    layouts.map((l) => l.name),
    sheets.items.map((ws) => ws.name),
    opts.replace === true,
  );
  const added = plan.map((p) => p.tempName ?? p.name);

  const written: Excel.Worksheet[] = [];
  try {
    context.application.suspendScreenUpdatingUntilNextSync();
    const batch = new Batch(context);
    const late: LateWrites[] = [];
    for (const [i, layout] of layouts.entries()) {
      const ws = sheets.add(added[i]);
      late.push(await renderSheet(ws, layout, batch));
      written.push(ws);
    }
    if (plan.some((p) => p.replaces)) {
      await context.sync();
      plan.forEach((p, i) => {
        const old = p.replaces ? existing.get(p.name.toLowerCase()) : undefined;
        if (!old) return;
        old.delete();
        written[i].name = p.name;
        written[i].position = old.position;
      });
    }
    // References to sheets (list sources, cross-sheet formulas) bind when they are set: only now does
    // every sheet they name exist under its final name; the protection that would refuse them comes last.
    for (const [i, l] of late.entries()) await applyLateWrites(written[i], l, batch);
    if (opts.activate) written[0].activate();
    await context.sync();
    return plan.map((p) => p.name);
  } catch (e) {
    await removeSheets(context, added);
    throw e;
  }
}

/** Deletes the sheets of these names that exist (after a failed write); errors here are secondary. */
async function removeSheets(context: Excel.RequestContext, names: string[]): Promise<void> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    for (const ws of sheets.items) if (wanted.has(ws.name.toLowerCase())) ws.delete();
    await context.sync();
  } catch {
    // The first error is the one the officer needs to see.
  }
}

export interface SheetNamePlan {
  name: string;
  /** An existing sheet of this name is deleted. */
  replaces: boolean;
  /** Name used while the old sheet still exists (replace only). */
  tempName?: string;
}

/** Final names for new sheets: unique (case-insensitive) against existing sheets and each other. */
export function planSheetNames(wanted: string[], existing: string[], replace: boolean): SheetNamePlan[] {
  const existingLower = new Set(existing.map((n) => n.toLowerCase()));
  const used = new Set<string>([...existingLower, "history"]);
  const replaced = new Set<string>();
  const freeName = (base: string): string => {
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
      if (!used.has(candidate.toLowerCase())) return candidate;
    }
  };
  return wanted.map((w) => {
    const base = sanitizeSheetName(w);
    const key = base.toLowerCase();
    if (replace && existingLower.has(key) && !replaced.has(key)) {
      replaced.add(key);
      const tempName = freeName(base);
      used.add(tempName.toLowerCase());
      return { name: base, replaces: true, tempName };
    }
    const name = used.has(key) ? freeName(base) : base;
    used.add(name.toLowerCase());
    return { name, replaces: false };
  });
}

/** Excel sheet names: ≤ 31 characters, none of \ / ? * [ ] :, no leading/trailing apostrophe. */
export function sanitizeSheetName(name: string): string {
  return excelSheetName(name);
}

/** Strings Excel would turn into a formula, number, date, boolean or error when assigned. */
export function needsTextFormat(s: string): boolean {
  if (s === "") return false;
  if (/^[=+\-@#]/.test(s)) return true;
  if (/^\s*\(?\s*[$€£¥₫]?\s*[\d.,]/.test(s)) return true;
  return /^\s*(true|false)\s*$/i.test(s);
}

/** Cells (0-based [row, col]) → few rectangles: runs per row, stacked while the next row has the same run. */
export function toRectangles(cells: [number, number][]): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const [r, c] of cells) {
    const cols = byRow.get(r);
    if (cols) cols.push(c);
    else byRow.set(r, [c]);
  }
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(r))].sort((a, b) => a - b);
    const next = new Map<string, Rect>();
    let i = 0;
    while (i < cols.length) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const key = `${cols[i]}:${cols[j]}`;
      const prev = open.get(key);
      if (prev && prev.r2 === r - 1) {
        prev.r2 = r;
        next.set(key, prev);
      } else next.set(key, { r1: r, c1: cols[i], r2: r, c2: cols[j] });
      i = j + 1;
    }
    for (const [key, rect] of open) if (next.get(key) !== rect) done.push(rect);
    open = next;
  }
  for (const rect of open.values()) done.push(rect);
  return done.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
}

/** What `formulas` receives for one cell; strings stay literal (text format guards risky ones). */
function cellInput(cell: LayoutCell | undefined): string | number {
  if (!cell) return "";
  if (cell.formula !== undefined) return `=${cell.formula}`;
  const v = cell.value;
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  return v ?? "";
}

function cellNumberFormat(cell: LayoutCell | undefined): string {
  if (!cell) return "General";
  if (cell.formula === undefined && typeof cell.value === "string" && needsTextFormat(cell.value)) return "@";
  return (cell.style && STYLES[cell.style].numFmt) || "General";
}

function hasCellFormat(s: StyleSpec): boolean {
  return !!(s.bold || s.italic || s.size || s.color || s.fill || s.wrap || s.hAlign || s.vAlign || s.unlocked);
}

const H_ALIGN: Record<NonNullable<StyleSpec["hAlign"]>, "Left" | "Center" | "Right"> = { left: "Left", center: "Center", right: "Right" };
const V_ALIGN: Record<NonNullable<StyleSpec["vAlign"]>, "Top" | "Center"> = { top: "Top", center: "Center" };

function applyStyle(f: Excel.RangeFormat, s: StyleSpec): void {
  if (s.bold) f.font.bold = true;
  if (s.italic) f.font.italic = true;
  if (s.size) f.font.size = s.size;
  if (s.color) f.font.color = `#${s.color}`;
  if (s.fill) f.fill.color = `#${s.fill}`;
  if (s.wrap) f.wrapText = true;
  if (s.hAlign) f.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign) f.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.unlocked) f.protection.locked = false;
}

type BorderSide = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

function thinBorders(range: Excel.Range, sides: BorderSide[]): void {
  for (const side of sides) {
    const b = range.format.borders.getItem(side);
    b.style = "Continuous";
    b.weight = "Thin";
    b.color = "#000000";
  }
}

function validationRule(v: Validation): Excel.DataValidationRule {
  switch (v.type) {
    case "list":
      // A cell range, or items: ListDataValidation.source always takes "," whatever the user's locale
      // (by design, OfficeDev/office-js #2128); items are "Không = 0"-style texts without "," (tested).
      return { list: { inCellDropDown: true, source: v.range ? `=${v.range}` : v.items.join(",") } };
    case "whole":
      return { wholeNumber: { formula1: v.min, operator: "GreaterThanOrEqualTo" } };
    case "decimal":
      return { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
  }
}

/** Excel on the web rejects requests over 5 MB: the queued request is synced before it gets near that. */
export const MAX_BATCH_BYTES = 4_000_000;
const MAX_BLOCK_BYTES = 1_000_000;
/**
 * What Office.js sends per queued item, rounded up from its serializer's output: a new object (a range,
 * its format, fill, font, a border side) is an instantiation action plus an object path with its
 * arguments; a property set or method call is an action with its arguments and the paths it relies on.
 */
const OBJECT_BYTES = 180;
const ACTION_BYTES = 140;

/** The request bytes of `objects` new objects and `actions` sets or calls carrying `payload` bytes of arguments. */
export function requestBytes(objects: number, actions: number, payload = 0): number {
  return objects * OBJECT_BYTES + actions * ACTION_BYTES + payload;
}

/** Counts every queued item and syncs early only when a request would grow too large. */
export class Batch {
  private queued = 0;
  constructor(private readonly context: Excel.RequestContext) {}
  async add(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > MAX_BATCH_BYTES) {
      await this.context.sync();
      this.queued = 0;
    }
    this.queued += bytes;
  }
}

/** Objects and actions applyStyle queues for one range. */
function styleBytes(s: StyleSpec): number {
  const font = [s.bold, s.italic, s.size, s.color].filter(Boolean).length;
  const cell = [s.wrap, s.hAlign, s.vAlign].filter(Boolean).length;
  const objects = 2 + (font ? 1 : 0) + (s.fill ? 1 : 0) + (s.unlocked ? 1 : 0);
  return requestBytes(objects, font + cell + (s.fill ? 1 : 0) + (s.unlocked ? 1 : 0), 16);
}

/** Queues every command that renders `layout` into the empty sheet `ws`; syncs only to stay under the request limit. */
async function renderSheet(ws: Excel.Worksheet, layout: SheetLayout, batch: Batch): Promise<LateWrites> {
  const nRows = layout.rows.length;
  const nCols = layout.rows.reduce((m, r) => Math.max(m, r.length), 0);

  const whole = ws.getRange();
  whole.format.font.name = FONT_NAME;
  whole.format.font.size = FONT_SIZE;

  await batch.add(requestBytes(4, 2) + layout.columns.length * requestBytes(2, 2));
  layout.columns.forEach((c, i) => {
    const col = ws.getRange(columnsAddress(i));
    col.format.columnWidth = columnWidthPoints(c.width);
    if (c.hidden) col.columnHidden = true;
  });

  const crossSheet: LateWrites["formulas"] = [];
  const used = nRows > 0 && nCols > 0 ? rectAddress({ r1: 0, c1: 0, r2: nRows - 1, c2: nCols - 1 }) : undefined;
  if (used) {
    // Row blocks of bounded size, so a huge sheet can be spread over several requests.
    let start = 0;
    while (start < nRows) {
      const numberFormat: string[][] = [];
      const formulas: (string | number)[][] = [];
      let bytes = 0;
      let r = start;
      for (; r < nRows && (r === start || bytes < MAX_BLOCK_BYTES); r++) {
        const row = layout.rows[r];
        const nf: string[] = [];
        const fx: (string | number)[] = [];
        for (let c = 0; c < nCols; c++) {
          nf.push(cellNumberFormat(row[c]));
          const formula = row[c]?.formula;
          const late = formula !== undefined && formula.includes("!");
          if (late) crossSheet.push({ address: address(r, c), formula });
          const input = late ? "" : cellInput(row[c]);
          fx.push(input);
          // JSON of both arrays: quotes and a comma per entry; UTF-8 text at most ~2 bytes per character here.
          bytes += nf[c].length + (typeof input === "string" ? input.length * 2 : String(input).length) + 6;
        }
        numberFormat.push(nf);
        formulas.push(fx);
      }
      await batch.add(requestBytes(1, 2, bytes));
      const range = ws.getRange(rectAddress({ r1: start, c1: 0, r2: r - 1, c2: nCols - 1 }));
      // Text format first, so a submitted "=…" string is stored as text, never as a formula.
      range.numberFormat = numberFormat;
      range.formulas = formulas;
      start = r;
    }
  }

  const byStyle = new Map<StyleName, [number, number][]>();
  const bordered: [number, number][] = [];
  layout.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell.style) return;
      const list = byStyle.get(cell.style);
      if (list) list.push([r, c]);
      else byStyle.set(cell.style, [[r, c]]);
      if (STYLES[cell.style].border) bordered.push([r, c]);
    }),
  );
  for (const [name, cells] of byStyle) {
    const spec = STYLES[name];
    if (!hasCellFormat(spec)) continue;
    const cost = styleBytes(spec);
    for (const rect of toRectangles(cells)) {
      await batch.add(cost);
      applyStyle(ws.getRange(rectAddress(rect)).format, spec);
    }
  }
  // Borders are the same for every style: one union, fewer areas. Inside borders only where an area has them.
  const rects = toRectangles(bordered);
  for (const r of rects) {
    const sides: BorderSide[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (r.r2 > r.r1) sides.push("InsideHorizontal");
    if (r.c2 > r.c1) sides.push("InsideVertical");
    await batch.add(requestBytes(3 + sides.length, 3 * sides.length, 40));
    thinBorders(ws.getRange(rectAddress(r)), sides);
  }

  // Excel fits rows itself; a set height would stop that. Only merged title rows, which Excel never
  // fits, keep the layout's height (the others are estimates for LibreOffice).
  const merged = mergedRows(layout);
  await batch.add(requestBytes(2, 1) + Object.keys(layout.rowHeights ?? {}).length * requestBytes(2, 1) + layout.merges.length * requestBytes(1, 1) + requestBytes(6, 14));
  if (used) ws.getRange(used).format.autofitRows();
  for (const [row, height] of Object.entries(layout.rowHeights ?? {}))
    if (merged.has(Number(row))) ws.getRange(rowsAddress(Number(row))).format.rowHeight = height;

  for (const m of layout.merges) ws.getRange(m).merge(false);

  // freezeAt takes the frozen top-left block: the frozen rows and, left of them, the frozen columns.
  if (layout.freezeColumns) ws.freezePanes.freezeAt(rectAddress({ r1: 0, c1: 0, r2: Math.max(layout.freezeRows ?? 1, 1) - 1, c2: layout.freezeColumns - 1 }));
  else if (layout.freezeRows) ws.freezePanes.freezeRows(layout.freezeRows);
  const page = ws.pageLayout;
  page.paperSize = "A4";
  page.orientation = layout.landscape ? "Landscape" : "Portrait";
  // A wide table prints at its scale over several pages wide; others fit one page wide (the documented
  // options only: verticalFitToPages 0 is not documented).
  page.zoom = layout.printScale ? { scale: layout.printScale } : { horizontalFitToPages: 1 };
  // Same margins as the .xlsx writer (inches → points).
  page.leftMargin = 36;
  page.rightMargin = 28.8;
  page.topMargin = 43.2;
  page.bottomMargin = 43.2;
  page.headerMargin = 21.6;
  page.footerMargin = 21.6;
  if (layout.printTitleRows) page.setPrintTitleRows(absoluteRows(layout.printTitleRows[0], layout.printTitleRows[1]));
  if (layout.printTitleColumns) page.setPrintTitleColumns(columnsAddress(layout.printTitleColumns[0] - 1, layout.printTitleColumns[1] - 1).replace(/([A-Z]+)/g, "$$$1"));
  if (layout.printArea) page.setPrintArea(layout.printArea);

  return { validations: layout.validations, formulas: crossSheet, protect: layout.protect };
}

/** What a sheet gets once every sheet has its final name: references to sheets, then its protection. */
interface LateWrites {
  validations: Validation[];
  /** Formulas naming another sheet, by cell address. */
  formulas: { address: string; formula: string }[];
  protect: boolean;
}

async function applyLateWrites(ws: Excel.Worksheet, late: LateWrites, batch: Batch): Promise<void> {
  for (const f of late.formulas) {
    await batch.add(requestBytes(1, 1, f.formula.length));
    ws.getRange(f.address).formulas = [[`=${f.formula}`]];
  }
  for (const v of late.validations) {
    for (const area of areasOf(v.ref)) {
      const rule = validationRule(v);
      await batch.add(requestBytes(2, 4, JSON.stringify(rule).length + MAX_PROMPT + MAX_ERROR));
      const dv = ws.getRange(area).dataValidation;
      dv.rule = rule;
      dv.ignoreBlanks = true;
      if (v.prompt) dv.prompt = { showPrompt: true, title: PROMPT_TITLE.slice(0, MAX_PROMPT_TITLE), message: v.prompt.slice(0, MAX_PROMPT) };
      dv.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: VALIDATION_TITLE.slice(0, MAX_PROMPT_TITLE),
        message: validationError(v).slice(0, MAX_ERROR),
      };
    }
  }
  if (late.protect)
    ws.protection.protect({ allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: true });
}
