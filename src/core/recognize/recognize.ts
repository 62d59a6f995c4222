import { Catalog } from "../catalog/catalog";
import { Template, TemplateRow, isValueRow } from "../catalog/schema";
import { Cell, Grid, address, cellText, isBlank } from "../grid";
import { ID_COLUMN, SheetIdentity, decodeIdentity } from "../identity";
import { Period, parsePeriod } from "../period";
import { oncePer } from "../oncePer";
import { foldText, similarity, squash, squashedText } from "../text";
import { MatchedRow, SheetRow, Submission } from "./submission";
import { UnitCandidate, decideUnit, signatureCandidates, titleCandidates } from "./unitEvidence";

export type Recognition = { ok: true; submission: Submission } | { ok: false; reason: string };

const FUZZY_MIN = 0.8;
const MIN_MATCHED_ROWS = 6;

interface TemplateIndex {
  exact: Map<string, number[]>;
  names: { index: number; folded: string }[];
}

const templateIndex = oncePer((t: Template): TemplateIndex => {
  const exact = new Map<string, number[]>();
  const names: { index: number; folded: string }[] = [];
  t.rows.forEach((row, i) => {
    for (const name of [row.label, ...(row.aliases ?? [])]) {
      const f = foldText(name);
      const list = exact.get(f) ?? [];
      if (!list.includes(i)) list.push(i);
      exact.set(f, list);
      names.push({ index: i, folded: f });
    }
  });
  return { exact, names };
});

/** Reads a workbook's sheets and returns the first that is a report (a stamped sheet first). */
export function recognizeWorkbook(grids: Grid[], catalog: Catalog, fileName?: string): Recognition {
  const results = grids.map((g) => recognizeSheet(g, catalog, fileName));
  const stamped = results.find((r) => r.ok && r.submission.identity);
  if (stamped) return stamped;
  const ok = results.filter((r): r is { ok: true; submission: Submission } => r.ok);
  if (ok.length) return ok.sort((a, b) => b.submission.matched.length - a.submission.matched.length)[0];
  if (results.length === 1) return results[0];
  return {
    ok: false,
    reason: `Không trang tính nào là biểu thống kê CCHC: ${results.map((r, i) => `“${grids[i].name}”: ${r.ok ? "" : r.reason}`).join(" ")}`,
  };
}

export function recognizeSheet(grid: Grid, catalog: Catalog, fileName?: string): Recognition {
  const identity = findIdentity(grid);
  const header = findHeader(grid);
  if (!header) {
    return {
      ok: false,
      reason: `Trang “${grid.name}” không có bảng chỉ tiêu (không thấy dòng tiêu đề “STT – Chỉ tiêu thống kê”).`,
    };
  }
  const rows = readRows(grid, header);
  let template: Template | undefined;
  if (identity) {
    template = catalog.byId.get(identity.identity.template);
    if (!template)
      return { ok: false, reason: `Trang “${grid.name}” ghi mã biểu mẫu “${identity.identity.template}” không có trong danh mục biểu mẫu.` };
  }
  let matched: MatchedRow[];
  let unmatched: SheetRow[];
  if (template && identity) {
    ({ matched, unmatched } = alignById(grid, rows, template, identity.column));
  } else {
    const best = chooseTemplate(rows, catalog);
    if (!best) return { ok: false, reason: `Trang “${grid.name}” không khớp biểu mẫu nào (bảng trống).` };
    const needed = Math.max(MIN_MATCHED_ROWS, Math.round(best.template.rows.length * 0.3));
    if (best.exactCount < needed) {
      return {
        ok: false,
        reason: `Không nhận ra biểu mẫu của trang “${grid.name}”: chỉ ${best.exactCount}/${best.template.rows.length} dòng khớp với mẫu gần nhất (“${best.template.name}”).`,
      };
    }
    template = best.template;
    ({ matched, unmatched } = align(rows, template));
  }
  const titleText = textLines(grid, 0, header.row).map((l) => l.text);
  const lastTableRow = matched.reduce((m, x) => Math.max(m, x.row.r), header.lastRow);
  const candidates = unitCandidates(grid, header.row, lastTableRow, identity?.identity);
  const decision = decideUnit(candidates, { fileName: fileName ?? grid.name });
  const period: Period | undefined =
    identity?.identity.period ?? parsePeriod(titleText.join(" ")) ?? (fileName ? parsePeriod(fileName) : undefined);
  return {
    ok: true,
    submission: {
      sheetName: grid.name,
      fileName,
      template,
      identity: identity?.identity,
      unitName: decision.resolved ? decision.name : undefined,
      unitSource: decision.resolved ? decision.source : undefined,
      unitCandidates: candidates,
      period,
      columns: header.columns,
      place: grid.table && { table: grid.name, rowOffset: grid.table.rowOffset, columnNames: columnNames(grid, header) },
      matched,
      unmatched,
    },
  };
}

