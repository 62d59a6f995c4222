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

/** The package this workbook uses, kept in the workbook's own settings (travels with the file). */
export const documentSettingsStorage = {
  load(): string | undefined {
    const v: unknown = Office.context.document.settings.get(SETTING);
    return typeof v === "string" ? v : undefined;
  },
  save(text: string | undefined): Promise<void> {
    const settings = Office.context.document.settings;
    if (text === undefined) settings.remove(SETTING);
    else settings.set(SETTING, text);
    return new Promise((resolve, reject) =>
      settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error("Không lưu được bộ biểu mẫu vào sổ làm việc.")))),
    );
  },
};
