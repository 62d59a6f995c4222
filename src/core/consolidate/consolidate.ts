import { Aggregate, Template, TemplateRow, ValueRow, isValueRow } from "../catalog/schema";
import { CheckResult, SourceFormat } from "../check/check";
import { Finding, countBySeverity } from "../findings";
import { UnitType, findUnitType, unitTypeOfName } from "../package/package";
import { Period, periodLabel, samePeriod } from "../period";
import { DecideContext, ExpectedUnit, UnitCandidate, decideUnit, matchExpected, sameUnit } from "../recognize/unitEvidence";
import { unitKey } from "../recognize/unitNames";
import { IndicatorValue } from "../rules/evaluate";
import { Rule } from "../rules/schema";
import { SuspectRule, findSuspectRules, withoutSuspect } from "./suspect";
import { compareVi, foldText } from "../text";
import { Submission } from "../recognize/submission";

/** What the merge and its sheets use of one indicator's value: never the row's cells. */
export type KeptValue = Pick<IndicatorValue, "row" | "read" | "number" | "cell"> & { sheetRow: { r: number } };

/** What the merge keeps of one checked file: its identity, values by indicator and findings, not its grid. */
export type KeptResult =
  | { ok: false; reason: string }
  | {
      ok: true;
      format?: SourceFormat;
      submission: Pick<Submission, "sheetName" | "template" | "period" | "unitCandidates" | "place">;
      values: Map<string, KeptValue>;
      findings: Finding[];
    };

/** One received file after checking, with when it was last modified (to keep the newer of two). */
export interface MergeInput {
  fileName: string;
  result: KeptResult;
  modified?: number;
}

/**
 * The part of a check result a merge holds until the end: a whole province's files are read before
 * any is consolidated, so a file's parsed rows and cells must be free to go once it is checked.
 */
export function mergeInput(fileName: string, result: CheckResult, modified?: number, places = new SharedPlaces()): MergeInput {
  if (!result.ok) return { fileName, modified, result: { ok: false, reason: result.reason } };
  const { sheetName, template, period, unitCandidates, place } = result.submission;
  const values = new Map<string, KeptValue>();
  for (const [id, v] of result.values) values.set(id, { row: v.row, read: v.read, number: v.number, cell: places.cell(v.cell), sheetRow: places.row(v.sheetRow.r) });
  return {
    fileName,
    modified,
    result: { ok: true, format: result.format, submission: { sheetName, template, period, unitCandidates, place }, values, findings: result.findings },
  };
}

/**
 * The cell addresses and sheet rows of kept values, held once for a whole merge: files of one template
 * repeat the same few hundred, and each file's own copies would stay alive until the end.
 */
export class SharedPlaces {
  private readonly cells = new Map<string, string>();
  private readonly rows = new Map<number, { readonly r: number }>();

  cell(address: string): string {
    const known = this.cells.get(address);
    if (known !== undefined) return known;
    this.cells.set(address, address);
    return address;
  }

  row(r: number): { readonly r: number } {
    let row = this.rows.get(r);
    if (!row) this.rows.set(r, (row = { r }));
    return row;
  }
}

export interface UnitSubmission {
  unitName: string;
  unitKey: string;
  unitType: string;
  unitTypeLabel: string;
  fileName: string;
  /** The kind of file it came as (a Word report is named on the status sheet). */
  format?: SourceFormat;
  sheetName: string;
  template: Template;
  period?: Period;
  values: Map<string, KeptValue>;
  findings: Finding[];
  errors: number;
  warnings: number;
}

export type FileStatus = "read" | "rejected" | "duplicate" | "otherPeriod" | "unresolved";

/** An indicator whose value differs between a unit's older and newer file. */
export interface ValueChange {
  indicator: string;
  label: string;
  old: number | string | null;
  new: number | string | null;
}