function findIdentity(grid: Grid): { identity: SheetIdentity; column: number } | undefined {
  const limit = Math.min(grid.rows.length, 10);
  for (let r = 0; r < limit; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const id = decodeIdentity(row[c]?.value);
      if (id) return { identity: id, column: c };
    }
  }
  return undefined;
}

export interface Header {
  row: number;
  /** Last row of the header block (the "Đơn vị tính / Số liệu" line). */
  lastRow: number;
  columns: Submission["columns"];
}

/**
 * The label column's heading, as provinces word it: "Chỉ tiêu thống kê", "Nội dung chỉ tiêu", "Nội dung",
 * "Tên chỉ tiêu", "Danh mục chỉ tiêu".
 */
const LABEL_HEADER = /^(chi tieu|noi dung|(ten|danh muc)( cac)? chi tieu)/;

export function findHeader(grid: Grid): Header | undefined {
  const limit = Math.min(grid.rows.length, 80);
  for (let r = 0; r < limit; r++) {
    const row = grid.rows[r] ?? [];
    let stt = -1;
    let label = -1;
    for (let c = 0; c < row.length && c < 30; c++) {
      const f = foldText(cellText(row[c]));
      if (stt < 0 && (f === "stt" || f === "tt" || f === "so tt")) stt = c;
      else if (label < 0 && LABEL_HEADER.test(f)) label = c;
    }
    if (stt < 0 || label < 0) continue;
    const next = grid.rows[r + 1] ?? [];
    const find = (cells: (Cell | undefined)[], test: (f: string) => boolean): number =>
      cells.findIndex((cell, c) => c > label && test(foldText(cellText(cell))));
    let unit = find(row, (f) => f.startsWith("don vi tinh") || f === "dvt");
    let value = find(row, (f) => /^(so lieu|so luong|ty le|gia tri)/.test(f));
    let lastRow = r;
    const unitNext = find(next, (f) => f.startsWith("don vi tinh") || f === "dvt");
    if (unit < 0 && unitNext >= 0) {
      unit = unitNext;
      lastRow = r + 1;
    }
    const valueNext = find(next, (f) => /^(so lieu|so luong|ty le|gia tri)/.test(f));
    if (value < 0 && valueNext >= 0) {
      value = valueNext;
      lastRow = r + 1;
    }
    if (unit < 0) unit = label + 1;
    if (value < 0) value = unit + 1;
    let note = find(row, (f) => f.startsWith("ghi chu") || f.startsWith("co quan"));
    if (note < 0) note = value + 1;
    return { row: r, lastRow, columns: { stt, label, unit, value, note } };
  }
  return undefined;
}

const ROMAN_LABEL = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)\s+(\S.*)$/;

/**
 * After this many rows in a row that carry nothing a template row could match or a rule could report
 * (no label, unit, value, note, cell beyond the note, or row ID; a number in the STT column at most),
 * the table has ended: a report followed by a million such rows is read in bounded time and memory.
 */
export const TRAILING_BARE_ROWS = 1000;

