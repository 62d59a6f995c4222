/** Reporting periods as chosen in the task pane and written in titles. */
export const PERIODS = ["q1", "q2", "q3", "q4", "h1", "m9", "year"] as const;
export type PeriodKind = (typeof PERIODS)[number];

export interface Period {
  kind: PeriodKind;
  year: number;
}

export const PERIOD_LABELS: Record<PeriodKind, string> = {
  q1: "Quý I",
  q2: "Quý II",
  q3: "Quý III",
  q4: "Quý IV",
  h1: "6 tháng đầu năm",
  m9: "9 tháng",
  year: "Năm",
};

/** "QUÝ I NĂM 2023", "6 THÁNG ĐẦU NĂM 2023", "NĂM 2023". */
export function periodTitle(p: Period): string {
  return periodLabel(p).toUpperCase();
}

/** "Quý I năm 2023", "6 tháng đầu năm 2023", "9 tháng năm 2023", "Năm 2023". */
export function periodLabel(p: Period): string {
  if (p.kind === "year") return `Năm ${p.year}`;
  if (p.kind === "h1") return `6 tháng đầu năm ${p.year}`;
  return `${PERIOD_LABELS[p.kind]} năm ${p.year}`;
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && a.year === b.year;
}

const ROMAN: Record<string, PeriodKind> = { i: "q1", ii: "q2", iii: "q3", iv: "q4", "1": "q1", "2": "q2", "3": "q3", "4": "q4" };

/** Finds a period in a title line or a file name: "QUÝ I NĂM 2023", "6 tháng đầu năm 2023", "Năm 2023", "Q1-2023". */
export function parsePeriod(text: string): Period | undefined {
  const t = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
  const year = /(?:^|\D)(20\d{2})(?!\d)/.exec(t);
  if (!year) return undefined;
  const y = Number(year[1]);
  const quarter = /\bquy\s*(iv|iii|ii|i|[1-4])\b/.exec(t) ?? /(?:^|[^a-z])q\s*([1-4])(?![0-9])/.exec(t);
  if (quarter) return { kind: ROMAN[quarter[1]], year: y };
  if (/\b6\s*thang\b/.test(t)) return { kind: "h1", year: y };
  if (/\b9\s*thang\b/.test(t)) return { kind: "m9", year: y };
  if (/\bnam\s*20\d{2}\b/.test(t)) return { kind: "year", year: y };
  return undefined;
}
