import { decomposed } from "./text";

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
  const t = decomposed(text)
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
  const range = periodOfDates(t);
  if (range) return range;
  const year = /(?:^|\D)(20\d{2})(?!\d)/.exec(t);
  if (!year) return undefined;
  const y = Number(year[1]);
  // "Quý II và 6 tháng đầu năm", "Quý IV và năm 2026": one report for both, whose period is the longer window.
  if (/\bquy\s*(ii|2)\b(\s*nam\s*20\d{2})?\s*(va|,|-)\s*6\s*thang\b/.test(t)) return { kind: "h1", year: y };
  if (/\bquy\s*(iii|3)\b(\s*nam\s*20\d{2})?\s*(va|,|-)\s*9\s*thang\b/.test(t)) return { kind: "m9", year: y };
  if (/\bquy\s*(iv|4)\b(\s*nam\s*20\d{2})?\s*(va|,|-)\s*(ca\s*)?nam\b/.test(t)) return { kind: "year", year: y };
  const quarter = /\bquy\s*(iv|iii|ii|i|[1-4])\b/.exec(t) ?? /(?:^|[^a-z])q\s*([1-4])(?![0-9])/.exec(t);
  if (quarter) return { kind: ROMAN[quarter[1]], year: y };
  // The second half-year is no reporting period: never read it as the first.
  if (/\b6\s*thang\s*cuoi\b/.test(t)) return undefined;
  // "6T2026", "BC_6T_2026" in file names: "T" for tháng.
  if (/\b6\s*thang\b/.test(t) || /(?:^|[^a-z0-9])6t(?![a-z])/.test(t)) return { kind: "h1", year: y };
  if (/\b9\s*thang\b/.test(t) || /(?:^|[^a-z0-9])9t(?![a-z])/.test(t)) return { kind: "m9", year: y };
  if (/\bnam\s*20\d{2}\b/.test(t)) return { kind: "year", year: y };
  return undefined;
}

const DATE_RANGE = /\btu\s*(?:ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(20\d{2})\s*(?:den|toi)\s*(?:het\s*)?(?:ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(20\d{2})/;

/**
 * "Kỳ báo cáo: từ 15/12/2025 đến 14/6/2026" (or by calendar months, 01/01–30/06): the period whose
 * reporting window starts and ends within about half a month of those dates; undefined when none does.
 */
function periodOfDates(t: string): Period | undefined {
  const m = DATE_RANGE.exec(t);
  if (!m) return undefined;
  const [d1, m1, y1, d2, m2, y2] = m.slice(1).map(Number);
  // Months counted from 15/12 of the year before the end date's year.
  const at = (d: number, mo: number, y: number): number => (y - y2) * 12 + mo + (d - 15) / 30;
  const from = at(d1, m1, y1);
  const to = at(d2, m2, y2);
  for (const kind of PERIODS) {
    const w = REPORTING_WINDOWS[kind];
    if (Math.abs(from - w.fromMonth) <= 0.6 && Math.abs(to - w.toMonth) <= 0.6) return { kind, year: y2 };
  }
  return undefined;
}

/**
 * Reporting windows (Bộ Nội vụ's guidance 581/BNV-CCHC as provinces apply it), as day numbers counted
 * from 15/12 of the previous year (day 0) so that windows of one reporting year compare as intervals:
 * Quý I 15/12–14/3, 6 tháng 15/12–14/6, 9 tháng 15/12–14/9, Năm 15/12–14/12 all start on day 0 and
 * accumulate; Quý II 15/3–14/6, Quý III 15/6–14/9 and Quý IV 15/9–14/12 are windows of their own.
 * Month boundaries are approximated by whole months (3 per quarter): only order and length matter.
 */
export const REPORTING_WINDOWS: Record<PeriodKind, { fromMonth: number; toMonth: number }> = {
  q1: { fromMonth: 0, toMonth: 3 },
  q2: { fromMonth: 3, toMonth: 6 },
  q3: { fromMonth: 6, toMonth: 9 },
  q4: { fromMonth: 9, toMonth: 12 },
  h1: { fromMonth: 0, toMonth: 6 },
  m9: { fromMonth: 0, toMonth: 9 },
  year: { fromMonth: 0, toMonth: 12 },
};

/**
 * Why `previous` cannot serve as the period before `current`, or undefined when it can: an earlier period
 * of the same reporting year (its window ends first: Quý I before Quý II, 6 tháng before 9 tháng) or the
 * same period of the year before. The same period is said to be the same, never silently compared.
 */
export function notPreviousOf(previous: Period, current: Period): string | undefined {
  if (samePeriod(previous, current)) return `tệp kỳ trước cũng là ${periodLabel(current)}, chính kỳ này`;
  if (previous.kind === current.kind && previous.year === current.year - 1) return undefined;
  if (previous.year === current.year && REPORTING_WINDOWS[previous.kind].toMonth < REPORTING_WINDOWS[current.kind].toMonth) return undefined;
  return `tệp kỳ trước là ${periodLabel(previous)}, không phải kỳ trước của ${periodLabel(current)} (cần một kỳ sớm hơn của năm ${current.year} hoặc ${periodLabel({ kind: current.kind, year: current.year - 1 })})`;
}

/** The window's length in months (for the growth a count of the period may show). */
export function windowMonths(kind: PeriodKind): number {
  const w = REPORTING_WINDOWS[kind];
  return w.toMonth - w.fromMonth;
}

/**
 * Whether a cumulative figure of `current` must be at least that of `previous`: same reporting year,
 * and the previous window lies inside the current, longer one (Quý I → 6 tháng, 9 tháng, Năm;
 * 6 tháng → 9 tháng, Năm; 9 tháng → Năm; Quý II → 6 tháng; Quý III → 9 tháng; Quý IV → Năm).
 * Quý III is never compared with 6 tháng, either way: neither window contains the other.
 */
export function cumulativeComparable(previous: Period, current: Period): boolean {
  if (previous.year !== current.year) return false;
  const p = REPORTING_WINDOWS[previous.kind];
  const c = REPORTING_WINDOWS[current.kind];
  return c.fromMonth <= p.fromMonth && p.toMonth <= c.toMonth && windowMonths(current.kind) > windowMonths(previous.kind);
}
