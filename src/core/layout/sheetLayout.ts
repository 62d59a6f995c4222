/** A host-neutral description of a worksheet: the Office.js writer and the .xlsx writer both render it. */
import { formatNumberVi } from "../text";

export type StyleName =
  | "title"
  | "subtitle"
  | "caption"
  | "header"
  | "section"
  | "group"
  | "label"
  | "unit"
  | "count"
  | "percent"
  | "percentFormula"
  | "code"
  | "text"
  | "note"
  | "hiddenId"
  | "plain"
  | "bold"
  | "number"
  | "numberBold"
  | "decimalBold"
  | "decimal"
  | "wrap"
  | "wrapPlain"
  | "percentTyped"
  | "textFormat"
  | "error"
  | "warning"
  | "ok";

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "center";
  border?: boolean;
  numFmt?: string;
  /** Cells users may edit on a protected sheet. */
  unlocked?: boolean;
  fill?: string;
  color?: string;
}

/** One shared style table so both writers look the same. */
export const STYLES: Record<StyleName, StyleSpec> = {
  title: { bold: true, size: 13, hAlign: "center", vAlign: "center", wrap: true },
  subtitle: { bold: true, size: 12, hAlign: "center" },
  caption: { italic: true, hAlign: "center", wrap: true },
  header: { bold: true, hAlign: "center", vAlign: "center", wrap: true, border: true, fill: "D9E1F2" },
  section: { bold: true, wrap: true, vAlign: "center", border: true, fill: "F2F2F2" },
  group: { bold: true, wrap: true, vAlign: "center", border: true },
  label: { wrap: true, vAlign: "center", border: true },
  unit: { wrap: true, hAlign: "center", vAlign: "center", border: true },
  count: { numFmt: "#,##0", hAlign: "right", vAlign: "center", border: true, unlocked: true },
  percent: { numFmt: "0.00", hAlign: "right", vAlign: "center", border: true, unlocked: true },
  percentFormula: { numFmt: "0.00", hAlign: "right", vAlign: "center", border: true, fill: "EDEDED" },
  code: { numFmt: "General", hAlign: "center", vAlign: "center", border: true, unlocked: true },
  text: { wrap: true, vAlign: "center", border: true, unlocked: true },
  note: { wrap: true, vAlign: "center", border: true, unlocked: true },
  hiddenId: { color: "808080" },
  plain: {},
  bold: { bold: true },
  // Table cells of the merge sheets: bordered, vertically centred like the template.
  number: { numFmt: "#,##0", vAlign: "center", border: true },
  numberBold: { numFmt: "#,##0", bold: true, vAlign: "center", border: true },
  decimal: { numFmt: "#,##0.00", vAlign: "center", border: true },
  decimalBold: { numFmt: "#,##0.00", bold: true, vAlign: "center", border: true },
  wrap: { wrap: true, vAlign: "center", border: true },
  /** Notes under a table: wrapped, no border. */
  wrapPlain: { wrap: true, vAlign: "top" },
  /** A rate typed as "56,52%": stored as 0.5652 with a percent format, as Excel does. */
  percentTyped: { numFmt: "0.00%" },
  /** Text that must never become a formula or a number. */
  textFormat: { numFmt: "@", wrap: true, vAlign: "center", border: true },
  error: { fill: "F8CBAD", vAlign: "center", border: true },
  warning: { fill: "FFE699", vAlign: "center", border: true },
  ok: { fill: "C6EFCE", vAlign: "center", border: true },
};

export const STYLE_NAMES = Object.keys(STYLES) as StyleName[];

export interface LayoutCell {
  /** Literal value; strings always stay text (a leading "=" never becomes a formula). */
  value?: string | number | null;
  /** Formula without the leading "=", e.g. "ROUND(D9/D8*100,2)". */
  formula?: string;
  style?: StyleName;
}

