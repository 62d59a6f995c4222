/** Province-sized sets of submissions for tests and benchmarks, written as real .xlsx bytes. */
import { writeXlsx } from "../src/adapters/xlsx/write";
import { Template, ValueRow, isValueRow } from "../src/core/catalog/schema";
import { ID_COLUMN } from "../src/core/identity";
import { TEMPLATE_FIRST_DATA_ROW, VALUE_COLUMN, buildTemplateLayout } from "../src/core/layout/templateLayout";
import { SheetLayout } from "../src/core/layout/sheetLayout";
import { Period } from "../src/core/period";

export interface SyntheticOptions {
  /** Keep every number as text ("1.129"), as some units send. */
  asText?: boolean;
  /** Drop the add-in's stamp, so the file is recognised by its labels like a hand-made one. */
  unstamped?: boolean;
  /** Changes the sheet before it is written (a title line as a unit rewrote it, a signature block). */
  edit?: (layout: SheetLayout) => void;
}

/** The value a synthetic unit reports for a row: deterministic, so tests know the totals. */
export function syntheticValue(row: ValueRow, rowIndex: number, unitIndex: number): number | undefined {
  switch (row.kind) {
    case "count":
    case "money":
      return (unitIndex + 1) * ((rowIndex % 7) + 1);
    case "coded":
      return row.codes![unitIndex % row.codes!.length].value;
    case "percent":
      return row.aggregate.type === "ratio" ? undefined : 50;
    default:
      return undefined;
  }
}

function vi(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

export function syntheticSubmission(t: Template, unitName: string, unitIndex: number, period: Period, opts: SyntheticOptions = {}): Uint8Array {
  const layout = buildTemplateLayout(t, { period, unitName });
  t.rows.forEach((row, i) => {
    if (!isValueRow(row)) return;
    const v = syntheticValue(row, i, unitIndex);
    if (v === undefined) return;
    const cell = layout.rows[TEMPLATE_FIRST_DATA_ROW + i][VALUE_COLUMN];
    cell.value = opts.asText ? vi(v) : v;
  });
  opts.edit?.(layout);
  if (opts.unstamped) {
    for (const row of layout.rows) row.splice(ID_COLUMN, 1);
    layout.columns.splice(ID_COLUMN, 1);
  }
  layout.protect = false;
  return writeXlsx([layout]);
}
