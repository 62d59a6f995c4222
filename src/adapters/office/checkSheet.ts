import { Catalog } from "../../core/catalog/catalog";
import { CheckResult, checkGrids } from "../../core/check/check";
import { Finding } from "../../core/findings";
import { Cell, Grid } from "../../core/grid";
import { RuleSet } from "../../core/rules/schema";
import { STYLES } from "../../core/layout/sheetLayout";
import { supports } from "./capabilities";
import { MAX_AREAS_PER_CALL } from "./writeLayout";

/** A very hidden sheet remembers what the add-in highlighted, so the next check undoes only that. */
export const STATE_SHEET = "CCHC_TrangThai";
export const FILL: Record<Finding["severity"], string> = { error: `#${STYLES.error.fill}`, warning: `#${STYLES.warning.fill}` };
/** Cell notes need ExcelApi 1.18; without it the findings are listed in the pane only. */
export const NOTES_API = "1.18";
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

function parseState(values: unknown[][] | undefined, sheet: string): Highlight[] {
  if (!values) return [];
  const row = values.find((r) => String(r[0]) === sheet);
  if (!row) return [];
  try {
    const parsed: unknown = JSON.parse(row.slice(1).join(""));
    return Array.isArray(parsed) ? (parsed as Highlight[]).filter((h) => typeof h?.a === "string") : [];
  } catch {
    return [];
  }
}

/** Excel cells hold at most 32 767 characters: the state JSON is spread over several cells. */
function stateRow(sheet: string, highlights: Highlight[]): string[] {
  const json = JSON.stringify(highlights);
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += 30000) parts.push(json.slice(i, i + 30000));
  return [sheet, ...(parts.length ? parts : ["[]"])];
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Checks the active sheet and marks its inconsistent cells: three syncs whatever the sheet's size
 * (read; read the fills about to change; write everything).
 */
export async function checkActiveSheetIn(
  context: Excel.RequestContext,
  catalog: Catalog,
  ruleSet: RuleSet,
): Promise<{ result: CheckResult; notice?: string }> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  sheet.protection.load("protected");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(["values", "numberFormat", "formulas", "rowIndex", "columnIndex"]);
  const stateSheet = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  const stateRange = stateSheet.getUsedRangeOrNullObject(true);
  stateRange.load("values");
  await context.sync();

  const grid = used.isNullObject
    ? { name: sheet.name, rows: [] }
    : gridFromRange(sheet.name, used.rowIndex, used.columnIndex, used.values, used.numberFormat, used.formulas);
  const result = checkGrids([grid], catalog, ruleSet);
  const findings = result.ok ? result.findings : [];
  const previous = stateSheet.isNullObject || stateRange.isNullObject ? [] : parseState(stateRange.values, sheet.name);
  const notes = supports(NOTES_API);

  // One finding per cell: the most severe wins the colour; the note lists every message.
  const byCell = new Map<string, { severity: Finding["severity"]; messages: string[] }>();
  for (const f of findings) {
    const e = byCell.get(f.cell) ?? { severity: f.severity, messages: [] };
    if (f.severity === "error") e.severity = "error";
    e.messages.push(f.message);
    byCell.set(f.cell, e);
  }

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

  const wasProtected = sheet.protection.protected;
  if (wasProtected) sheet.protection.unprotect();
  // Undo the previous highlights, but never a fill the user changed since.
  previous.forEach((h, i) => {
    if (!sameColor(prevFills[i].format.fill.color, h.c)) return;
    const range = sheet.getRange(h.a);
    if (h.f) range.format.fill.color = h.f;
    else range.format.fill.clear();
  });
  for (const n of prevNotes) if (!n.isNullObject) n.delete();

  const highlights: Highlight[] = [];
  const cells = [...byCell.keys()];
  cells.forEach((a, i) => {
    const current = newFills[i].format.fill.color;
    const prev = previousByCell.get(a);
    // A cell still showing our colour keeps its original fill from the previous check.
    const original = prev && sameColor(current, prev.c) ? prev.f : isNoFill(current) ? "" : current;
    const e = byCell.get(a)!;
    const userNote = userNotes[i];
    highlights.push({ a, f: original, c: FILL[e.severity], n: notes && (!userNote || userNote.isNullObject) });
  });
  for (const severity of ["warning", "error"] as const) {
    const addresses = cells.filter((a) => byCell.get(a)!.severity === severity);
    for (const part of chunks(addresses, MAX_AREAS_PER_CALL)) sheet.getRanges(part.join(",")).format.fill.color = FILL[severity];
  }
  for (const h of highlights) if (h.n) sheet.notes.add(h.a, byCell.get(h.a)!.messages.join("\n"));
  if (wasProtected)
    sheet.protection.protect({ allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: true });

  // Remember this check's highlights in the very hidden state sheet.
  let state = stateSheet;
  if (stateSheet.isNullObject) {
    state = context.workbook.worksheets.add(STATE_SHEET);
    state.visibility = Excel.SheetVisibility.veryHidden;
  }
  const kept = (stateRange.isNullObject ? [] : stateRange.values).filter((r) => String(r[0]) !== sheet.name && r[0] !== "");
  const rows = [...kept.map((r) => r.map((v) => String(v))), stateRow(sheet.name, highlights)];
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]);
  if (!stateRange.isNullObject) stateRange.clear();
  const target = state.getRangeByIndexes(0, 0, padded.length, width);
  // Text format first: a sheet named "2023" must stay the text "2023" to be found again.
  target.numberFormat = padded.map((r) => r.map(() => "@"));
  target.values = padded;
  await context.sync();

  return { result, notice: findings.length && !notes ? NOTES_MISSING : undefined };
}

function isNoFill(color: string | null | undefined): boolean {
  return !color || color.toUpperCase() === "#FFFFFF";
}

function sameColor(a: string | null | undefined, b: string): boolean {
  return !!a && a.toUpperCase() === b.toUpperCase();
}
