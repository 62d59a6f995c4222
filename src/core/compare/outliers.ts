import { Consolidation, mergeNumber } from "../consolidate/consolidate";
import { OutlierSettings } from "../rules/schema";
import { formatNumberVi } from "../text";

/** Used when a rule set has no "outliers" section (the built-in rule set states the same values). */
export const DEFAULT_OUTLIERS: OutlierSettings = { minUnits: 5, threshold: 3.5, minSpreadLog: 0.5, minCount: 20, minDenominator: 20, minSpreadRate: 5 };

export interface Outlier {
  unit: string;
  /** What is shown: the count, or the rate with its parts. */
  shown: string;
  high: boolean;
}

/** Per indicator ID: the units far from the others, and the typical value they are far from. */
export type OutlierMap = Map<string, { median: string; units: Outlier[] }>;

/**
 * Units whose counts or rates sit far from the province's other units, for a look (never an error).
 * Counts: robust z-score of log(1 + x) against the median, with the MAD as spread but never below
 * `minSpreadLog` (zero-heavy columns have MAD 0), and only where the unit's value or the median reaches
 * `minCount`. Rates: recomputed from each unit's numerator and denominator (never the typed rate), only
 * units with a denominator of at least `minDenominator`, spread at least `minSpreadRate` points.
 * Nothing with fewer than `minUnits` units.
 */
export function findOutliers(c: Consolidation, s: OutlierSettings): OutlierMap {
  const out: OutlierMap = new Map();
  for (const row of c.rows) {
    const ind = row.indicator;
    if (!ind) continue;
    const a = ind.aggregate;
    if (a.type === "sum") {
      const xs = [...ind.values].filter((e): e is [string, number] => typeof e[1] === "number" && e[1] >= 0);
      if (xs.length < s.minUnits) continue;
      const logs = xs.map(([, v]) => Math.log1p(v));
      const med = median(logs);
      const spread = Math.max(median(logs.map((x) => Math.abs(x - med))), s.minSpreadLog);
      const medValue = Math.expm1(med);
      const units = xs
        .map(([unit, v], i) => ({ unit, v, z: (0.6745 * (logs[i] - med)) / spread }))
        .filter((e) => Math.abs(e.z) >= s.threshold && Math.max(e.v, medValue) >= s.minCount)
        .map((e) => ({ unit: e.unit, shown: formatNumberVi(e.v), high: e.z > 0 }));
      if (units.length) out.set(ind.id, { median: formatNumberVi(Math.round(medValue * 100) / 100), units });
    } else if (a.type === "ratio") {
      const rates: { unit: string; rate: number; num: number; den: number }[] = [];
      for (const u of c.units) {
        const num = mergeNumber(u.values.get(a.numerator));
        const den = mergeNumber(u.values.get(a.denominator));
        if (num === undefined || den === undefined || den < s.minDenominator || den <= 0 || num < 0) continue;
        rates.push({ unit: u.unitName, rate: (100 * num) / den, num, den });
      }
      if (rates.length < s.minUnits) continue;
      const med = median(rates.map((r) => r.rate));
      const spread = Math.max(median(rates.map((r) => Math.abs(r.rate - med))), s.minSpreadRate);
      const units = rates
        .map((r) => ({ ...r, z: (0.6745 * (r.rate - med)) / spread }))
        .filter((r) => Math.abs(r.z) >= s.threshold)
        .map((r) => ({
          unit: r.unit,
          shown: `${formatNumberVi(Math.round(r.rate * 100) / 100)}% (${formatNumberVi(r.num)}/${formatNumberVi(r.den)})`,
          high: r.z > 0,
        }));
      if (units.length) out.set(ind.id, { median: `${formatNumberVi(Math.round(med * 100) / 100)}%`, units });
    }
  }
  return out;
}

/** The cell text of the outlier column: "Cao: A (1.250); thấp: B (2). Trung vị các đơn vị: 40". */
export function describeOutliers(o: { median: string; units: Outlier[] }): string {
  const part = (high: boolean, word: string): string => {
    const list = o.units.filter((u) => u.high === high);
    return list.length ? `${word}: ${list.map((u) => `${u.unit} (${u.shown})`).join("; ")}` : "";
  };
  return [part(true, "Cao hơn hẳn"), part(false, "Thấp hơn hẳn")].filter(Boolean).join(". ") + `. Trung vị các đơn vị: ${o.median}.`;
}

function median(xs: number[]): number {
  // A typed array sorts numbers natively, without calling a comparator (two sorts per indicator).
  const s = Float64Array.from(xs).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
