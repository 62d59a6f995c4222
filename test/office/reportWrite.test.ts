import { writeLayouts } from "../../src/adapters/office/writeLayout";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { address } from "../../src/core/grid";
import { buildReportLayout } from "../../src/core/layout/reportLayout";
import { buildProvinceReport, REPORT_SHEET } from "../../src/core/report/provinceReport";
import { catalog, ruleSet } from "../support/data";
import { provinceInputs } from "../support/province";
import { createMockExcel } from "./mockExcel";

/** The Office.js writer renders the same report layout the .xlsx writer does. */
describe("the province report written into Excel (office-addin-mock)", () => {
  it("writes every figure, the rate formulas and the sources in 2 syncs", async () => {
    const report = buildProvinceReport(consolidate(provinceInputs()), catalog.byId.get("tinh-2023")!, ruleSet);
    const layout = buildReportLayout(report);
    const mock = createMockExcel({ sheets: { Sheet1: { values: [[""]] } } });
    const names = await writeLayouts(mock.context, [layout], { activate: true, replace: true });
    expect(names).toEqual([REPORT_SHEET]);
    expect(mock.syncCount()).toBe(2);
    const sheet = mock.sheet(REPORT_SHEET);
    let numbers = 0;
    layout.rows.forEach((row, r) => {
      const v = row[3];
      if (!v) return;
      if (v.formula) expect(sheet.formula(address(r, 3))).toBe(`=${v.formula}`);
      else if (typeof v.value === "number") {
        expect(sheet.value(address(r, 3))).toBe(v.value);
        numbers++;
      }
      if (typeof row[5]?.value === "string" && row[5].value) expect(sheet.value(address(r, 5))).toBe(row[5].value);
    });
    expect(numbers).toBeGreaterThan(50);
  });
});