export type Validation =
  /** A list of items, or of the cells of `range` (a sheet reference, for lists too long to inline). */
  | { type: "list"; ref: string; items: string[]; range?: string; prompt?: string }
  | { type: "whole"; ref: string; min: number; prompt?: string }
  | { type: "decimal"; ref: string; min: number; max: number; prompt?: string };

export interface SheetLayout {
  name: string;
  /** Column widths in characters; a hidden column keeps machine data (indicator IDs). */
  columns: { width: number; hidden?: boolean }[];
  rows: LayoutCell[][];
  /** Row heights in points, by 0-based row index. */
  rowHeights?: Record<number, number>;
  merges: string[];
  validations: Validation[];
  /** Sheet protection without a password (users can lift it). */
  protect: boolean;
  /** Rows repeated on every printed page, 1-based inclusive. */
  printTitleRows?: [number, number];
  /** Columns repeated on every printed page (the indicator columns of a wide table), 1-based inclusive. */
  printTitleColumns?: [number, number];
  /** What prints (an A1 range such as "A1:E80"); the whole used range when absent. */
  printArea?: string;
  /**
   * Print scale in percent: the table runs over as many pages wide as it needs at this size. Absent, every
   * column is fitted to one page wide, which suits narrow tables only.
   */
  printScale?: number;
  freezeRows?: number;
  /** Columns kept in view when scrolling right (the label column). */
  freezeColumns?: number;
  landscape?: boolean;
}

/** Excel's own limits ("Excel specifications and limits"): no sheet we write goes beyond them. */
export const EXCEL_LIMITS = {
  cellChars: 32_767,
  formulaChars: 8_192,
  sheetNameChars: 31,
  rows: 1_048_576,
  columns: 16_384,
  rowHeightPoints: 409,
  columnWidthChars: 255,
} as const;

/** A sheet that cannot fit Excel's grid at all; the message says why, in Vietnamese. */
export class ExcelLimitError extends Error {}

export const FALLBACK_SHEET_NAME = "Biểu CCHC";

/** Excel sheet names: ≤ 31 characters, none of \ / ? * [ ] :, no leading/trailing apostrophe. */
export function excelSheetName(name: string): string {
  const s = name
    .replace(/[\\/?*[\]:]/g, "-")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, EXCEL_LIMITS.sheetNameChars)
    .replace(/'+$/, "")
    .trim();
  return s || FALLBACK_SHEET_NAME;
}

/** Text cut to what one Excel cell holds, the cut shown by "…" (a surrogate pair is never split). */
export function excelCellText(s: string): string {
  if (s.length <= EXCEL_LIMITS.cellChars) return s;
  let end = EXCEL_LIMITS.cellChars - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/**
 * The layout as Excel holds it, made so by every layout builder and again by the .xlsx writer, so both
 * writers (Office.js and .xlsx) get the same: texts of at most 32 767 characters (cut visibly), formulas
 * Excel would refuse left as their values, a valid sheet name, row heights and column widths Excel
 * accepts. A sheet beyond Excel's grid is refused (ExcelLimitError), never cut silently.
 */
export function withinExcel(layout: SheetLayout): SheetLayout {
  layout.name = excelSheetName(layout.name);
  const sheet = `Trang “${layout.name}”`;
  if (layout.rows.length > EXCEL_LIMITS.rows)
    throw new ExcelLimitError(`${sheet} cần ${formatNumberVi(layout.rows.length)} dòng, nhiều hơn ${formatNumberVi(EXCEL_LIMITS.rows)} dòng của Excel; không ghi được.`);
  let width = layout.columns.length;
  for (const row of layout.rows) width = Math.max(width, row.length);
  if (width > EXCEL_LIMITS.columns)
    throw new ExcelLimitError(`${sheet} cần ${formatNumberVi(width)} cột, nhiều hơn ${formatNumberVi(EXCEL_LIMITS.columns)} cột của Excel; không ghi được.`);
  for (const row of layout.rows) {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c] as LayoutCell | undefined; // a row may have holes
      if (!cell) continue;
      const long = typeof cell.value === "string" && cell.value.length > EXCEL_LIMITS.cellChars;
      const longFormula = cell.formula !== undefined && cell.formula.length > EXCEL_LIMITS.formulaChars;
      if (!long && !longFormula) continue;
      const fitted: LayoutCell = { ...cell };
      if (long) fitted.value = excelCellText(cell.value as string);
      if (longFormula) delete fitted.formula;
      row[c] = fitted;
    }
  }
  for (const key of Object.keys(layout.rowHeights ?? {})) {
    const r = Number(key);
    layout.rowHeights![r] = Math.min(layout.rowHeights![r], EXCEL_LIMITS.rowHeightPoints);
  }
  for (const col of layout.columns) col.width = Math.min(col.width, EXCEL_LIMITS.columnWidthChars);
  return layout;
}

