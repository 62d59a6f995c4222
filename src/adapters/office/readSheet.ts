import { Grid } from "../../core/grid";
import { gridFromRange } from "./checkSheet";
import { withExcelMessages } from "./errors";

/** The active sheet's used range as the core's grid (one sync), for authoring a template from it. */
export async function readActiveSheetGrid(): Promise<Grid> {
  const read = () =>
    Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const used = sheet.getUsedRangeOrNullObject(true);
      sheet.load("name");
      used.load(["values", "numberFormat", "rowIndex", "columnIndex"]);
      await context.sync();
      if (used.isNullObject) return { name: sheet.name, rows: [] };
      return gridFromRange(sheet.name, used.rowIndex, used.columnIndex, used.values, used.numberFormat);
    });
  return withExcelMessages("check", read);
}

const SETTING = "cchc.package";

/**
 * The package this workbook uses, kept in the workbook's settings (Excel.SettingCollection), the
 * add-in's one store: Office.context.document.settings is not used, as its saveAsync writes back the
 * copy taken at start-up over keys written since (the highlight state below ExcelApi 1.12).
 * Read once when the pane starts; every save goes straight to the workbook.
 */
export async function workbookPackageStorage(): Promise<{ load(): string | undefined; save(text: string | undefined): Promise<void> }> {
  let text: string | undefined;
  try {
    text = await Excel.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(SETTING).load("value");
      await context.sync();
      return !item.isNullObject && typeof item.value === "string" ? item.value : undefined;
    });
  } catch {
    // An Excel too old for the add-in says so elsewhere; it has no package to remember.
  }
  return {
    load: () => text,
    save: (next) =>
      withExcelMessages("savePackage", () =>
        Excel.run(async (context) => {
          const settings = context.workbook.settings;
          if (next !== undefined) settings.add(SETTING, next);
          else {
            const item = settings.getItemOrNullObject(SETTING);
            await context.sync();
            if (!item.isNullObject) item.delete();
          }
          await context.sync();
          text = next;
        }),
      ),
  };
}
