import { address, columnLetter } from "../../core/grid";

/**
 * The one place that builds range references for Office.js. Every call takes one area: an address list
 * ("A1, B2" or "A1;B2") is parsed with the user's list separator on Windows (";" under Vietnamese
 * regional settings, OfficeDev/office-js #1167, #1985), so no call may depend on it.
 */

/** A rectangle of cells, 0-based inclusive. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** "D83" or "A1:F200" (A1 style, no sheet, no separator). */
export function rectAddress(r: Rect): string {
  const a = address(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${address(r.r2, r.c2)}`;
}

/** Whole columns "C:C" or "C:E" (0-based). */
export function columnsAddress(first: number, last = first): string {
  return `${columnLetter(first)}:${columnLetter(last)}`;
}

/** Whole rows "5:5" or "5:6" (0-based). */
export function rowsAddress(first: number, last = first): string {
  return `${first + 1}:${last + 1}`;
}

/** Absolute whole rows "$5:$6" (1-based), as print titles take them. */
export function absoluteRows(first: number, last: number): string {
  return `$${first}:$${last}`;
}

/** A sheet name as a formula reference prefix: quoted when needed, apostrophes doubled. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'Biểu CCHC'!$G$1:$G$3": a sheet-qualified absolute reference. */
export function sheetReference(sheetName: string, r: Rect): string {
  const abs = (row: number, col: number) => address(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const a = abs(r.r1, r.c1);
  return `${quoteSheetName(sheetName)}!${r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${abs(r.r2, r.c2)}`}`;
}

/** One address per area, so a validation ref like "D8:D10 D12" becomes two calls. */
export function areasOf(ref: string): string[] {
  return ref.split(/[\s,;]+/).filter(Boolean);
}
