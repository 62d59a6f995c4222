import { insertTemplateSheet } from "../../src/adapters/office/actions";
import { documentSettingsStorage, readActiveSheetGrid } from "../../src/adapters/office/readSheet";
import { loadBuiltinPackage } from "../../src/adapters/node/packageFiles";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { proposeTemplate } from "../../src/core/authoring/author";
import { parsePackage, serializePackage } from "../../src/core/package/package";
import { communeRows, communeSheetLayout, communeSheetXlsx } from "../support/communeSheet";
import { createMockExcel, installOfficeGlobals, removeOfficeGlobals, useExcelRun } from "./mockExcel";

/** Office's document settings as Excel keeps them: in memory until saveAsync writes them into the file. */
function installSettings(): { saved: Map<string, unknown> } {
  const live = new Map<string, unknown>();
  const saved = new Map<string, unknown>();
  const g = globalThis as unknown as { Office: { context: Record<string, unknown>; AsyncResultStatus?: unknown } };
  g.Office.AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
  g.Office.context.document = {
    settings: {
      get: (k: string) => live.get(k) ?? null,
      set: (k: string, v: unknown) => live.set(k, v),
      remove: (k: string) => live.delete(k),
      saveAsync: (cb: (r: { status: string }) => void) => {
        saved.clear();
        for (const [k, v] of live) saved.set(k, v);
        cb({ status: "succeeded" });
      },
    },
  };
  return { saved };
}

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

  it("remembers the package in the workbook's document settings", async () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    const { saved } = installSettings();
    expect(documentSettingsStorage.load()).toBeUndefined();
    await documentSettingsStorage.save(serializePackage(builtin));
    expect(typeof saved.get("cchc.package")).toBe("string");
    expect(parsePackage(documentSettingsStorage.load()).pkg.name).toBe(builtin.pkg.name);
    await documentSettingsStorage.save(undefined);
    expect(saved.has("cchc.package")).toBe(false);
  });
});
