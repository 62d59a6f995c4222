/**
 * Size caps for the .docx and .ods readers, in one place: a report table has a few hundred rows and
 * five columns, so anything far beyond is a damaged or hostile file, refused with a Vietnamese reason.
 */
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
} as const;

/** A received file that cannot be read, with the reason in Vietnamese. */
export class ReceivedFileError extends Error {}

export function tooLarge(what: string): never {
  throw new ReceivedFileError(`Tệp quá lớn so với một báo cáo (${what}); không đọc tiếp. Hãy kiểm tra lại tệp.`);
}

/** Runs a reader; whatever a damaged file makes it throw (zip, XML) becomes the format's "corrupt" reason. */
export function orCorrupt<T>(corrupt: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ReceivedFileError) throw e;
    throw new ReceivedFileError(corrupt);
  }
}
