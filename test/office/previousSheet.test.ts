import { readSheetGrid, writeMergeSheets } from "../../src/adapters/office/actions";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { checkGrids } from "../../src/core/check/check";
import { readConsolidated } from "../../src/core/compare/consolidated";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { MERGE_SHEET, buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { FIXTURES, catalog, fixture, ruleSet } from "../support/data";
import { createMockExcel, installOfficeGlobals, removeOfficeGlobals, useExcelRun } from "./mockExcel";

afterEach(() => removeOfficeGlobals());

describe("the last consolidation kept in the workbook, read back for the next merge", () => {
  it("reads each unit's column of the Tổng hợp sheet written by the merge, by its hidden indicator IDs", async () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    useExcelRun(createMockExcel());
    expect(await readSheetGrid(MERGE_SHEET)).toBeUndefined();
    const inputs = [FIXTURES.nongNghiep, FIXTURES.cuLaoDung].map((b) => ({
      fileName: `${b}.xlsx`,
      result: checkGrids(readXlsx(fixture(`${b}.xlsx`)), catalog, ruleSet, `${b}.xlsx`),
    }));
    await writeMergeSheets(buildMergeLayouts(consolidate(inputs)));
    const grid = await readSheetGrid(MERGE_SHEET);
    const c = readConsolidated([grid!], catalog, "sổ này");
    expect(c?.period).toEqual({ kind: "q1", year: 2023 });
    expect([...c!.units.values()].map((u) => u.name).sort()).toEqual(["Sở Nông nghiệp và PTNT", "Ủy ban nhân dân huyện Cù Lao Dung"]);
    const nn = [...c!.units.values()].find((u) => u.name === "Sở Nông nghiệp và PTNT")!;
    expect(nn.values.get("procedures.cases.received")).toBe(2107);
    expect(nn.values.get("digital.documents.outgoing_total")).toBe(1129);
  });
});
