import { ValueRow, isValueRow } from "../catalog/schema";
import { checkGrids } from "../check/check";
import { CheckedUnit, isSuspect, ruleOutcome } from "../consolidate/suspect";
import { Grid } from "../grid";
import { LoadedPackage, addTemplate } from "../package/package";
import { IndicatorValue } from "../rules/evaluate";
import { Proposal, RuleProposal } from "./author";

/** How one proposed rule fares on the filled reports the author tried it on. */
export interface RuleTrial {
  proposal: RuleProposal;
  /** Reports that filled every row the rule reads. */
  filled: number;
  failed: number;
  /** Fails for more than half of them: the merge will report it as "quy tắc có thể sai". */
  suspect: boolean;
}

/** A rate whose figures fit another pair of rows in most reports. */
export interface RateCorrection {
  rate: string;
  label: string;
  /** The pair the proposal uses, if any. */
  current?: { numerator: string; denominator: string };
  numerator: { id: string; label: string };
  denominator: { id: string; label: string };
  /** Reports where 100 × numerator / denominator gives the rate within rounding, of those that filled it. */
  fits: number;
  of: number;
}

export interface Trial {
  files: number;
  read: number;
  unread: { fileName: string; reason: string }[];
  rules: RuleTrial[];
  corrections: RateCorrection[];
}

/** Rounding a unit may do: to whole percents. */
const ROUNDING = 0.5;

/** Runs the proposal's rules on filled reports (last period's files, a few received ones) before the package is sent. */
export function tryProposal(p: Proposal, pkg: LoadedPackage, files: { fileName: string; grids: Grid[] }[]): Trial {
  const trial = addTemplate(pkg, { template: p.template, rules: p.rules });
  const read: CheckedUnit[] = [];
  const unread: Trial["unread"] = [];
  for (const f of files) {
    const r = checkGrids(f.grids, trial.catalog, trial.ruleSet, f.fileName);
    if (r.ok) read.push({ name: r.submission.unitName ?? f.fileName, values: r.values, findings: r.findings });
    else unread.push({ fileName: f.fileName, reason: r.reason });
  }
  const rules = p.ruleReview.map((rp) => {
    const rule = trial.ruleSet.rules.find((r) => r.id === (rp.existing ?? rp.rule.id)) ?? rp.rule;
    const o = ruleOutcome(rule, read);
    return { proposal: rp, filled: o.filled, failed: o.failing.length, suspect: isSuspect(o) };
  });
  return { files: files.length, read: read.length, unread, rules, corrections: rateCorrections(p, read) };
}

/** For each rate, the pair of count rows whose quotient gives it in most reports, when it is not the pair in use. */
function rateCorrections(p: Proposal, reports: { values: Map<string, Pick<IndicatorValue, "number">> }[]): RateCorrection[] {
  const rows = p.template.rows.filter(isValueRow);
  const counts = rows.filter((r) => r.kind === "count" || r.kind === "money");
  const out: RateCorrection[] = [];
  for (const rate of rows.filter((r) => r.kind === "percent")) {
    // 0 % and 100 % fit too many pairs to tell anything.
    const usable = reports.filter((u) => {
      const v = u.values.get(rate.id)?.number;
      return v !== undefined && v > 0 && v < 100;
    });
    if (usable.length < 2) continue;
    const fits = new Map<string, number>();
    for (const u of usable) {
      const target = u.values.get(rate.id)!.number!;
      for (const den of counts) {
        const b = u.values.get(den.id)?.number;
        if (!b || b <= 0) continue;
        for (const num of counts) {
          const a = u.values.get(num.id)?.number;
          if (num === den || a === undefined || a > b) continue;
          if (Math.abs((100 * a) / b - target) <= ROUNDING) fits.set(`${num.id}|${den.id}`, (fits.get(`${num.id}|${den.id}`) ?? 0) + 1);
        }
      }
    }
    const best = [...fits].sort((x, y) => y[1] - x[1])[0];
    if (!best || best[1] * 2 <= usable.length) continue;
    const [n, d] = best[0].split("|");
    const current = rate.aggregate.type === "ratio" ? { numerator: rate.aggregate.numerator, denominator: rate.aggregate.denominator } : undefined;
    if (current && current.numerator === n && current.denominator === d) continue;
    const named = (id: string) => ({ id, label: (rows.find((r) => r.id === id) as ValueRow).label });
    out.push({ rate: rate.id, label: rate.label, current, numerator: named(n), denominator: named(d), fits: best[1], of: usable.length });
  }
  return out;
}
