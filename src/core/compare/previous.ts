import { Template, ValueRow, isValueRow } from "../catalog/schema";
import { Finding } from "../findings";
import { CellPlace, placeOf } from "../grid";
import { Period, cumulativeComparable, periodLabel, samePeriod, windowMonths } from "../period";
import { messagesOf, shortLabel } from "../rules/evaluate";
import { MessageTable, fill } from "../rules/messages";
import type { KeptValue } from "../consolidate/consolidate";
import { PreviousRule, RuleSet } from "../rules/schema";
import { formatNumberVi } from "../text";

/** The unit's figures of an earlier period: its own submission, or its column of the last consolidation. */
export interface PreviousFigures {
  /** File the figures come from, named in every message. */
  fileName: string;
  period?: Period;
  /** Numbers by indicator ID (blanks and text left out). */
  values: Map<string, number>;
}

/** The submission being checked, as the rule engine read it. */
export interface CurrentFigures {
  template: Template;
  /** Set for a table of a Word document: how rows are numbered (see placeOf). */
  place?: CellPlace;
  period?: Period;
  values: Map<string, KeptValue>;
}

/**
 * Findings against the unit's previous period (rule IDs "previous.*", thresholds in the rule set): a
 * cumulative figure that fell within a window that contains the previous one, a ×10-like jump, two
 * adjacent digits swapped in a stock, a file identical to the previous one. Small numbers never count
 * (minValue), so mostly-zero data gives nothing.
 */
export function comparePrevious(current: CurrentFigures, previous: PreviousFigures, ruleSet: RuleSet): Finding[] {
  const rules = ruleSet.rules.filter((r): r is PreviousRule => r.type === "previous");
  if (!rules.length || (current.period && previous.period && samePeriod(current.period, previous.period))) return [];
  const sections = sectionsOf(current.template);
  const prevName = `${previous.period ? periodLabel(previous.period) : "kỳ trước (chưa rõ kỳ)"}, tệp “${previous.fileName}”`;
  const messages = messagesOf(ruleSet).previous;
  const comparable = !!current.period && !!previous.period && cumulativeComparable(previous.period, current.period);
  const ctx: Pair = {
    comparable,
    growth: current.period && previous.period ? windowMonths(current.period.kind) / windowMonths(previous.period.kind) : 1,
    now: current.period,
    before: previous.period,
    fellReported: rules.some((r) => r.check === "fell"),
  };
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.check === "sameFile") {
      const f = sameFile(rule, current, previous, (nonZero) => fill(messages.sameFile, { nonZero: formatNumberVi(nonZero), previousFile: prevName }));
      if (f) findings.push(f);
      continue;
    }
    for (const [id, v] of current.values) {
      const cur = v.number;
      const prev = previous.values.get(id);
      if (cur === undefined || prev === undefined || cur === prev) continue;
      const row = v.row;
      const said = judge(rule, row, cur, prev, ctx, messages);
      if (!said) continue;
      const message = fill(messages[said.outcome], {
        ...said.vars,
        label: shortLabel(row.label),
        cell: v.cell,
        value: formatNumberVi(cur),
        previousValue: formatNumberVi(prev),
        previousFile: prevName,
      });
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        row: placeOf(current.place, v.sheetRow.r, 0).row,
        cell: v.cell,
        indicator: id,
        section: sections.get(id),
        message,
      });
    }
  }
  return findings.sort((a, b) => a.row - b.row);
}

interface Pair {
  /** Cumulative figures of the current period must not fall below the previous ones. */
  comparable: boolean;
  /** How many times longer the current window is (a count of the period grows with it). */
  growth: number;
  now?: Period;
  before?: Period;
  fellReported: boolean;
}

