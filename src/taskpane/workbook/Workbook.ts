import { createContext, useContext } from "react";
import { Catalog } from "../../core/catalog/catalog";
import { CheckResult } from "../../core/check/check";
import { Grid } from "../../core/grid";
import { SheetLayout } from "../../core/layout/sheetLayout";
import { RuleSet } from "../../core/rules/schema";

/** A unit that must report, as kept in the workbook's "Danh sách đơn vị" sheet. */
export interface ExpectedUnit {
  name: string;
  unitType?: string;
}

/** How an inserted template is named and described to the officer. */
export interface TemplateFile {
  fileName: string;
  templateName: string;
  rowCount: number;
}

export interface SheetCheck {
  result: CheckResult;
  /** A Vietnamese remark beside the result (e.g. notes not supported). */
  notice?: string;
}

/**
 * The sheet the officer is editing, where the host has one (Excel): it can be checked in place, its
 * cells highlighted, a finding's cell selected, and its edits watched.
 */
export interface ActiveSheet {
  readonly checkLabel: string;
  readonly liveLabel: string;
  /** What live checking does to the officer's Undo (Ctrl+Z), said beside the switch. */
  readonly liveUndoNote: string;
  readonly clearLabel: string;
  check(catalog: Catalog, ruleSet: RuleSet): Promise<SheetCheck>;
  /** Takes the add-in's colours and notes off the sheet, restoring what was there before. */
  clearMarks(): Promise<{ notice?: string }>;
  selectCell(sheetName: string, cell: string): Promise<void>;
  /** Calls `onChange` after edits on the sheet the officer works on; resolves to how to stop. */
  watch(onChange: () => void): Promise<() => Promise<void>>;
  /** The sheet's cells, e.g. an appendix table pasted to author a template from. */
  read(): Promise<Grid>;
}

/** Where the province package in use is remembered: in the workbook itself (Excel), or in the browser. */
export interface PackageStorage {
  load(): string | undefined;
  /** Keeps the package's JSON; undefined forgets it (back to the built-in package). */
  save(text: string | undefined): Promise<void>;
}

/**
 * Where the task pane reads and writes: Excel through Office.js, or files in the browser.
 * Chosen once at start-up; panels use only this interface, never the host's name.
 */
export interface Workbook {
  /** One line under the title saying where the pane runs. */
  readonly description: string;
  /** Refusal shown instead of the panels when this host cannot run the add-in (e.g. too old an Excel). */
  readonly unsupported?: string;
  readonly insertLabel: string;
  /** Puts a template where the officer fills it; resolves to the Vietnamese success message. */
  insertTemplate(layout: SheetLayout, about: TemplateFile): Promise<string>;
  /** Present where the host has a sheet being edited; otherwise the pane checks uploaded files. */
  readonly activeSheet?: ActiveSheet;
  mergeLabel(fileCount: number): string;
  /** Label of the field listing the units that must report (says where an empty field takes them from). */
  readonly expectedUnitsLabel: string;
  /** Units that must report kept in the workbook by an earlier merge; [] where none are kept. */
  readExpectedUnits(): Promise<ExpectedUnit[]>;
  /** The officer's unit choices for unresolved files (file → unit) kept by an earlier merge; {} where none. */
  readAssignments(): Promise<Record<string, string>>;
  /** Reads a sheet of this workbook (the last merge's "Tổng hợp"); absent where the host keeps no workbook. */
  readSheet?(name: string): Promise<Grid | undefined>;
  /** Writes the merge result; resolves to the sentence that says where it went. */
  writeMerge(layouts: SheetLayout[], fileName: string): Promise<string>;
  /**
   * Present where the host takes the merge as an .xlsx file: the merge worker builds the bytes off the
   * main thread and this delivers them; resolves like writeMerge.
   */
  writeMergeFile?(bytes: Uint8Array, fileName: string): Promise<string>;
  readonly packageStorage: PackageStorage;
}

const WorkbookContext = createContext<Workbook | undefined>(undefined);
export const WorkbookProvider = WorkbookContext.Provider;

export function useWorkbook(): Workbook {
  const w = useContext(WorkbookContext);
  if (!w) throw new Error("WorkbookProvider missing");
  return w;
}
