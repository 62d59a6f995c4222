import { readXlsx } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { checkGrids } from "../../src/core/check/check";
import { parsePeriod } from "../../src/core/period";
import { catalog, fixture, ruleSet } from "./data";

/**
 * A seed workbook as the same unit would send it for another period: the title line replaced and
 * some values retyped (by indicator ID, as text, the way the "-text" fixtures hold every cell).
 */
export function retitled(name: string, title: string, values: Record<string, string | number> = {}): Uint8Array {
  const grids = readXlsx(fixture(name));
  const r = checkGrids(grids, catalog, ruleSet, name);
  if (!r.ok) throw new Error(r.reason);
  const grid = grids.find((g) => g.name === r.submission.sheetName)!;
  const rows = grid.rows.map((row) => row.map((c) => (c ? { ...c } : undefined)));
  const titleRow = rows.findIndex((row, i) => i < 10 && row.some((c) => typeof c?.value === "string" && parsePeriod(c.value) && !/ngày/i.test(c.value)));
  if (titleRow < 0) throw new Error(`no period title in ${name}`);
  const col = rows[titleRow].findIndex((c) => typeof c?.value === "string");
  rows[titleRow][col] = { value: title };
  for (const [id, value] of Object.entries(values)) {
    const v = r.values.get(id);
    if (!v) throw new Error(`${name} has no ${id}`);
    rows[v.sheetRow.r][r.submission.columns.value] = { value };
  }
  return writeXlsx([
    {
      name: grid.name,
      columns: [],
      rows: rows.map((row) => Array.from(row, (c) => ({ value: c?.value === undefined || typeof c.value === "boolean" ? null : c.value }))),
      merges: [],
      validations: [],
      protect: false,
    },
  ]);
}