export const VALIDATION_TITLE = "Giá trị không hợp lệ";

export function validationError(v: Validation): string {
  switch (v.type) {
    case "list":
      return v.range ? "Chọn một giá trị trong danh sách." : `Chọn một trong các giá trị: ${v.items.join("; ")}.`;
    case "whole":
      return "Nhập số nguyên không âm.";
    case "decimal":
      return `Nhập số từ ${v.min} đến ${v.max}.`;
  }
}

/** 0-based rows with a merge inside the row (titles): no host fits their height. */
export function mergedRows(layout: SheetLayout): Set<number> {
  const rows = new Set<number>();
  for (const m of layout.merges) {
    const r = m.match(/\d+/g)?.map(Number) ?? [];
    if (r.length === 2 && r[0] === r[1]) rows.add(r[0] - 1);
  }
  return rows;
}

/** Maximum digit width at 11 pt, 96 dpi: 7 pixels for the sheets' Times New Roman (digits half an em, the .xlsx Normal style) as for Calibri (the Normal style Office.js leaves). */
const MAX_DIGIT_PX = 7;

/**
 * A column width as the .xlsx writer stores it (`<col width>`, in characters) converted to points, the
 * unit of Office.js columnWidth: Excel's own rule, pixels = trunc((256·w + trunc(128/7)) / 256 · 7), at 96 dpi.
 */
export function columnWidthPoints(width: number): number {
  const px = Math.trunc(((256 * width + Math.trunc(128 / MAX_DIGIT_PX)) / 256) * MAX_DIGIT_PX);
  return (px * 72) / 96;
}

/**
 * Row heights for wrapped text, so a sheet prints readably in hosts that do not auto-fit rows on open
 * (LibreOffice keeps the default height). Estimated from text length and column width.
 */
export function fitRowHeights(layout: SheetLayout, lineHeight = 15): Record<number, number> {
  const heights: Record<number, number> = { ...layout.rowHeights };
  const merged = mergedRows(layout);
  layout.rows.forEach((row, r) => {
    if (heights[r] !== undefined || merged.has(r)) return;
    let lines = 1;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c] as LayoutCell | undefined; // a row may have holes
      const col = layout.columns[c];
      if (!cell || !col || col.hidden || cell.value === undefined || cell.value === null) continue;
      if (!STYLES[cell.style ?? "plain"].wrap) continue;
      lines = Math.max(lines, wrappedLines(String(cell.value), Math.max(4, Math.floor(col.width * 1.15))));
    }
    if (lines > 1) heights[r] = lines * lineHeight;
  });
  return heights;
}

/** Lines a wrapped text takes at `perLine` characters a line (a province sheet has tens of thousands of cells). */
function wrappedLines(text: string, perLine: number): number {
  let lines = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const length = (end < 0 ? text.length : end) - start;
    lines += Math.max(1, Math.ceil(length / perLine));
    if (end < 0) return lines;
    start = end + 1;
  }
}