export function readRows(grid: Grid, header: Header): SheetRow[] {
  const { stt: cs, label: cl, unit: cu, value: cv, note: cn } = header.columns;
  const out: SheetRow[] = [];
  let bare = 0;
  for (let r = header.lastRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (isBareRow(row, cs)) {
      if (++bare >= TRAILING_BARE_ROWS) break;
    } else bare = 0;
    let stt = cellText(row[cs]);
    if (stt.endsWith(".")) stt = stt.slice(0, -1).trim();
    // Texts met in an earlier file are that file's strings: their folded keys are then found without hashing them again.
    let label = squashedText(cellText(row[cl]));
    const unit = squashedText(cellText(row[cu]));
    const value = row[cv];
    const note = row[cn];
    let beyond: Cell | undefined;
    for (let c = cn + 1; c < row.length; c++) if (c !== ID_COLUMN && !isBlank(row[c]) && !cellText(row[c]).startsWith("CCHC-ID:")) beyond = row[c];
    if (!stt && !label && !unit && isBlank(value) && isBlank(note)) continue;
    let key = foldText(label);
    // Page breaks repeat the header.
    if (key.startsWith("chi tieu thong ke") || (unit && foldText(unit).startsWith("don vi tinh")) || (stt && foldText(stt) === "stt")) continue;
    if (!stt) {
      const roman = ROMAN_LABEL.exec(label);
      if (roman) {
        stt = roman[1];
        label = squashedText(roman[2]);
        key = foldText(label);
      }
    }
    const prev = out[out.length - 1];
    if (prev && !stt && isBlank(value) && isFragment(label, unit, prev)) {
      prev.label = `${prev.label} ${label}`.trim();
      prev.key = foldText(prev.label);
      if (unit) prev.unit = `${prev.unit} ${unit}`.trim();
      if (isBlank(prev.note) && !isBlank(note)) prev.note = note;
      continue;
    }
    out.push({ r, stt, label, key, unit, value, note, beyond });
  }
  return out;
}

/** A row with no cell other than its STT (and blank cells). */
function isBareRow(row: (Cell | undefined)[], sttColumn: number): boolean {
  for (let c = 0; c < row.length; c++) if (c !== sttColumn && !isBlank(row[c])) return false;
  return true;
}

