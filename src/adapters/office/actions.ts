import { Catalog } from "../../core/catalog/catalog";
import { CheckResult } from "../../core/check/check";
import { SheetLayout } from "../../core/layout/sheetLayout";
import { STATUS_SHEET, UNITS_SHEET, assignmentsFromRows, expectedUnitsFromRows } from "../../core/layout/mergeLayouts";
import { RuleSet } from "../../core/rules/schema";
import { checkRequirements } from "./capabilities";
import { checkActiveSheetIn } from "./checkSheet";
import { writeLayouts } from "./writeLayout";

/** The task pane's Excel actions; each is one Excel.run with a constant number of syncs. */
function requireApi(): void {
  const r = checkRequirements();
  if (!r.ok) throw new Error(r.message);
}

export async function insertTemplateSheet(layout: SheetLayout): Promise<string> {
  requireApi();
  return Excel.run(async (context) => {
    const [name] = await writeLayouts(context, [layout], { activate: true });
    return name;
  });
}

export async function checkActiveSheet(catalog: Catalog, ruleSet: RuleSet): Promise<{ result: CheckResult; notice?: string }> {
  requireApi();
  return Excel.run((context) => checkActiveSheetIn(context, catalog, ruleSet));
}

export async function selectCell(sheetName: string, cell: string): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(cell).select();
    await context.sync();
  });
}

export async function writeMergeSheets(layouts: SheetLayout[]): Promise<string[]> {
  requireApi();
  return Excel.run((context) => writeLayouts(context, layouts, { activate: true, replace: true }));
}

/** The editable list of units that must report, kept in the workbook by the previous merge. */
export async function readExpectedUnits(): Promise<{ name: string; unitType?: string }[]> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(UNITS_SHEET);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("values");
    await context.sync();
    if (sheet.isNullObject || used.isNullObject) return [];
    return expectedUnitsFromRows(used.values as (string | number | boolean | null)[][]);
  });
}

/** The officer's unit choices for unresolved files, kept in the status sheet by the previous merge. */
export async function readAssignments(): Promise<Record<string, string>> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(STATUS_SHEET);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("values");
    await context.sync();
    if (sheet.isNullObject || used.isNullObject) return {};
    return assignmentsFromRows(used.values as (string | number | boolean | null)[][]);
  });
}

/** Calls `onChange` whenever data on the active sheet changes (ExcelApi 1.7); returns how to stop. */
export async function watchActiveSheet(onChange: () => void): Promise<() => Promise<void>> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const registration = sheet.onChanged.add(async () => onChange());
    await context.sync();
    return async () => {
      await Excel.run(registration.context, async (ctx) => {
        registration.remove();
        await ctx.sync();
      });
    };
  });
}
