import { Catalog } from "../../core/catalog/catalog";
import { CheckResult, checkGrids } from "../../core/check/check";
import { Finding } from "../../core/findings";
import { Cell, Grid } from "../../core/grid";
import { RuleSet } from "../../core/rules/schema";
import { STYLES } from "../../core/layout/sheetLayout";
import { supports } from "./capabilities";

/**
 * What the add-in highlighted is remembered in the workbook's settings (stored in the file, no sheet
 * needed, so a protected workbook structure does not matter), keyed by the sheet's id, which survives a rename.
 */
export const STATE_KEY_PREFIX = "cchc.highlights.";
export const FILL: Record<Finding["severity"], string> = { error: `#${STYLES.error.fill}`, warning: `#${STYLES.warning.fill}` };
/** Cell notes need ExcelApi 1.18; without it the findings are listed in the pane only. */
export const NOTES_API = "1.18";
/** A sheet protected with a password: the add-in cannot lift it, so it changes nothing. */
export const PASSWORD_PROTECTED =
  "Trang tính đang được bảo vệ bằng mật khẩu nên phần bổ trợ không tô màu và không ghi chú các ô sai (trang tính giữ nguyên). Kết quả kiểm tra xem trong danh sách bên dưới; muốn tô màu, hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi kiểm tra lại.";
/**
 * Excel on the web limits a response to 5 MB: the used range is read in row blocks of at most this many
 * cells (values, number formats and formulas at ~25 bytes each stay under 4 MB); a block whose response
 * is still too large (long texts) is read again in halves.
 */
export const MAX_CELLS_PER_READ = 50_000;
export const NOTES_MISSING =
  "Phiên bản Excel này chưa hỗ trợ ghi chú ô (ExcelApi 1.18): các ô sai đã được tô màu, nội dung lỗi xem trong danh sách bên dưới.";

interface Highlight {
  /** Cell address on the sheet, e.g. "D83". */
  a: string;
  /** The cell's fill before the add-in coloured it ("" = no fill). */
  f: string;
  /** The colour the add-in set. */
  c: string;
  /** The add-in added a note. */
  n: boolean;
}

/** Builds the core's grid from a used range read through Office.js (offset to A1). */
export function gridFromRange(name: string, rowIndex: number, columnIndex: number, values: unknown[][], formats: unknown[][], formulas?: unknown[][]): Grid {
  const rows: (Cell | undefined)[][] = [];
  for (let r = 0; r < rowIndex; r++) rows.push([]);
  values.forEach((row, r) => {
    const out: (Cell | undefined)[] = new Array(columnIndex);
    row.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      const value = typeof v === "number" || typeof v === "boolean" || typeof v === "string" ? v : String(v);
      const cell: Cell = { value };
      const fmt = formats[r]?.[c];
      if (typeof fmt === "string" && fmt !== "General") cell.format = fmt;
      const f = formulas?.[r]?.[c];
      if (typeof f === "string" && f.startsWith("=")) cell.formula = f.slice(1);
      out[columnIndex + c] = cell;
    });
    rows.push(out);
  });
  return { name, rows };
}

function parseState(value: unknown): Highlight[] {
  if (typeof value !== "string") return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as Highlight[]).filter((h) => typeof h?.a === "string" && typeof h?.c === "string") : [];
  } catch {
    return [];
  }
}

/** Row blocks of the used range, each small enough for one response. */
export function readBlocks(rowCount: number, columnCount: number, maxCells = MAX_CELLS_PER_READ): { first: number; count: number }[] {
  const perBlock = Math.max(1, Math.floor(maxCells / Math.max(1, columnCount)));
  const out: { first: number; count: number }[] = [];
  for (let first = 0; first < rowCount; first += perBlock) out.push({ first, count: Math.min(perBlock, rowCount - first) });
  return out;
}

/**
 * Checks the active sheet and marks its inconsistent cells. Syncs: one for the sheet's size, one per
 * row block read (one for any report), one for the fills about to change, one to lift our own
 * protection when the sheet is protected, one to write. The officer's protection options are restored
 * exactly; a password-protected sheet is left untouched.
 */
