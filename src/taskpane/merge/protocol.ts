import { ConsolidatedFigures } from "../../core/compare/consolidated";
import { SourceFormat } from "../../core/check/check";
import { FileOutcome } from "../../core/consolidate/consolidate";
import { SuspectRule } from "../../core/consolidate/suspect";
import { ReportHeading } from "../../core/layout/reportLayout";
import { SheetLayout } from "../../core/layout/sheetLayout";
import { ProvincePackage } from "../../core/package/package";
import { Period } from "../../core/period";
import { ProvinceReport } from "../../core/report/provinceReport";
import { ExpectedUnit } from "../../core/recognize/unitEvidence";

/**
 * Messages between the task pane and the merge worker: plain data only (structured clone), received
 * files as transferred ArrayBuffers, the built workbook as bytes.
 */

/** What the officer reads when the merge fails for a reason of the program's, not of a file. */
export const PROGRAM_FAULT = "Không tổng hợp được do lỗi của chương trình; hãy thử lại hoặc dùng lệnh cchc merge.";

/** How the host takes a merge: sheets written through Office.js, or an .xlsx file built in the worker. */
export type MergeOutputKind = "sheets" | "xlsx";

/** What the pane decides before consolidating (the officer's list, choices, period and last merge). */
export interface MergeSettings {
  expected: ExpectedUnit[];
  assignments: Record<string, string>;
  period?: Period;
  previous?: ConsolidatedFigures;
  output: MergeOutputKind;
}

/** One file read and checked, as the status table shows it before the consolidation. */
export interface FileRead {
  index: number;
  ok: boolean;
  reason?: string;
}

/**
 * One merged unit, as the pane lists and counts it. Its findings stay in the worker and go to the "Lỗi"
 * sheet: a province's run has tens of thousands, whose copy would hold the main thread.
 */
export interface MergedUnit {
  unitName: string;
  unitTypeLabel: string;
  fileName: string;
  format?: SourceFormat;
  templateId: string;
  errors: number;
  warnings: number;
  /** Some figure differs unusually from the last merge's column of this unit. */
  changedSincePrevious: boolean;
}

/** What the merge sheets or file hold, ready for the host to write. */
export interface MergeWritable {
  fileName: string;
  /** Present when the host writes sheets. */
  layouts?: SheetLayout[];
  /** Present when the host takes a file. */
  bytes?: Uint8Array;
}

/** A finished merge as plain data: what the pane shows, and what it hands to the host. */
export interface MergeOutcome extends MergeWritable {
  period?: Period;
  files: FileOutcome[];
  expected: ExpectedUnit[];
  missing: string[];
  waiting: string[];
  repeatedUnits: string[];
  suspect?: SuspectRule[];
  units: MergedUnit[];
}

export interface ReportOutcome extends MergeWritable {
  report: ProvinceReport;
}

export type ToWorker =
  | { type: "begin"; pkg: ProvincePackage }
  | { type: "file"; index: number; name: string; bytes: ArrayBuffer; modified?: number }
  | { type: "finish"; settings: MergeSettings }
  | { type: "report"; templateId: string; output: MergeOutputKind; heading: ReportHeading };

export type FromWorker =
  | { type: "read"; file: FileRead }
  | { type: "merged"; outcome: MergeOutcome }
  | { type: "reported"; outcome: ReportOutcome }
  | { type: "failed"; message: string };
