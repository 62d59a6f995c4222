import { Catalog } from "../../core/catalog/catalog";
import { CheckResult, checkGrids } from "../../core/check/check";
import { Finding } from "../../core/findings";
import { Cell, Grid } from "../../core/grid";
import { RuleSet } from "../../core/rules/schema";
import { STYLES } from "../../core/layout/sheetLayout";
import { supports } from "./capabilities";

/**
 * What the add-in highlighted is remembered with the sheet (a worksheet custom property, ExcelApi 1.12:
 * copied, renamed and reopened with it); below 1.12 in the workbook's settings by the sheet's id, which
 * survives a rename but not every reopening. No sheet is needed, so a protected structure does not matter.
 */
export const STATE_KEY_PREFIX = "cchc.highlights.";
/** The state's key among the sheet's custom properties, which travel with the sheet (its id does not). */
export const STATE_KEY = "cchc.highlights";
export const SHEET_STATE_API = "1.12";
/** Threaded comments (a cell with one takes no note). */
export const COMMENTS_API = "1.10";
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

/** Where a sheet's highlight state is kept: with the sheet itself, or by its id in the workbook's settings. */
interface StateStore {
  load(): { isNullObject: boolean; value: unknown };
  save(highlights: Highlight[]): void;
}

function stateStore(context: Excel.RequestContext, sheet: Excel.Worksheet): StateStore {
  if (supports(SHEET_STATE_API))
    return {
      load: () => sheet.customProperties.getItemOrNullObject(STATE_KEY).load("value"),
      save: (h) => void sheet.customProperties.add(STATE_KEY, JSON.stringify(h)),
    };
  const key = STATE_KEY_PREFIX + sheet.id;
  return {
    load: () => context.workbook.settings.getItemOrNullObject(key).load("value"),
    save: (h) => void context.workbook.settings.add(key, JSON.stringify(h)),
  };
}

/** What to mark: per cell address, the colour's severity and the note's lines. */
type Marks = Map<string, { severity: Finding["severity"]; messages: string[] }>;

/**
 * Checks the active sheet and marks its inconsistent cells. Syncs: one for the sheet's size, one per
 * row block read (one for any report), then those of markSheet. The officer's protection options are
 * restored exactly; a password-protected sheet is left untouched.
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

  const store = stateStore(context, sheet);
  let stored: { isNullObject: boolean; value: unknown } | undefined;
  // One sync per block, so each response stays under the 5 MB limit; the state is read with the first.
  const reads: Excel.Range[] = [];
  const readBlock = async (first: number, count: number): Promise<void> => {
    const r = sheet.getRangeByIndexes(used.rowIndex + first, used.columnIndex, count, used.columnCount);
    r.load("values,numberFormat,formulas");
    const state = stored ?? store.load();
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

  const values = reads.flatMap((r) => r.values);
  const formats = reads.flatMap((r) => r.numberFormat);
  const formulas = reads.flatMap((r) => r.formulas);
  const grid = used.isNullObject ? { name: sheet.name, rows: [] } : gridFromRange(sheet.name, used.rowIndex, used.columnIndex, values, formats, formulas);
  const result = checkGrids([grid], catalog, ruleSet);
  const findings = result.ok ? result.findings : [];

  // One finding per cell: the most severe wins the colour; the note lists every message.
  const marks: Marks = new Map();
  for (const f of findings) {
    const e = marks.get(f.cell) ?? { severity: f.severity, messages: [] };
    if (f.severity === "error") e.severity = "error";
    e.messages.push(f.message);
    marks.set(f.cell, e);
  }
  const notes = supports(NOTES_API);
  const marked = await markSheet(context, sheet, store, stored, marks);
  const notices = [marked.notice, findings.length && !notes ? NOTES_MISSING : undefined].filter(Boolean);
  return { result, notice: notices.length ? notices.join(" ") : undefined, sheetId: sheet.id };
}

/** Takes the add-in's marks off the active sheet: fills back as they were, its notes gone, the state emptied. */
export async function clearActiveSheetIn(context: Excel.RequestContext): Promise<{ notice?: string }> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name,id");
  sheet.protection.load("protected,options");
  await context.sync();
  const store = stateStore(context, sheet);
  const { notice } = await markSheet(context, sheet, store, undefined, new Map());
  return { notice };
}

/**
 * Moves the sheet's marks from what the state says to `marks`, changing only cells whose fill or note
 * differs, so a check that finds what the last one found writes nothing (and raises no change event).
 * The state is trusted only where the sheet still shows it: a cell whose fill is no longer ours keeps
 * its fill. Syncs: one for the state (unless read already), one for the fills, notes and comments about
 * to change, one to lift our own protection when the sheet is protected, one to write.
 */
