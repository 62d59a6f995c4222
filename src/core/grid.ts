/** A plain grid of cells: what every adapter (Office.js, .xlsx) reads a worksheet into. */
export type CellValue = string | number | boolean | null;

export interface Cell {
  value: CellValue;
  /** Excel number format code, e.g. "0%"; lets the reader tell 1 typed as 100 % from the count 1. */
  format?: string;
  /** Formula text without "=", when the source kept it. */
  formula?: string;
  /** A formula cell the producer saved without a computed result (value is then null): a finding, never 0. */
  uncomputed?: boolean;
}

export interface Grid {
  /** Worksheet name. */
  name: string;
  /** rows[r][c], 0-based; holes are empty cells. */
  rows: (Cell | undefined)[][];
}

export function isBlank(cell: Cell | undefined): boolean {
  if (!cell || cell.value === null) return true;
  return typeof cell.value === "string" && cell.value.trim() === "";
}

export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.value === null) return "";
  return String(cell.value).trim();
}

/** 0-based column index → Excel letters (0 → "A"). */
export function columnLetter(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row/column → "D83". */
export function address(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}
