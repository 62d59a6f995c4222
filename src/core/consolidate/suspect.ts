import { Finding } from "../findings";
import { IndicatorValue } from "../rules/evaluate";
import { ruleIndicators } from "../rules/indicators";
import { Rule } from "../rules/schema";

/**
 * A rule most units break is more likely wrong than most units: a relation the province's template
 * guessed badly, or a total the units read differently. It is told once to Sở Nội vụ, with the count,
 * instead of once per unit.
 */
export interface SuspectRule {
  rule: string;
  description: string;
  /** Units whose report breaks the rule. */
  failed: number;
  /** Units that filled every row the rule reads. */
  filled: number;
  units: string[];
}

/** Fewer units than this say nothing about a rule: two of three may both be wrong. */
export const SUSPECT_MIN_UNITS = 3;

export interface CheckedUnit {
  name: string;
  values: Map<string, Pick<IndicatorValue, "number">>;
  findings: Finding[];
}

/** How many units filled every row a rule reads, and which of them break it. */
export function ruleOutcome(rule: Rule, units: CheckedUnit[]): { filled: number; failing: string[] } {
  const reads = readsOf(rule);
  let filled = 0;
  const failing: string[] = [];
  if (!reads.length) return { filled, failing };
  for (const u of units) {
    if (!reads.every((id) => u.values.get(id)?.number !== undefined)) continue;
    filled++;
    if (u.findings.some((f) => f.rule === rule.id)) failing.push(u.name);
  }
  return { filled, failing };
}

export const isSuspect = (o: { filled: number; failing: string[] }): boolean => o.filled >= SUSPECT_MIN_UNITS && o.failing.length * 2 > o.filled;

/** Rules that more than half of the units that filled their rows break. */
export function findSuspectRules(units: CheckedUnit[], rules: Rule[]): SuspectRule[] {
  const out: SuspectRule[] = [];
  for (const rule of rules) {
    const o = ruleOutcome(rule, units);
    if (isSuspect(o)) out.push({ rule: rule.id, description: rule.description, failed: o.failing.length, filled: o.filled, units: o.failing });
  }
  return out;
}

/** The rows a rule compares; structure and previous-period checks read no rows of their own. */
function readsOf(rule: Rule): string[] {
  if (rule.type === "structure" || rule.type === "previous") return [];
  // A coded answer against its details: the answer must be given; the details may be blank.
  if (rule.type === "codedDetails") return [rule.coded];
  return ruleIndicators(rule).map((x) => x.id);
}

/** The findings left once the suspect rules are set apart. */
export function withoutSuspect(findings: Finding[], suspects: SuspectRule[]): Finding[] {
  if (!suspects.length) return findings;
  const ids = new Set(suspects.map((s) => s.rule));
  return findings.filter((f) => !ids.has(f.rule));
}

/** "quy tắc có thể sai: … (sai ở 4/5 đơn vị đã điền)", for the CLI and the pane. */
export function describeSuspect(s: SuspectRule): string {
  return `Quy tắc có thể sai “${s.rule}”: ${s.description} — không đạt ở ${s.failed}/${s.filled} đơn vị đã điền đủ các dòng của quy tắc; báo một lần, không tính là lỗi của từng đơn vị.`;
}
