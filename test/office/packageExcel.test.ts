import { insertTemplateSheet } from "../../src/adapters/office/actions";
import { readActiveSheetGrid, workbookPackageStorage } from "../../src/adapters/office/readSheet";
import { loadBuiltinPackage } from "../../src/adapters/node/packageFiles";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { proposeTemplate } from "../../src/core/authoring/author";
import { parsePackage, serializePackage } from "../../src/core/package/package";
import { communeRows, communeSheetLayout, communeSheetXlsx } from "../support/communeSheet";
import { createMockExcel, installDocumentSettings, installOfficeGlobals, removeOfficeGlobals, useExcelRun } from "./mockExcel";

afterEach(() => removeOfficeGlobals());

describe("province package in Excel", () => {
  const builtin = loadBuiltinPackage();
  const rows = communeRows(builtin.catalog.byId.get("cap-huyen-2023")!);
  const opts = { unitType: "cap-xa", unitTypeLabel: "UBND cấp xã", version: "2026" };

  it("authors from the active sheet the same template as from the saved file", async () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    useExcelRun(createMockExcel());
    await insertTemplateSheet({ ...communeSheetLayout(rows), protect: false });
    const grid = await readActiveSheetGrid();
    const fromSheet = proposeTemplate(grid, builtin, opts);
    const fromFile = proposeTemplate(readXlsx(communeSheetXlsx(rows))[0], builtin, opts);
    expect(fromSheet.stats).toEqual(fromFile.stats);
    expect(fromSheet.review.map((r) => r.id)).toEqual(fromFile.review.map((r) => r.id));
  });

  it("remembers the package in the workbook's settings, the store the highlight state shares, and never drops a key written since start-up", async () => {
    installOfficeGlobals(["ExcelApi 1.11"]);
    const mock = createMockExcel({ sheets: { "Biểu xã": { values: [["Chỉ tiêu", "Số liệu"]] } } });
    useExcelRun(mock);
    installDocumentSettings(mock);
    const storage = await workbookPackageStorage();
    expect(storage.load()).toBeUndefined();
    // Written after start-up, like the highlight state of a check below ExcelApi 1.12.
    mock.settings.set("cchc.highlights.{sheet}", "[]");
    await storage.save(serializePackage(builtin));
    expect(mock.settings.get("cchc.highlights.{sheet}")).toBe("[]");
    expect(parsePackage(storage.load()).pkg.name).toBe(builtin.pkg.name);
    mock.reopen();
    expect(parsePackage((await workbookPackageStorage()).load()).pkg.name).toBe(builtin.pkg.name);
    await storage.save(undefined);
    expect(mock.settings.has("cchc.package")).toBe(false);
    expect(mock.settings.has("cchc.highlights.{sheet}")).toBe(true);
  });
});