export interface FileOutcome {
  fileName: string;
  status: FileStatus;
  unitName?: string;
  reason?: string;
  /** Unresolved: every name the file gives its sender, and the expected unit closest to them. */
  candidates?: UnitCandidate[];
  suggestion?: string;
  /** Unresolved: the one unit the file names, which the list of expected units lacks. */
  unlisted?: string;
  /** Duplicate: what the newer file changed (empty when identical). */
  changed?: ValueChange[];
  /** Read: the officer chose the unit. */
  assigned?: boolean;
}

export interface ConsolidatedRow {
  stt: string;
  label: string;
  kind: TemplateRow["kind"];
  /** Present on indicator rows. */
  indicator?: {
    id: string;
    unit: string;
    aggregate: Aggregate;
    /** Province total; null when nothing to aggregate or not aggregable. */
    total: number | null;
    /** Units that reported the indicator (a blank is not a zero). */
    reported: number;
    /** Per unit, by unit name: the number, or the text as sent when it is not a number. */
    values: Map<string, number | string>;
  };
}

export interface Consolidation {
  period?: Period;
  units: UnitSubmission[];
  files: FileOutcome[];
  expected: ExpectedUnit[];
  /** Expected units that sent no file at all. */
  missing: string[];
  /** Expected units not merged but named by a file waiting for the officer's choice ("có tệp chưa xác định đơn vị"). */
  waiting: string[];
  /** Lines of the list of units that repeat another (the same unit written twice counts once). */
  repeatedUnits: string[];
  rows: ConsolidatedRow[];
  /** Rules most units break, told once instead of once per unit (their findings are not in the units'). */
  suspect?: SuspectRule[];
}

export interface ConsolidateOptions {
  /** The period being consolidated; by default the most common one among the files. */
  period?: Period;
  /** Units that must report; by default the units received (a first merge proposes the list). */
  expected?: ExpectedUnit[];
  /** The officer's choices: file base name → unit name (for files whose evidence disagreed). */
  assignments?: Record<string, string>;
  /** The package's unit types: their order groups the province table (sở, ban, ngành, then xã, then huyện). */
  unitTypes?: UnitType[];
  /** The rule set's rules: those most units break are set apart as "quy tắc có thể sai". */
  rules?: Rule[];
}