/** Why a change is suspicious: the outcome and what its sentence names beyond the row; undefined when it is not. */
function judge(
  rule: PreviousRule,
  row: ValueRow,
  cur: number,
  prev: number,
  { comparable, growth, now, before, fellReported }: Pair,
  messages: MessageTable["previous"],
): { outcome: keyof MessageTable["previous"]; vars: Record<string, string> } | undefined {
  const big = Math.max(cur, prev) >= rule.minValue;
  switch (rule.check) {
    case "fell": {
      if (row.accumulation !== "cumulative" || !comparable || !big) return undefined;
      const tolerance = row.kind === "percent" ? rule.tolerance : 0;
      if (cur >= prev - tolerance - 1e-9) return undefined;
      const hint = digitHint(prev, cur);
      const vars = { period: now ? periodLabel(now) : "kỳ này", previousPeriod: before ? periodLabel(before) : "kỳ trước" };
      return hint ? { outcome: "fellMistyped", vars: { ...vars, hint: messages[hint] } } : { outcome: "fell", vars };
    }
    case "jump": {
      if (!(row.kind === "count" || row.kind === "money") || !big || cur <= 0 || prev <= 0) return undefined;
      // A cumulative figure that fell is reported once, as a fall.
      if (fellReported && row.accumulation === "cumulative" && comparable && cur < prev) return undefined;
      const expected = row.accumulation === "cumulative" ? growth : 1;
      const ratio = cur / prev / expected;
      if (ratio < rule.factor && ratio > 1 / rule.factor) return undefined;
      const vars = {
        times: formatNumberVi(cur > prev ? Math.round(cur / prev) : Math.round(prev / cur)),
        growth: formatNumberVi(Math.round(expected * 100) / 100),
        hint: messages[digitHint(prev, cur) ?? "mistyped"],
      };
      const outcome = cur > prev ? (expected !== 1 ? "jumpUpLongerPeriod" : "jumpUp") : expected !== 1 ? "jumpDownLongerPeriod" : "jumpDown";
      return { outcome, vars };
    }
    case "digitsSwapped":
      if (row.accumulation !== "stock" || !(row.kind === "count" || row.kind === "money") || !big) return undefined;
      return adjacentSwap(String(prev), String(cur)) ? { outcome: "digitsSwapped", vars: {} } : undefined;
    default:
      return undefined;
  }
}

/** A digit typed twice or dropped turns 1145 into 11145 or 145. */
function digitHint(prev: number, cur: number): "extraDigit" | "missingDigit" | undefined {
  const a = String(prev);
  const b = String(cur);
  if (!Number.isInteger(prev) || !Number.isInteger(cur)) return undefined;
  if (b.length === a.length + 1 && oneDeleted(b, a)) return "extraDigit";
  if (a.length === b.length + 1 && oneDeleted(a, b)) return "missingDigit";
  return undefined;
}

/** Whether deleting one character of `long` gives `short`. */
function oneDeleted(long: string, short: string): boolean {
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

function adjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  for (let i = 0; i + 1 < a.length; i++) {
    if (a[i] !== a[i + 1] && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(0, i) === b.slice(0, i) && a.slice(i + 2) === b.slice(i + 2)) return true;
  }
  return false;
}

/** Every figure equal to the previous file's, with enough non-zero figures that it cannot be chance. */
function sameFile(rule: PreviousRule, current: CurrentFigures, previous: PreviousFigures, say: (nonZero: number) => string): Finding | undefined {
  let nonZero = 0;
  let first: KeptValue | undefined;
  for (const [id, v] of current.values) {
    const prev = previous.values.get(id);
    if (v.number === undefined && prev === undefined) continue;
    if (v.number !== prev) return undefined;
    if (v.number !== 0) nonZero++;
    if (!first || v.sheetRow.r < first.sheetRow.r) first = v;
  }
  if (!first || nonZero < rule.minNonZero) return undefined;
  return {
    rule: rule.id,
    severity: rule.severity,
    row: placeOf(current.place, first.sheetRow.r, 0).row,
    cell: first.cell,
    message: say(nonZero),
  };
}

function sectionsOf(t: Template): Map<string, string> {
  const m = new Map<string, string>();
  let section = "";
  for (const r of t.rows) {
    if (r.kind === "section") section = `${r.stt}. ${r.label}`;
    else if (isValueRow(r)) m.set(r.id, section);
  }
  return m;
}

/** A unit's own earlier submission, as checked, for comparison. */
export function figuresOfSubmission(values: Map<string, KeptValue>, fileName: string, period?: Period): PreviousFigures {
  const numbers = new Map<string, number>();
  for (const [id, v] of values) if (v.number !== undefined) numbers.set(id, v.number);
  return { fileName, period, values: numbers };
}
