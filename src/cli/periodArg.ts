import { PERIODS, Period, PeriodKind } from "../core/period";

/**
 * The period of `--period` and `--year`, or undefined after a Vietnamese reason in `problem`. The kind is
 * read case aside ("Q3" as "q3"); a year outside 2000–2100 is refused.
 */
export function periodArg(kindText: string, yearText: string | undefined): { period?: Period; problem?: string } {
  const kind = kindText.trim().toLowerCase();
  const year = Number(yearText);
  if ((PERIODS as readonly string[]).includes(kind) && Number.isInteger(year) && year >= 2000 && year <= 2100) return { period: { kind: kind as PeriodKind, year } };
  return { problem: `--period ${kindText} --year ${yearText ?? ""} (kỳ: ${PERIODS.join(", ")}; năm: 2000–2100)` };
}