/** Merges checked submissions into the province table (DHIS2-style aggregation: rates from summed parts). */
export function consolidate(inputs: MergeInput[], opts: ConsolidateOptions = {}): Consolidation {
  const files: FileOutcome[] = [];
  const accepted: (UnitSubmission & { modified?: number; order: number; assigned?: UnitCandidate[] })[] = [];
  const held: { fileName: string; period?: Period; unitTypeLabel: string; outcome: FileOutcome }[] = [];
  const { list: expectedList, repeated } = uniqueUnits(opts.expected ?? []);
  // Without a list, a file name can only point to a unit another file of the batch names.
  const known = expectedList.length ? [] : batchNames(inputs);
  const decided = inputs.map((input) => {
    const r = input.result;
    if (!r.ok) return undefined;
    const ctx: DecideContext = { fileName: input.fileName, expected: expectedList, known, assigned: opts.assignments?.[input.fileName] };
    return { ctx, candidates: r.submission.unitCandidates, period: r.submission.period, decision: decideUnit(r.submission.unitCandidates, ctx) };
  });
  // Files of one period given to one unit are weighed again against each other's names: two senders, or one sending twice.
  const sameUnitFiles = new Map<string, NonNullable<(typeof decided)[number]>[]>();
  for (const d of decided) {
    if (!d?.decision.resolved) continue;
    const key = `${unitKey(d.decision.name)}|${d.period ? `${d.period.kind}-${d.period.year}` : ""}`;
    sameUnitFiles.set(key, [...(sameUnitFiles.get(key) ?? []), d]);
  }
  for (const group of sameUnitFiles.values())
    if (group.length > 1)
      for (const d of group) d.decision = decideUnit(d.candidates, { ...d.ctx, rivals: group.filter((x) => x !== d).map((x) => x.ctx.fileName) });
  inputs.forEach((input, order) => {
    const r = input.result;
    if (!r.ok) {
      files.push({ fileName: input.fileName, status: "rejected", reason: r.reason });
      return;
    }
    const s = r.submission;
    const decision = decided[order]!.decision;
    if (!decision.resolved) {
      const { candidates, reason, suggestion, unlisted } = decision;
      held.push({
        fileName: input.fileName,
        period: s.period,
        unitTypeLabel: s.template.unitTypeLabel,
        outcome: { fileName: input.fileName, status: "unresolved", reason, candidates, suggestion, ...(unlisted ? { unlisted } : {}) },
      });
      return;
    }
    const unitName = decision.name;
    const c = countBySeverity(r.findings);
    accepted.push({
      unitName,
      unitKey: unitKey(unitName),
      unitType: s.template.unitType,
      unitTypeLabel: s.template.unitTypeLabel,
      fileName: input.fileName,
      format: r.format,
      sheetName: s.sheetName,
      template: s.template,
      period: s.period,
      values: r.values,
      findings: r.findings,
      errors: c.errors,
      warnings: c.warnings,
      modified: input.modified,
      order,
      // The officer's choice keeps what the file said, so the choice can be reviewed and changed.
      assigned: decision.source === "assigned" ? s.unitCandidates : undefined,
    });
  });

  const period = opts.period ?? mostCommonPeriod([...accepted, ...held].map((u) => u.period));
  const otherPeriod = (fileName: string, p: Period | undefined, unitName?: string): boolean => {
    if (!period || !p || samePeriod(p, period)) return false;
    files.push({ fileName, status: "otherPeriod", unitName, reason: `Báo cáo ${periodLabel(p)}, khác kỳ tổng hợp (${periodLabel(period)}); không tổng hợp.` });
    return true;
  };
  const inPeriod = accepted.filter((u) => !otherPeriod(u.fileName, u.period, u.unitName));
  const unresolved = held.filter((h) => !otherPeriod(h.fileName, h.period));
  for (const h of unresolved) files.push(h.outcome);

  // The same unit twice, by every source: keep the newer file and say what it changed.
  const byUnit = new Map<string, (typeof inPeriod)[number]>();
  for (const u of inPeriod) {
    const prev = byUnit.get(u.unitKey);
    if (!prev) {
      byUnit.set(u.unitKey, u);
      continue;
    }
    const newer = (u.modified ?? u.order) >= (prev.modified ?? prev.order) ? u : prev;
    const older = newer === u ? prev : u;
    const changed = changedValues(older.values, newer.values);
    byUnit.set(u.unitKey, newer);
    files.push({
      fileName: older.fileName,
      status: "duplicate",
      unitName: newer.unitName,
      changed,
      reason: changed.length
        ? `Đơn vị gửi hai lần; dùng tệp mới hơn “${newer.fileName}”, bỏ qua tệp này. Tệp mới sửa ${changed.length} chỉ tiêu: ${changed
            .slice(0, 5)
            .map((x) => `${x.label}: ${shown(x.old)} → ${shown(x.new)}`)
            .join("; ")}${changed.length > 5 ? "; …" : ""}.`
        : `Trùng với tệp “${newer.fileName}” (số liệu giống hệt); chỉ tổng hợp một lần.`,
    });
  }
  const types = opts.unitTypes ?? [];
  const typeOrder = (id: string): number => types.find((t) => t.id === id)?.order ?? Number.MAX_SAFE_INTEGER;
  for (const u of byUnit.values()) u.unitTypeLabel = types.find((t) => t.id === u.unitType)?.label ?? u.unitTypeLabel;
  const units = [...byUnit.values()].sort(
    (a, b) =>
      typeOrder(a.unitType) - typeOrder(b.unitType) || compareVi(a.unitTypeLabel, b.unitTypeLabel) || compareVi(a.unitName, b.unitName),
  );
  const suspect = opts.rules ? findSuspectRules(units.map((u) => ({ name: u.unitName, values: u.values, findings: u.findings })), opts.rules) : [];
  for (const u of units) {
    u.findings = withoutSuspect(u.findings, suspect);
    Object.assign(u, countBySeverity(u.findings));
  }
  for (const u of units) files.push({ fileName: u.fileName, status: "read", unitName: u.unitName, ...(u.assigned ? { assigned: true, candidates: u.assigned } : {}) });
  files.sort((a, b) => compareVi(a.fileName, b.fileName));

  // A listed unit's type, as the package names it: from the list, else from how the unit's name starts.
  const expected = (expectedList.length ? expectedList : proposeExpected(units, unresolved)).map((e) => {
    const t = e.unitType ? findUnitType(e.unitType, types) : unitTypeOfName(e.name, types);
    return t ? { ...e, unitType: t.label } : e;
  });
  const received = new Set(units.map((u) => u.unitKey));
  // A proposed list only names who sent files: nobody is missing from it yet.
  const notMerged = expectedList.length ? expected.filter((e) => !received.has(unitKey(e.name))) : [];
  // A unit a held file names has sent something: it waits for the officer's choice, it is not missing.
  const named = unresolved.flatMap((h) => (h.outcome.candidates ?? []).map((c) => c.name));
  const isNamed = (e: ExpectedUnit): boolean => named.some((n) => matchExpected(n, expectedList)?.name === e.name || unitKey(n) === unitKey(e.name));
  const waiting = notMerged.filter(isNamed).map((e) => e.name);
  const missing = notMerged.filter((e) => !isNamed(e)).map((e) => e.name);

  return { period, units, files, expected, missing, waiting, repeatedUnits: repeated, rows: mergeRows(units), ...(suspect.length ? { suspect } : {}) };
}