async function markSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  store: StateStore,
  read: { isNullObject: boolean; value: unknown } | undefined,
  marks: Marks,
): Promise<{ notice?: string }> {
  let stored = read;
  if (!stored) {
    stored = store.load();
    await context.sync();
  }
  const previous = stored.isNullObject ? [] : parseState(stored.value);
  if (!previous.length && !marks.size) return {};
  const notes = supports(NOTES_API);
  const comments = notes && supports(COMMENTS_API) ? sheet.comments.load("items/id") : undefined;

  const fillOf = (a: string): Excel.Range => {
    const r = sheet.getRange(a);
    r.format.fill.load("color");
    return r;
  };
  const prevFills = previous.map((h) => fillOf(h.a));
  const previousByCell = new Map(previous.map((h) => [h.a, h]));
  const newFills = [...marks.keys()].map(fillOf);
  // Every note on a cell concerned: ours to replace or delete, or the officer's to keep.
  const noteCells = notes ? [...new Set([...previous.filter((h) => h.n).map((h) => h.a), ...marks.keys()])] : [];
  const noteItems = new Map(noteCells.map((a) => [a, sheet.notes.getItemOrNullObject(a).load("content")]));
  // Another pane on this workbook (a second window, a co-author) may have marked cells since the state
  // was read: what it recorded is kept, never overwritten with what this pane did not see.
  const latest = store.load();
  await context.sync();
  const concurrent = latest.isNullObject ? [] : parseState(latest.value).filter((h) => !previousByCell.has(h.a) && !marks.has(h.a));
  // A cell holds a note or a threaded comment, not both: cells with a comment get no note.
  const locations = comments ? comments.items.map((c) => c.getLocation().load("address")) : [];
  if (locations.length) await context.sync();
  const commented = new Set(locations.map((l) => l.address.slice(l.address.lastIndexOf("!") + 1).replace(/\$/g, "")));

  const noteText = (a: string): string | undefined => {
    const item = noteItems.get(a);
    return item && !item.isNullObject ? item.content : undefined;
  };
  const highlights: Highlight[] = [];
  const fills = new Map<string, string>();
  const removeNotes = new Set<string>();
  const addNotes = new Map<string, string>();
  const skippedNotes: string[] = [];
  // Previous highlights the sheet still shows go back to the cell's own fill, unless marked again.
  previous.forEach((h, i) => {
    if (!sameColor(prevFills[i].format.fill.color, h.c)) return;
    if (!marks.has(h.a)) fills.set(h.a, h.f);
  });
  [...marks].forEach(([a, e], i) => {
    const current = newFills[i].format.fill.color;
    const prev = previousByCell.get(a);
    const colour = FILL[e.severity];
    // The original fill is recorded once: a cell still showing our colour keeps the one recorded before.
    const original = prev && sameColor(current, prev.c) ? prev.f : isNoFill(current) ? "" : current;
    if (!sameColor(current, colour)) fills.set(a, colour);
    const text = e.messages.join("\n");
    const existing = noteText(a);
    // A note is ours when the state says so or when it says exactly what the add-in writes there.
    const ours = existing !== undefined && (prev?.n === true || existing === text);
    let n = false;
    if (notes && commented.has(a)) skippedNotes.push(a);
    else if (notes && (existing === undefined || ours)) {
      n = true;
      if (existing !== text) {
        if (existing !== undefined) removeNotes.add(a);
        addNotes.set(a, text);
      }
    }
    highlights.push({ a, f: original, c: colour, n });
  });
  for (const h of previous) if (h.n && !marks.has(h.a) && noteText(h.a) !== undefined) removeNotes.add(h.a);
  highlights.push(...concurrent);
  const unchanged =
    !fills.size && !removeNotes.size && !addNotes.size && JSON.stringify(highlights) === JSON.stringify(previous);
  const notice = skippedNotes.length ? commentedNotice(skippedNotes) : undefined;
  if (unchanged) return { notice };

  const protection = sheet.protection.protected ? sheet.protection.options : undefined;
  if (protection) {
    // Without the password, unprotect() fails: then nothing on the sheet changes.
    sheet.protection.unprotect();
    try {
      await context.sync();
    } catch (e) {
      // Only a refusal of the lifting itself means a password; a busy Excel or a dropped connection says so.
      if (!isRefusal(e)) throw e;
      return { notice: PASSWORD_PROTECTED };
    }
  }

  try {
    for (const [a, colour] of fills) {
      const range = sheet.getRange(a);
      if (colour) range.format.fill.color = colour;
      else range.format.fill.clear();
    }
    for (const a of removeNotes) sheet.notes.getItem(a).delete();
    for (const [a, text] of addNotes) sheet.notes.add(a, text);
    if (protection) sheet.protection.protect(protection);
    store.save(highlights);
    await context.sync();
  } catch (e) {
    // Never leave the officer's sheet unprotected.
    if (protection) {
      sheet.protection.protect(protection);
      await context.sync().catch(() => undefined);
    }
    throw e;
  }
  return { notice };
}

function commentedNotice(cells: string[]): string {
  const shown = cells.slice(0, 5).join(", ") + (cells.length > 5 ? ", …" : "");
  return `Ô ${shown} đã có chú thích (comment) nên phần bổ trợ không thêm ghi chú lỗi vào đó (một ô chỉ giữ được ghi chú hoặc chú thích); nội dung lỗi xem trong danh sách bên dưới.`;
}

/** What Excel answers to unprotect() without the sheet's password. */
const REFUSALS = new Set(["InvalidArgument", "AccessDenied", "InvalidOperation", "GeneralException"]);

function isRefusal(e: unknown): boolean {
  const code = !!e && typeof e === "object" ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" && REFUSALS.has(code);
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
