import { isValueRow } from "../catalog/schema";
import { CheckResult } from "../check/check";
import { Cell, cellText, isBlank } from "../grid";
import { readValue } from "../numbers";
import { FilledRow, buildTemplateLayout } from "./templateLayout";
import { SheetLayout } from "./sheetLayout";

type Checked = Extract<CheckResult, { ok: true }>;

/** A cell as the unit wrote it: the number when it reads as one, else its text, so the check finds the same. */
function written(cell: Cell | undefined, kind: Parameters<typeof readValue>[1], codes?: Parameters<typeof readValue>[2]): string | number | undefined {
  if (isBlank(cell)) return undefined;
  const read = readValue(cell, kind, codes);
  return read.type === "number" ? read.value : cellText(cell);
}

/**
 * A checked report (a Word table) as the official template sheet: the unit's values and notes filled
 * in, its identity stamped, so an officer can correct it in Excel and send it back. Rows of the report
 * that match no template row are listed, not written.
 */
export function buildConvertedLayout(r: Checked): { layout: SheetLayout; unmatched: string[] } {
  const s = r.submission;
  const filled = new Map<number, FilledRow>();
  for (const m of s.matched) {
    const t = m.templateRow;
    // A row shifted one column right (its unit in the value column) goes back into place.
    const shifted = isValueRow(t) && r.values.get(t.id)?.shifted;
    const [valueCell, noteCell] = shifted ? [m.row.note, m.row.beyond] : [m.row.value, m.row.note];
    const value = isValueRow(t) ? written(valueCell, t.kind, t.codes) : written(valueCell, "count");
    filled.set(m.templateIndex, { value, note: isBlank(noteCell) ? undefined : cellText(noteCell) });
  }
  const layout = buildTemplateLayout(s.template, { period: s.period, unitName: s.unitName, filled });
  const unmatched = s.unmatched.filter((u) => u.label || !isBlank(u.value)).map((u) => [u.stt, u.label, cellText(u.value)].filter((x) => x).join(" "));
  return { layout, unmatched };
}