/** A label that wrapped onto a row of its own: starts lower-case or with "(", or a code unit's second line. */
function isFragment(label: string, unit: string, prev: SheetRow): boolean {
  const first = label.replace(/^[\s"“(<]+/, "").charAt(0);
  if (label && (label.startsWith("(") || (first && first !== first.toUpperCase() && first === first.toLowerCase())))
    return !unit || /=/.test(unit) || !prev.unit;
  // A coded unit split over two lines ("Chưa = 0" / "Có = 1"): the previous unit lists a single code.
  const codeCount = (u: string): number => (u.match(/=/g) ?? []).length;
  if (unit && codeCount(unit) > 0 && codeCount(prev.unit) === 1 && (!label || (label.length < 25 && !/^[-–•+]/.test(label)))) return true;
  return false;
}

function chooseTemplate(rows: SheetRow[], catalog: Catalog): { template: Template; exactCount: number } | undefined {
  let best: { template: Template; exactCount: number; score: number } | undefined;
  for (const t of catalog.templates) {
    const idx = templateIndex(t);
    // Template rows hit, counted once each (a byte array: this runs for every template and row of every file).
    const hit = new Uint8Array(t.rows.length);
    let hits = 0;
    for (const row of rows) {
      const list = idx.exact.get(row.key);
      if (list)
        for (const i of list)
          if (!hit[i]) {
            hit[i] = 1;
            hits++;
          }
    }
    const score = hits - 0.25 * (t.rows.length - hits);
    if (!best || score > best.score) best = { template: t, exactCount: hits, score };
  }
  return best && { template: best.template, exactCount: best.exactCount };
}

function align(rows: SheetRow[], t: Template): { matched: MatchedRow[]; unmatched: SheetRow[] } {
  const idx = templateIndex(t);
  // Template rows already matched (an array, not a Set: this runs for every row of every file).
  const used = new Uint8Array(t.rows.length);
  const matched: MatchedRow[] = [];
  const unmatched: SheetRow[] = [];
  let pointer = 0;
  for (const row of rows) {
    const f = row.key;
    const exact = idx.exact.get(f);
    let chosen = exact ? choose(exact, row, t, used, pointer) : -1;
    if (chosen < 0 && f) {
      let bestScore = FUZZY_MIN;
      const scored = new Map<number, number>();
      for (const n of idx.names) {
        if (used[n.index]) continue;
        const s = similarity(f, n.folded);
        if (s >= bestScore - 0.02) {
          scored.set(n.index, Math.max(s, scored.get(n.index) ?? 0));
          bestScore = Math.max(bestScore, s);
        }
      }
      chosen = choose(
        [...scored].filter(([, s]) => s >= bestScore - 0.02).map(([i]) => i),
        row,
        t,
        used,
        pointer,
      );
    }
    if (chosen < 0) {
      unmatched.push(row);
      continue;
    }
    used[chosen] = 1;
    pointer = chosen + 1;
    matched.push({ row, templateIndex: chosen, templateRow: t.rows[chosen] });
  }
  return { matched, unmatched };
}

/**
 * The template row a sheet row takes among its unused candidates. The same label under several parents:
 * the nearest one at or after the current position; for a row moved upwards, the one with the same STT,
 * else the first. -1 when every candidate is taken.
 */
function choose(candidates: readonly number[], row: SheetRow, t: Template, used: Uint8Array, pointer: number): number {
  let ahead = -1;
  let first = -1;
  for (const i of candidates) {
    if (used[i]) continue;
    if (first < 0) first = i;
    if (i >= pointer && (ahead < 0 || i < ahead)) ahead = i;
  }
  if (ahead >= 0 || first < 0 || !row.stt) return ahead >= 0 ? ahead : first;
  const stt = normalStt(row.stt);
  for (const i of candidates) if (!used[i] && normalStt(t.rows[i].stt) === stt) return i;
  return first;
}

function normalStt(s: string): string {
  return s.replace(/\.$/, "").trim().toUpperCase();
}

function alignById(grid: Grid, rows: SheetRow[], t: Template, idColumn: number): { matched: MatchedRow[]; unmatched: SheetRow[] } {
  const byId = new Map<string, number>();
  t.rows.forEach((row: TemplateRow, i) => {
    if (isValueRow(row)) byId.set(row.id, i);
  });
  const rest: SheetRow[] = [];
  const matched: MatchedRow[] = [];
  for (const row of rows) {
    const id = cellText(grid.rows[row.r]?.[idColumn]);
    const i = byId.get(id);
    if (i !== undefined) matched.push({ row, templateIndex: i, templateRow: t.rows[i] });
    else rest.push(row);
  }
  // Headings carry no ID: match them by label.
  const headings = align(rest, headingsOnly(t));
  for (const m of headings.matched) matched.push({ ...m, templateRow: t.rows[m.templateIndex] });
  matched.sort((a, b) => a.row.r - b.row.r);
  return { matched, unmatched: headings.unmatched };
}

/** The template with its value rows made unmatchable, so only headings align by label. */
const headingsOnly = oncePer((t: Template): Template => ({ ...t, rows: t.rows.map((r) => (isValueRow(r) ? { ...r, label: "\u0000", aliases: [] } : r)) }));

/** Each column's name as its header says it: the lower header line ("Số liệu") over the upper ("Kết quả thống kê"). */
function columnNames(grid: Grid, header: Header): string[] {
  const names: string[] = [];
  const top = grid.rows[header.row] ?? [];
  const bottom = header.lastRow > header.row ? (grid.rows[header.lastRow] ?? []) : [];
  for (let c = 0; c < Math.max(top.length, bottom.length); c++) names.push(squash(cellText(bottom[c]) || cellText(top[c])));
  return names;
}

/** Where a text line is: its A1 address in a sheet; in a Word table, the title lines above it or its cell. */
function lineAt(grid: Grid, r: number, c: number): string {
  if (!grid.table) return address(r, c);
  if (r < grid.table.rowOffset) return `phần đầu văn bản, trước ${grid.name}`;
  return `${grid.name}, dòng ${r - grid.table.rowOffset + 1}`;
}

/** Text cells of rows [from, to), with their addresses. */
function textLines(grid: Grid, from: number, to: number): { text: string; where: string }[] {
  const lines: { text: string; where: string }[] = [];
  for (let r = from; r < to; r++) {
    (grid.rows[r] ?? []).forEach((cell, c) => {
      const t = cellText(cell);
      if (t && !t.startsWith("CCHC-ID:")) lines.push({ text: t, where: lineAt(grid, r, c) });
    });
  }
  return lines;
}

/** Every name the sheet gives its sender, with where it was read (the file name is weighed against known units, see decideUnit). */
function unitCandidates(grid: Grid, headerRow: number, lastTableRow: number, identity: SheetIdentity | undefined): UnitCandidate[] {
  const out: UnitCandidate[] = [];
  if (identity?.unitName.trim()) out.push({ name: identity.unitName.trim(), source: "identity", where: "mã nhận dạng" });
  // A loop, not a spread: a hostile sheet can make these lists long.
  for (const c of titleCandidates(textLines(grid, 0, headerRow))) out.push(c);
  for (const c of signatureCandidates(textLines(grid, lastTableRow + 1, Math.min(grid.rows.length, lastTableRow + 40)))) out.push(c);
  return out;
}
