import { isValueRow } from "../../src/core/catalog/schema";
import { checkGrids } from "../../src/core/check/check";
import { Cell, Grid } from "../../src/core/grid";
import { TEMPLATE_FIRST_DATA_ROW, buildTemplateLayout } from "../../src/core/layout/templateLayout";
import { catalog, ruleSet } from "./data";

/** A filled template sheet as a grid, with value cells given by indicator ID (a plain value or a whole cell). */
export function filled(values: Record<string, Cell["value"] | Cell>, templateId = "so-nganh-2023", unitName = "Sở Thử nghiệm"): Grid {
  const t = catalog.byId.get(templateId)!;
  const layout = buildTemplateLayout(t, { period: { kind: "q1", year: 2024 }, unitName });
  const rows: (Cell | undefined)[][] = layout.rows.map((row) => row.map((c) => (c.value === undefined || c.value === "" ? undefined : { value: c.value })));
  t.rows.forEach((r, i) => {
    if (!isValueRow(r) || !(r.id in values)) return;
    const v = values[r.id];
    rows[TEMPLATE_FIRST_DATA_ROW + i][3] = v !== null && typeof v === "object" ? v : { value: v };
  });
  return { name: "Biểu", rows };
}

/** The check of one filled sheet; throws when it is not recognised. */
export function checkFilled(values: Record<string, Cell["value"] | Cell>, templateId?: string, unitName?: string) {
  const r = checkGrids([filled(values, templateId, unitName)], catalog, ruleSet);
  if (!r.ok) throw new Error(r.reason);
  return r;
}
