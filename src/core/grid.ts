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
  /**
   * Set when the grid is a table of a document (a Word report), not a worksheet: findings then name
   * the table, its row and its column instead of an A1 address. rowOffset is the grid row of the
   * table's first row (title lines sit above it).
   */
  table?: { rowOffset: number };
}

export function isBlank(cell: Cell | undefined): boolean {
  if (!cell || cell.value === null) return true;
  const v = cell.value;
  if (typeof v !== "string") return false;
  // Text starting with a visible ASCII character is not blank: no need to trim it.
  if (v.length === 0) return true;
  const first = v.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return v.trim() === "";
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

/**
 * The addresses of a report's cells, spelled once: each value of each submission keeps its cell's
 * address until the merge ends (150 strings a file, built again for every file). Beyond them, each
 * column's letters are spelled once (a consolidation's sheets have tens of thousands of cells).
 */
const ADDRESS_ROWS = 1024;
const ADDRESS_COLUMNS = 8;
const addresses = new Array<string | undefined>(ADDRESS_ROWS * ADDRESS_COLUMNS);
const letters: string[] = [];

/** 0-based row/column → "D83". */
export function address(r: number, c: number): string {
  if (r >= ADDRESS_ROWS || c >= ADDRESS_COLUMNS) return `${(letters[c] ??= columnLetter(c))}${r + 1}`;
  const k = r * ADDRESS_COLUMNS + c;
  return (addresses[k] ??= `${columnLetter(c)}${r + 1}`);
}

/** Where a cell of a received table is, as findings name it: "D83" in a sheet, "Bảng 1, dòng 14, cột Số liệu" in a document. */
export interface CellPlace {
  table: string;
  rowOffset: number;
  /** Header text of each column ("Số liệu"); a column without one is named by its letter. */
  columnNames: string[];
}

export function placeOf(place: CellPlace | undefined, r: number, c: number): { row: number; cell: string } {
  if (!place) return { row: r + 1, cell: address(r, c) };
  const row = r - place.rowOffset + 1;
  return { row, cell: `${place.table}, dòng ${row}, cột ${place.columnNames[c] || columnLetter(c)}` };
}
