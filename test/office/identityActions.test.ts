import { readAssignments, writeMergeSheets } from "../../src/adapters/office/actions";
import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { STATUS_SHEET, buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { catalog, ruleSet } from "../support/data";
import { copiedDistrict } from "../support/copiedDistricts";
import { createMockExcel, installOfficeGlobals, removeOfficeGlobals, useExcelRun as useWorkbook } from "./mockExcel";

afterEach(() => removeOfficeGlobals());

describe("the officer's unit choice in Excel", () => {
  it("is read back from the status sheet the merge wrote", async () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    const mock = createMockExcel();
    useWorkbook(mock);
    const files = [
      ["huyen-cu-lao-dung-q1-2023.xlsx", copiedDistrict("UBND huyện Cù Lao Dung")],
      ["huyen-ke-sach-q1-2023.xlsx", copiedDistrict("UBND huyện Kế Sách", 31)],
    ] as const;
    const c = consolidate(files.map(([fileName, bytes]) => ({ fileName, result: checkReceivedFile(bytes, fileName, catalog, ruleSet) })));
    const layouts = buildMergeLayouts(c);
    await writeMergeSheets(layouts);
    expect(await readAssignments()).toEqual({});
    const row = layouts.find((l) => l.name === STATUS_SHEET)!.rows.findIndex((r) => r[3]?.value === "huyen-ke-sach-q1-2023.xlsx") + 1;
    expect(mock.sheet(STATUS_SHEET).value(`C${row}`)).toBe("Chưa rõ đơn vị");
    mock.sheet(STATUS_SHEET).setValue(`B${row}`, "UBND huyện Kế Sách");
    expect(await readAssignments()).toEqual({ "huyen-ke-sach-q1-2023.xlsx": "UBND huyện Kế Sách" });
  });

  it("is empty in a workbook that never merged", async () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    useWorkbook(createMockExcel());
    expect(await readAssignments()).toEqual({});
  });
});
