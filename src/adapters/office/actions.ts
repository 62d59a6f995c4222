import { Catalog } from "../../core/catalog/catalog";
import { CheckResult } from "../../core/check/check";
import { SheetLayout } from "../../core/layout/sheetLayout";
import { STATUS_SHEET, UNITS_SHEET, assignmentsFromRows, expectedUnitsFromRows } from "../../core/layout/mergeLayouts";
import { RuleSet } from "../../core/rules/schema";
import { checkRequirements, supports } from "./capabilities";
import { checkActiveSheetIn, clearActiveSheetIn, gridFromRange } from "./checkSheet";
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

/** Runs `body` after every earlier check or clearing of marks has finished. */
function oneAtATime<T>(body: () => Promise<T>): Promise<T> {
  const next = checking.then(body, body);
  checking = next.catch(() => undefined);
  return next;
}

export async function checkActiveSheet(catalog: Catalog, ruleSet: RuleSet): Promise<{ result: CheckResult; notice?: string }> {
  const { result, notice, sheetId } = await oneAtATime(() => run("check", (context) => checkActiveSheetIn(context, catalog, ruleSet)));
  if (result.ok) checkedSheets.set(result.submission.sheetName, sheetId);
  return { result, notice };
}

/** "Xóa đánh dấu": the active sheet's fills and notes back as they were before the add-in marked them. */
export async function clearActiveSheetMarks(): Promise<{ notice?: string }> {
  return oneAtATime(() => run("clear", (context) => clearActiveSheetIn(context)));
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

/** Data edits; formats count as "RangeEdited" too, so the add-in's own fills raise the event as well. */
const DATA_CHANGES = new Set<string>(["RangeEdited", "RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted"]);

/**
 * Whether a change event calls for a new check. Not for the add-in's own writes (triggerSource,
 * ExcelApi 1.14; below it a check that finds what the last one found writes nothing, which ends the
 * round), nor for a co-author's edit: their own pane checks what they change.
 */
export function isOfficersEdit(event: Pick<Excel.WorksheetChangedEventArgs, "changeType" | "source"> & { triggerSource?: string }): boolean {
  if (event.source === "Remote" || event.triggerSource === "ThisLocalAddin") return false;
  return DATA_CHANGES.has(event.changeType);
}

/**
 * Calls `onChange` when the officer changes data on whichever sheet is active (worksheets.onChanged,
 * ExcelApi 1.9, covers every sheet, so switching sheets needs no new registration); returns how to stop.
 */
export async function watchActiveSheet(onChange: () => void): Promise<() => Promise<void>> {
  return run("watch", async (context) => {
    const registration = context.workbook.worksheets.onChanged.add(async (event) => {
      if (isOfficersEdit(event)) onChange();
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