/** The list of units with each unit once ("UBND xã X" and "xã X" are one unit), and the lines dropped. */
function uniqueUnits(list: ExpectedUnit[]): { list: ExpectedUnit[]; repeated: string[] } {
  const seen = new Set<string>();
  const out: ExpectedUnit[] = [];
  const repeated: string[] = [];
  for (const e of list) {
    const k = unitKey(e.name);
    if (seen.has(k)) repeated.push(e.name);
    else {
      seen.add(k);
      out.push(e);
    }
  }
  return { list: out, repeated };
}

/** The names the files of a batch give their senders (stamp, title, signature). */
function batchNames(inputs: MergeInput[]): string[] {
  const names = new Map<string, string>();
  for (const i of inputs) if (i.result.ok) for (const c of i.result.submission.unitCandidates) if (c.source !== "fileName" && !names.has(unitKey(c.name))) names.set(unitKey(c.name), c.name);
  return [...names.values()];
}

/** A first merge proposes the units received, and the names read in files still unresolved (to choose from). */
function proposeExpected(units: UnitSubmission[], unresolved: { unitTypeLabel: string; outcome: FileOutcome }[]): ExpectedUnit[] {
  const list: ExpectedUnit[] = units.map((u) => ({ name: u.unitName, unitType: u.unitTypeLabel }));
  for (const h of unresolved)
    for (const c of h.outcome.candidates ?? []) if (!list.some((e) => sameUnit(e.name, c.name))) list.push({ name: c.name, unitType: h.unitTypeLabel });
  return list;
}

