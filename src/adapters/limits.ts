/**
 * One policy bounding what a received file can make a reader do: every limit is checked
 * before or while the work is done, never after, so a hostile file costs bounded time and memory and
 * is refused alone with a Vietnamese reason while the rest of a merge goes on.
 */
export const LIMITS = {
  /** Decompressed bytes of one part of a package (one sheet's XML, the shared strings…). */
  partBytes: 100 * 1024 * 1024,
  /** Decompressed bytes of all parts read from one file. */
  fileBytes: 200 * 1024 * 1024,
  /** Excel's grid: a cell address beyond it is a damaged file, never an allocation. */
  maxRows: 1_048_576,
  maxColumns: 16_384,
  /** Sheets (entries in the workbook) per workbook. */
  sheets: 1_000,
  /** Cells with content in one file (all its sheets): about 100 bytes each in memory. */
  cells: 1_200_000,
  /** Row slots the grid of one file spans (Σ row widths): 8 bytes each, and what the checks iterate over. */
  span: 12_000_000,
  /** Entries of the shared-strings table. */
  sharedStrings: 1_200_000,
  /** Characters of all strings decoded from one file (shared strings, inline strings, formulas). */
  textChars: 64 * 1024 * 1024,
  /** Characters of text the cells of one file reference (a long string referenced by many cells counts each time). */
  textWork: 64 * 1024 * 1024,
  /** Characters of one tag, comment, CDATA section or processing instruction of a part's XML. */
  markupChars: 4 * 1024 * 1024,
  /** Attributes of one XML element (a document's root declares a few dozen namespaces). */
  attributes: 1_000,
} as const;

/** Caps of the .docx and .ods readers: a report table has a few hundred rows and five columns. */
export const TABLE_LIMITS = {
  /** Rows kept per table or sheet. */
  rows: 5000,
  /** Columns kept per row. */
  columns: 64,
  /** Characters kept per cell (Excel's own cell limit). */
  cellText: 32767,
  /** Tables or sheets per file. */
  tables: 200,
  /** Paragraphs outside tables. */
  paragraphs: 100000,
  /** Rows and columns of a spreadsheet sheet up to its last filled cell (.ods). */
  sheetRows: 100000,
  sheetColumns: 1024,
  /** Filled cells of a whole spreadsheet (.ods). */
  cells: 1000000,
  /** Characters of text in the whole document or spreadsheet (a report holds well under a million). */
  text: 4 * 1024 * 1024,
} as const;

export type Limits = { readonly [K in keyof typeof LIMITS]: number };

/** A file refused because reading it would exceed a limit; the message says which, in Vietnamese. */
export class FileLimitError extends Error {}

const MB = 1024 * 1024;

/** "200 MB", "1 000", "1 048 576": Vietnamese grouping with spaces, as in the messages. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

export function formatBytes(n: number): string {
  return `${formatCount(Math.round(n / MB))} MB`;
}

/** “trang “Sheet1”” or “phần “xl/styles.xml”” for messages about one part. */
export type PartLabel = string;

export function tooLarge(what: string, limit: string): FileLimitError {
  return new FileLimitError(`Tệp quá lớn: ${what}, vượt giới hạn ${limit}.`);
}

export function partTooLarge(label: PartLabel, limit: number): FileLimitError {
  return tooLarge(`${label} giải nén ra hơn ${formatBytes(limit)}`, `${formatBytes(limit)} cho một phần của tệp`);
}

export function fileTooLarge(limit: number): FileLimitError {
  return tooLarge(`các phần cần đọc giải nén ra hơn ${formatBytes(limit)}`, `${formatBytes(limit)} cho một tệp`);
}

/** Counts the text a Word or OpenDocument reader builds, refusing the file past TABLE_LIMITS.text. */
export class TextBudget {
  private chars = 0;

  spend(n: number): void {
    this.chars += n;
    if (this.chars > TABLE_LIMITS.text) tableTooLarge(`hơn ${formatCount(TABLE_LIMITS.text)} ký tự chữ`);
  }
}

/** A Word or OpenDocument table far beyond any report: refused before it is read further. */
export function tableTooLarge(what: string): never {
  throw new FileLimitError(`Tệp quá lớn so với một báo cáo (${what}); không đọc tiếp. Hãy kiểm tra lại tệp.`);
}
