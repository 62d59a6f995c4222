import { Catalog } from "../../core/catalog/catalog";
import { CheckResult } from "../../core/check/check";
import { SheetLayout } from "../../core/layout/sheetLayout";
import { STATUS_SHEET, UNITS_SHEET, assignmentsFromRows, expectedUnitsFromRows } from "../../core/layout/mergeLayouts";
import { RuleSet } from "../../core/rules/schema";
import { checkRequirements, supports } from "./capabilities";
import { checkActiveSheetIn, gridFromRange } from "./checkSheet";
import { ExcelAction, UserMessage, withExcelMessages } from "./errors";
import { Grid } from "../../core/grid";
import { writeLayouts } from "./writeLayout";

/**
 * The task pane's Excel actions; each is one Excel.run with a constant number of syncs, and every
 * failure reaches the officer as a Vietnamese message (errors.ts).
 */

/**
 * Excel.run waits while the officer is editing a cell instead of failing (RunOptions.delayForCellEdit);
 * the option has no set of its own in the reference, it came with ExcelApi 1.11.
 */
export const DELAY_FOR_CELL_EDIT_API = "1.11";

function run<T>(action: ExcelAction, body: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return withExcelMessages(action, async () => {
    const r = checkRequirements();
    if (!r.ok) throw new UserMessage(r.message ?? "");
    return supports(DELAY_FOR_CELL_EDIT_API) ? Excel.run({ delayForCellEdit: true }, body) : Excel.run(body);
  });
}

export async function insertTemplateSheet(layout: SheetLayout): Promise<string> {
  return run("insert", async (context) => {
    const [name] = await writeLayouts(context, [layout], { activate: true });
    return name;
  });
}

/** Checks run one after another: an overlapping run would read the add-in's own highlight as the cell's fill. */
let checking: Promise<unknown> = Promise.resolve();
/** Sheet name → id at the last check, so a finding still finds its cell after the sheet is renamed. */
const checkedSheets = new Map<string, string>();

export async function checkActiveSheet(catalog: Catalog, ruleSet: RuleSet): Promise<{ result: CheckResult; notice?: string }> {
  const next = checking.then(
    () => run("check", (context) => checkActiveSheetIn(context, catalog, ruleSet)),
    () => run("check", (context) => checkActiveSheetIn(context, catalog, ruleSet)),
  );
  checking = next.catch(() => undefined);
  const { result, notice, sheetId } = await next;
  if (result.ok) checkedSheets.set(result.submission.sheetName, sheetId);
  return { result, notice };
}

export async function selectCell(sheetName: string, cell: string): Promise<void> {
  await run("select", async (context) => {
    const sheet = context.workbook.worksheets.getItem(checkedSheets.get(sheetName) ?? sheetName);
    sheet.activate();
    sheet.getRange(cell).select();
    await context.sync();
  });
}

export async function writeMergeSheets(layouts: SheetLayout[]): Promise<string[]> {
  return run("merge", (context) => writeLayouts(context, layouts, { activate: true, replace: true }));
}

/** A sheet's used values, or none when the sheet is absent (a list the previous merge left in the workbook). */
async function readSheetRows(context: Excel.RequestContext, name: string): Promise<(string | number | boolean | null)[][]> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  if (sheet.isNullObject || used.isNullObject) return [];
  return used.values as (string | number | boolean | null)[][];
}

/** The editable list of units that must report, kept in the workbook by the previous merge. */
export async function readExpectedUnits(): Promise<{ name: string; unitType?: string }[]> {
  return run("readUnits", async (context) => expectedUnitsFromRows(await readSheetRows(context, UNITS_SHEET)));
}

/** A sheet of this workbook as a grid (e.g. "Tổng hợp" left by the last merge); undefined when absent. One sync. */
export async function readSheetGrid(name: string): Promise<Grid | undefined> {
  return run("readPrevious", async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(["values", "numberFormat", "rowIndex", "columnIndex"]);
    await context.sync();
    if (sheet.isNullObject || used.isNullObject) return undefined;
    return gridFromRange(name, used.rowIndex, used.columnIndex, used.values, used.numberFormat);
  });
}

/** The officer's unit choices for unresolved files, kept in the status sheet by the previous merge. */
export async function readAssignments(): Promise<Record<string, string>> {
  return run("readUnits", async (context) => assignmentsFromRows(await readSheetRows(context, STATUS_SHEET)));
}

/** Data edits, not the add-in's own formatting (which would otherwise re-trigger the check forever). */
const DATA_CHANGES = new Set<string>(["RangeEdited", "RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted"]);

/**
 * Calls `onChange` when data changes on whichever sheet is active (worksheets.onChanged, ExcelApi 1.9,
 * covers every sheet, so switching sheets needs no new registration); returns how to stop.
 */
export async function watchActiveSheet(onChange: () => void): Promise<() => Promise<void>> {
  return run("watch", async (context) => {
    const registration = context.workbook.worksheets.onChanged.add(async (event) => {
      if (DATA_CHANGES.has(event.changeType)) onChange();
    });
    await context.sync();
    return async () => {
      await Excel.run(registration.context, async (ctx) => {
        registration.remove();
        await ctx.sync();
      });
    };
  });
}
