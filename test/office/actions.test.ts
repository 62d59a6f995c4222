import { checkActiveSheet, insertTemplateSheet, readExpectedUnits, selectCell, writeMergeSheets } from "../../src/adapters/office/actions";
import { REQUIREMENTS_MESSAGE } from "../../src/adapters/office/capabilities";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { checkGrids } from "../../src/core/check/check";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { buildMergeLayouts, UNITS_SHEET } from "../../src/core/layout/mergeLayouts";
import { buildTemplateLayout } from "../../src/core/layout/templateLayout";
import { FIXTURES, catalog, fixture, ruleSet } from "../support/data";
import { createMockExcel, installOfficeGlobals, removeOfficeGlobals, useExcelRun as useWorkbook } from "./mockExcel";

afterEach(() => removeOfficeGlobals());

describe("task pane actions in Excel", () => {
  const t = catalog.byId.get("so-nganh-2023")!;
  const layout = buildTemplateLayout(t, { period: { kind: "q4", year: 2024 }, unitName: "Sở Y tế" });

  it("refuses, with a Vietnamese explanation, on an Excel older than ExcelApi 1.9", async () => {
    installOfficeGlobals(["ExcelApi 1.8"]);
    useWorkbook(createMockExcel());
    await expect(insertTemplateSheet(layout)).rejects.toThrow(REQUIREMENTS_MESSAGE);
    await expect(checkActiveSheet(catalog, ruleSet)).rejects.toThrow(REQUIREMENTS_MESSAGE);
    await expect(writeMergeSheets([layout])).rejects.toThrow(REQUIREMENTS_MESSAGE);
  });

  it("inserts the template, then checks it: the stamp identifies it and a blank template has no error", async () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    const mock = createMockExcel();
    useWorkbook(mock);
    const name = await insertTemplateSheet(layout);
    expect(mock.sheetNames()).toContain(name);
    expect(mock.activeSheetName()).toBe(name);
    expect(mock.sheet(name).value("A2")).toBe("QUÝ IV NĂM 2024");
    const { result } = await checkActiveSheet(catalog, ruleSet);
    if (!result.ok) throw new Error(result.reason);
    expect(result.submission).toMatchObject({ unitName: "Sở Y tế", unitSource: "identity", period: { kind: "q4", year: 2024 } });
    expect(result.submission.template.id).toBe(t.id);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    await selectCell(name, "D20");
  });

  it("writes the merge sheets and reads the expected units back from the workbook", async () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    const mock = createMockExcel();
    useWorkbook(mock);
    const inputs = [FIXTURES.nongNghiep, FIXTURES.cuLaoDung].map((b) => ({
      fileName: `${b}.xlsx`,
      result: checkGrids(readXlsx(fixture(`${b}.xlsx`)), catalog, ruleSet, `${b}.xlsx`),
    }));
    const c = consolidate(inputs, { expected: [{ name: "Sở Nông nghiệp và PTNT" }, { name: "Ủy ban nhân dân huyện Cù Lao Dung" }, { name: "Sở Y tế" }] });
    const names = await writeMergeSheets(buildMergeLayouts(c));
    expect(names).toContain(UNITS_SHEET);
    expect(await readExpectedUnits()).toEqual([
      { name: "Sở Nông nghiệp và PTNT", unitType: undefined },
      { name: "Ủy ban nhân dân huyện Cù Lao Dung", unitType: undefined },
      { name: "Sở Y tế", unitType: undefined },
    ]);
  });

  it("finds no expected units in a workbook that never merged", async () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    useWorkbook(createMockExcel());
    expect(await readExpectedUnits()).toEqual([]);
  });
});