function mostCommonPeriod(periods: (Period | undefined)[]): Period | undefined {
  const counts = new Map<string, { p: Period; n: number }>();
  for (const p of periods) {
    if (!p) continue;
    const k = `${p.kind}-${p.year}`;
    const e = counts.get(k) ?? { p, n: 0 };
    e.n++;
    counts.set(k, e);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.p;
}

function valueOf(v: KeptValue | undefined): number | string | null {
  if (!v) return null;
  const r = v.read;
  return r.type === "number" ? r.value : r.type === "blank" ? null : r.text;
}

function shown(x: number | string | null): string {
  return x === null ? "(trống)" : String(x);
}

/** Indicators whose value differs between two files of one unit, in the newer file's order. */
function changedValues(older: Map<string, KeptValue>, newer: Map<string, KeptValue>): ValueChange[] {
  const out: ValueChange[] = [];
  for (const id of new Set([...newer.keys(), ...older.keys()])) {
    const a = older.get(id);
    const b = newer.get(id);
    const [o, n] = [valueOf(a), valueOf(b)];
    if (o !== n) out.push({ indicator: id, label: (b ?? a)?.row.label ?? id, old: o, new: n });
  }
  return out;
}

/** A number the merge counts: what the unit typed, even when a rule flags it. */
export function mergeNumber(v: KeptValue | undefined): number | undefined {
  return v && v.read.type === "number" ? v.read.value : undefined;
}

/** One row per indicator across all templates used, in template order; shared indicators once. */
function mergeRows(units: UnitSubmission[]): ConsolidatedRow[] {
  const templates: Template[] = [];
  const uses = new Map<Template, number>();
  for (const u of units) uses.set(u.template, (uses.get(u.template) ?? 0) + 1);
  for (const t of [...uses.keys()].sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0))) templates.push(t);

  const order: TemplateRow[] = [];
  const keyOf = (r: TemplateRow): string => (isValueRow(r) ? `id:${r.id}` : `h:${foldText(r.label)}`);
  // Each row's key is folded once; an insertion moves only the positions after it.
  const keys: string[] = [];
  const position = new Map<string, number>();
  for (const t of templates) {
    let insertAt = 0;
    for (const r of t.rows) {
      const k = keyOf(r);
      const at = position.get(k);
      if (at !== undefined) {
        insertAt = at + 1;
        continue;
      }
      order.splice(insertAt, 0, r);
      keys.splice(insertAt, 0, k);
      for (let i = insertAt; i < keys.length; i++) position.set(keys[i], i);
      insertAt++;
    }
  }

  return order.map((r) => {
    if (!isValueRow(r)) return { stt: r.stt, label: r.label, kind: r.kind };
    return { stt: r.stt, label: r.label, kind: r.kind, indicator: aggregateRow(r, units) };
  });
}

function aggregateRow(r: ValueRow, units: UnitSubmission[]): NonNullable<ConsolidatedRow["indicator"]> {
  const values = new Map<string, number | string>();
  let reported = 0;
  for (const u of units) {
    const v = u.values.get(r.id);
    if (!v) continue;
    const n = mergeNumber(v);
    if (n !== undefined) {
      values.set(u.unitName, n);
      reported++;
    } else if (v.read.type === "text" || v.read.type === "ambiguous") values.set(u.unitName, v.read.text);
  }
  // The numbers reported, in the map's order (a loop: 130 units for each of some 200 rows).
  let numbers = 0;
  let sum = 0;
  let codeCount = 0;
  const a = r.aggregate;
  for (const x of values.values()) {
    if (typeof x !== "number") continue;
    numbers++;
    sum += x;
    if (a.type === "countCode" && x === a.code) codeCount++;
  }
  let total: number | null = null;
  if (a.type === "sum") total = numbers ? round(sum) : null;
  else if (a.type === "countCode") total = numbers ? codeCount : null;
  else if (a.type === "ratio") {
    const num = sumOf(units, a.numerator);
    const den = sumOf(units, a.denominator);
    reported = den.count;
    total = den.count && num.count && den.sum > 0 ? round((100 * num.sum) / den.sum) : null;
  }
  return { id: r.id, unit: r.unit, aggregate: a, total, reported, values };
}

function sumOf(units: UnitSubmission[], id: string): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const u of units) {
    const n = mergeNumber(u.values.get(id));
    if (n !== undefined) {
      sum += n;
      count++;
    }
  }
  return { sum, count };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
