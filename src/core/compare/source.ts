import { Catalog } from "../catalog/catalog";
import { CheckResult, checkGrids } from "../check/check";
import { Consolidation } from "../consolidate/consolidate";
import { countBySeverity } from "../findings";
import { Grid } from "../grid";
import { unitKey } from "../recognize/unitNames";
import { RuleSet } from "../rules/schema";
import { Period, notPreviousOf } from "../period";
import { ConsolidatedFigures, readConsolidated, unitFigures } from "./consolidated";
import { PreviousFigures, comparePrevious, figuresOfSubmission } from "./previous";

/** What a file chosen as "the previous period" holds: one unit's report, or a province consolidation. */
export type PreviousSource =
  | { kind: "submission"; figures: PreviousFigures; unitName?: string }
  | { kind: "consolidated"; consolidated: ConsolidatedFigures }
  | { kind: "unreadable"; reason: string };

/** Reads a previous-period workbook: a consolidated workbook (its "Tổng hợp" sheet) or a unit's report. */
export function previousFromGrids(grids: Grid[], catalog: Catalog, ruleSet: RuleSet, fileName: string): PreviousSource {
  const consolidated = readConsolidated(grids, catalog, fileName);
  if (consolidated) return { kind: "consolidated", consolidated };
  const r = checkGrids(grids, catalog, ruleSet, fileName);
  if (!r.ok) return { kind: "unreadable", reason: `Không đọc được báo cáo kỳ trước “${fileName}”: ${r.reason}` };
  return { kind: "submission", figures: figuresOfSubmission(r.values, fileName, r.submission.period), unitName: r.submission.unitName };
}

/** The figures of `unitName` in a previous source, or why there are none (Vietnamese). */
export function figuresFor(source: PreviousSource, unitName: string | undefined): PreviousFigures | { reason: string } {
  if (source.kind === "unreadable") return { reason: source.reason };
  if (source.kind === "submission") {
    if (source.unitName && unitName && unitKey(source.unitName) !== unitKey(unitName))
      return { reason: `tệp “${source.figures.fileName}” là báo cáo của ${source.unitName}, không phải của ${unitName}.` };
    return source.figures;
  }
  const f = unitName ? unitFigures(source.consolidated, unitName) : undefined;
  return f ?? { reason: `tệp tổng hợp “${source.consolidated.fileName}” không có cột của đơn vị ${unitName ? `“${unitName}”` : "(chưa rõ tên đơn vị)"}.` };
}

/** Why a consolidation of one period is not compared with `previous`, or undefined when it is. */
export function previousProblem(previous: { period?: Period }, current: { period?: Period }): string | undefined {
  return previous.period && current.period ? notPreviousOf(previous.period, current.period) : undefined;
}

/**
 * Each merged unit compared with its own column of the last consolidation; findings join the unit's list.
 * A consolidation that is not of an earlier period (previousProblem) is not compared at all.
 */
export function withPrevious(c: Consolidation, previous: ConsolidatedFigures, ruleSet: RuleSet): Consolidation {
  if (previousProblem(previous, c)) return c;
  const units = c.units.map((u) => {
    const figures = unitFigures(previous, u.unitName);
    if (!figures) return u;
    const extra = comparePrevious({ template: u.template, period: u.period ?? c.period, values: u.values }, figures, ruleSet);
    if (!extra.length) return u;
    const findings = [...u.findings, ...extra].sort((a, b) => a.row - b.row);
    return { ...u, findings, ...countBySeverity(findings) };
  });
  return { ...c, units };
}

/** A checked submission with the comparison against the previous period added, or a note why there is none. */
export function checkAgainstPrevious(result: CheckResult, source: PreviousSource | undefined, ruleSet: RuleSet): { result: CheckResult; note?: string } {
  if (!source || !result.ok) return { result };
  const figures = figuresFor(source, result.submission.unitName);
  if ("reason" in figures) return { result, note: `Không so sánh được với kỳ trước: ${figures.reason}` };
  const problem = previousProblem(figures, result.submission);
  if (problem) return { result, note: `Không so sánh với kỳ trước: ${problem}.` };
  const extra = comparePrevious({ template: result.submission.template, place: result.submission.place, period: result.submission.period, values: result.values }, figures, ruleSet);
  return { result: { ...result, findings: [...result.findings, ...extra].sort((a, b) => a.row - b.row) } };
}
