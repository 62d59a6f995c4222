import { loadBuiltinPackage } from "../../src/adapters/node/packageFiles";
import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { proposeTemplate } from "../../src/core/authoring/author";
import { isValueRow } from "../../src/core/catalog/schema";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { MERGE_SHEET, buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { TEMPLATE_FIRST_DATA_ROW, VALUE_COLUMN, buildTemplateLayout } from "../../src/core/layout/templateLayout";
import { addTemplate } from "../../src/core/package/package";
import { Period } from "../../src/core/period";
import { syntheticSubmission } from "../../scripts/syntheticSubmissions";
import { communeRows, communeSheetXlsx } from "../support/communeSheet";

const Q3: Period = { kind: "q3", year: 2026 };
const builtin = loadBuiltinPackage();
const sheet = readXlsx(communeSheetXlsx(communeRows(builtin.catalog.byId.get("cap-huyen-2023")!)))[0];
const proposal = proposeTemplate(sheet, builtin, { unitType: "cap-xa", unitTypeLabel: "UBND cấp xã", version: "2026" });
const pkg = addTemplate(builtin, { template: proposal.template, rules: proposal.rules });
const commune = pkg.catalog.byId.get("cap-xa-2026")!;

/** The commune template inserted, filled by a commune, saved as .xlsx. */
function communeReport(unitName: string, values: Record<string, number>): Uint8Array {
  const layout = buildTemplateLayout(commune, { period: Q3, unitName });
  commune.rows.forEach((r, i) => {
    if (isValueRow(r) && r.id in values) layout.rows[TEMPLATE_FIRST_DATA_ROW + i][VALUE_COLUMN].value = values[r.id];
  });
  layout.protect = false;
  return writeXlsx([layout]);
}

const idOf = (label: string): string => {
  const r = commune.rows.find((x) => x.label === label);
  if (!r || !isValueRow(r)) throw new Error(label);
  return r.id;
};
const received = idOf("Số kiến nghị của cử tri về TTHC đã tiếp nhận");
const solved = idOf("Số kiến nghị của cử tri về TTHC đã giải quyết xong");

describe("a commune template authored from a sheet, in use", () => {
  test("inserted, filled and checked: the inferred part ≤ whole rule finds a part larger than its whole (a warning: the pair tiếp nhận ⊇ giải quyết is read from the wording)", () => {
    const r = checkReceivedFile(communeReport("UBND xã An Thạnh 1", { [received]: 10, [solved]: 12, "direction.plan.tasks_planned": 5, "direction.plan.tasks_done": 4 }), "xa.xlsx", pkg.catalog, pkg.ruleSet);
    if (!r.ok) throw new Error(r.reason);
    expect(r.submission.template.id).toBe("cap-xa-2026");
    const errors = r.findings.filter((f) => f.severity === "warning" && f.indicator === solved);
    expect(errors).toHaveLength(1);
    expect(errors[0].rule).toMatch(/^cap-xa-2026\.bo-phan-/);
    expect(errors[0].message).toContain("12");
  });

  test("merging commune and department submissions sums shared indicators in one row, sở/ngành first", () => {
    const dept = pkg.catalog.byId.get("so-nganh-2023")!;
    const inputs = [
      { fileName: "xa-1.xlsx", result: checkReceivedFile(communeReport("UBND xã An Thạnh 1", { "direction.plan.tasks_planned": 7, [received]: 3 }), "xa-1.xlsx", pkg.catalog, pkg.ruleSet) },
      { fileName: "xa-2.xlsx", result: checkReceivedFile(communeReport("UBND phường 2", { "direction.plan.tasks_planned": 11 }), "xa-2.xlsx", pkg.catalog, pkg.ruleSet) },
      { fileName: "so.xlsx", result: checkReceivedFile(syntheticSubmission(dept, "Sở Tư pháp", 0, Q3), "so.xlsx", pkg.catalog, pkg.ruleSet) },
    ];
    const c = consolidate(inputs, { unitTypes: pkg.unitTypes });
    expect(c.units.map((u) => u.unitTypeLabel)).toEqual(["Sở, ban, ngành", "UBND cấp xã", "UBND cấp xã"]);
    const planned = c.rows.filter((r) => r.indicator?.id === "direction.plan.tasks_planned");
    expect(planned).toHaveLength(1);
    const deptValue = planned[0].indicator!.values.get("Sở Tư pháp") as number;
    expect(deptValue).toBeGreaterThan(0);
    expect(planned[0].indicator!.total).toBe(7 + 11 + deptValue);
    expect(planned[0].indicator!.reported).toBe(3);
    // The commune-only indicator is a row of its own, with the one commune that reported it.
    expect(c.rows.find((r) => r.indicator?.id === received)?.indicator?.total).toBe(3);
    // Expected units typed by name: the list names each unit's type from the package.
    const withList = consolidate(inputs, { unitTypes: pkg.unitTypes, expected: [{ name: "UBND xã An Thạnh 1" }, { name: "UBND xã Lịch Hội Thượng" }, { name: "Sở Tư pháp" }] });
    expect(withList.expected.map((e) => e.unitType)).toEqual(["UBND cấp xã", "UBND cấp xã", "Sở, ban, ngành"]);
    expect(withList.missing).toEqual(["UBND xã Lịch Hội Thượng"]);
    const merged = readXlsx(writeXlsx(buildMergeLayouts(c))).find((g) => g.name === MERGE_SHEET)!;
    expect(merged.rows[4].map((x) => x?.value)).toContain("UBND cấp xã");
  });
});
