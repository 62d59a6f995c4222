import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { DEFAULT_OUTLIERS, findOutliers } from "../../src/core/compare/outliers";
import { Consolidation, consolidate } from "../../src/core/consolidate/consolidate";
import { MERGE_OUTLIER_HEADER, MERGE_SHEET, buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { syntheticSubmission } from "../../scripts/syntheticSubmissions";
import { catalog, ruleSet } from "../support/data";

const dept = catalog.byId.get("so-nganh-2023")!;
const names = ["Sở Tư pháp", "Sở Xây dựng", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Công Thương", "Sở Nội vụ", "Sở Tài chính", "Sở Du lịch"];

function province(): Consolidation {
  const inputs = names.map((n, i) => {
    const fileName = `so-${i}.xlsx`;
    return { fileName, result: checkReceivedFile(syntheticSubmission(dept, n, i, { kind: "q1", year: 2024 }), fileName, catalog, ruleSet) };
  });
  return consolidate(inputs);
}

function setCount(c: Consolidation, id: string, values: number[]): void {
  const ind = c.rows.find((r) => r.indicator?.id === id)!.indicator!;
  c.units.forEach((u, i) => ind.values.set(u.unitName, values[i]));
}

function setNumber(c: Consolidation, unit: number, id: string, value: number): void {
  const v = c.units[unit].values.get(id)!;
  c.units[unit].values.set(id, { ...v, read: { type: "number", value }, number: value });
}

describe("province-level outliers on the Tổng hợp sheet", () => {
  it("finds nothing among units that differ by a factor of 8 at most", () => {
    expect(findOutliers(province(), DEFAULT_OUTLIERS).size).toBe(0);
  });

  it("shows a count a hundred times the others, with the median, never on mostly-zero columns", () => {
    const c = province();
    setCount(c, "procedures.cases.received", [40, 55, 61, 38, 47, 4700, 52, 44]);
    setCount(c, "direction.plan.directive_documents", [0, 0, 0, 3, 0, 0, 4, 0]);
    setCount(c, "procedures.published_new", [0, 0, 0, 0, 0, 0, 0, 0]);
    const o = findOutliers(c, DEFAULT_OUTLIERS);
    expect([...o.keys()]).toEqual(["procedures.cases.received"]);
    expect(o.get("procedures.cases.received")!.units).toEqual([{ unit: c.units[5].unitName, shown: "4.700", high: true }]);
  });

  it("compares rates on their parts, leaving out units with a small denominator", () => {
    const c = province();
    const units = c.units.length;
    for (let i = 0; i < units; i++) {
      setNumber(c, i, "direction.plan.tasks_planned", 100 + i);
      setNumber(c, i, "direction.plan.tasks_done", 95 + i);
    }
    setNumber(c, 2, "direction.plan.tasks_done", 30); // 30 / 102
    setNumber(c, 4, "direction.plan.tasks_planned", 10); // 1 of 10 tasks: too few to judge
    setNumber(c, 4, "direction.plan.tasks_done", 1);
    const o = findOutliers(c, DEFAULT_OUTLIERS).get("direction.plan.completion_rate");
    expect(o?.units.map((u) => [u.unit, u.high])).toEqual([[c.units[2].unitName, false]]);
    expect(o?.units[0].shown).toBe("29,41% (30/102)");
  });

  it("is a column of notes on the sheet, with the hidden indicator IDs beside it", () => {
    const c = province();
    setCount(c, "procedures.cases.received", [40, 55, 61, 38, 47, 4700, 52, 44]);
    const sheet = buildMergeLayouts(c).find((l) => l.name === MERGE_SHEET)!;
    const header = sheet.rows[4].map((x) => x.value);
    const col = header.indexOf(MERGE_OUTLIER_HEADER);
    expect(col).toBe(6 + c.units.length);
    expect(sheet.columns[col + 1].hidden).toBe(true);
    const row = sheet.rows.find((r) => r[col + 1]?.value === "procedures.cases.received")!;
    expect(String(row[col].value)).toMatch(/^Cao hơn hẳn: Sở .* \(4\.700\)\. Trung vị các đơn vị: /);
    expect(row[col].style).not.toBe("error");
  });
});