export async function checkActiveSheetIn(
  context: Excel.RequestContext,
  catalog: Catalog,
  ruleSet: RuleSet,
): Promise<{ result: CheckResult; notice?: string; sheetId: string }> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name,id");
  sheet.protection.load("protected,options");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();

  const stateKey = STATE_KEY_PREFIX + sheet.id;
  let stored: Excel.Setting | undefined;
  /** Queues the stored highlights' read with the next sync until one succeeds. */
  const loadState = (): Excel.Setting => {
    const item = context.workbook.settings.getItemOrNullObject(stateKey);
    item.load("value");
    return item;
  };
  // One sync per block, so each response stays under the 5 MB limit.
  const reads: Excel.Range[] = [];
  const readBlock = async (first: number, count: number): Promise<void> => {
    const r = sheet.getRangeByIndexes(used.rowIndex + first, used.columnIndex, count, used.columnCount);
    r.load("values,numberFormat,formulas");
    const state = stored ?? loadState();
    try {
      await context.sync();
    } catch (e) {
      if (!isResponseTooLarge(e) || count === 1) throw e;
      const half = Math.ceil(count / 2);
      await readBlock(first, half);
      await readBlock(first + half, count - half);
      return;
    }
    stored = state;
    reads.push(r);
  };
  for (const b of used.isNullObject ? [] : readBlocks(used.rowCount, used.columnCount)) await readBlock(b.first, b.count);
  if (!stored) {
    stored = loadState();
    await context.sync();
  }

  const values = reads.flatMap((r) => r.values);
  const formats = reads.flatMap((r) => r.numberFormat);
  const formulas = reads.flatMap((r) => r.formulas);
  const grid = used.isNullObject ? { name: sheet.name, rows: [] } : gridFromRange(sheet.name, used.rowIndex, used.columnIndex, values, formats, formulas);
  const result = checkGrids([grid], catalog, ruleSet);
  const findings = result.ok ? result.findings : [];
  const previous = stored.isNullObject ? [] : parseState(stored.value);
  const notes = supports(NOTES_API);

  // One finding per cell: the most severe wins the colour; the note lists every message.
  const byCell = new Map<string, { severity: Finding["severity"]; messages: string[] }>();
  for (const f of findings) {
    const e = byCell.get(f.cell) ?? { severity: f.severity, messages: [] };
    if (f.severity === "error") e.severity = "error";
    e.messages.push(f.message);
    byCell.set(f.cell, e);
  }
  if (!previous.length && !byCell.size) return { result, sheetId: sheet.id };

  const prevFills = previous.map((h) => {
    const r = sheet.getRange(h.a);
    r.format.fill.load("color");
    return r;
  });
  const prevNotes = notes ? previous.filter((h) => h.n).map((h) => sheet.notes.getItemOrNullObject(h.a)) : [];
  const previousByCell = new Map(previous.map((h) => [h.a, h]));
  const newFills = [...byCell.keys()].map((a) => {
    const r = sheet.getRange(a);
    r.format.fill.load("color");
    return r;
  });
  // A note the user wrote on a finding cell stays: a cell holds one note, and it is not ours to delete later.
  const userNotes = notes ? [...byCell.keys()].map((a) => (previousByCell.get(a)?.n ? undefined : sheet.notes.getItemOrNullObject(a))) : [];
  for (const n of prevNotes) n.load("content");
  await context.sync();

  const protection = sheet.protection.protected ? sheet.protection.options : undefined;
  if (protection) {
    // Without the password, unprotect() fails: then nothing on the sheet changes.
    sheet.protection.unprotect();
    try {
      await context.sync();
    } catch {
      return { result, notice: PASSWORD_PROTECTED, sheetId: sheet.id };
    }
  }

  try {
    // Undo the previous highlights, but never a fill the user changed since.
    previous.forEach((h, i) => {
      if (!sameColor(prevFills[i].format.fill.color, h.c)) return;
      const range = sheet.getRange(h.a);
      if (h.f) range.format.fill.color = h.f;
      else range.format.fill.clear();
    });
    for (const n of prevNotes) if (!n.isNullObject) n.delete();

    const highlights: Highlight[] = [];
    [...byCell].forEach(([a, e], i) => {
      const current = newFills[i].format.fill.color;
      const prev = previousByCell.get(a);
      // The original fill is recorded once: a cell still showing our colour keeps the one recorded before.
      const original = prev && sameColor(current, prev.c) ? prev.f : isNoFill(current) ? "" : current;
      const userNote = userNotes[i];
      highlights.push({ a, f: original, c: FILL[e.severity], n: notes && (!userNote || userNote.isNullObject) });
      sheet.getRange(a).format.fill.color = FILL[e.severity];
    });
    for (const h of highlights) if (h.n) sheet.notes.add(h.a, byCell.get(h.a)!.messages.join("\n"));
    if (protection) sheet.protection.protect(protection);
    context.workbook.settings.add(stateKey, JSON.stringify(highlights));
    await context.sync();
  } catch (e) {
    // Never leave the officer's sheet unprotected.
    if (protection) {
      sheet.protection.protect(protection);
      await context.sync().catch(() => undefined);
    }
    throw e;
  }

  return { result, notice: findings.length && !notes ? NOTES_MISSING : undefined, sheetId: sheet.id };
}

function isResponseTooLarge(e: unknown): boolean {
  return !!e && typeof e === "object" && (e as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded";
}

function isNoFill(color: string | null | undefined): boolean {
  return !color || color.toUpperCase() === "#FFFFFF";
}

function sameColor(a: string | null | undefined, b: string): boolean {
  return !!a && a.toUpperCase() === b.toUpperCase();
}
