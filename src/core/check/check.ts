import { Catalog } from "../catalog/catalog";
import { Finding } from "../findings";
import { Grid } from "../grid";
import { Period } from "../period";
import { recognizeWorkbook } from "../recognize/recognize";
import { Submission } from "../recognize/submission";
import { IndicatorValue, evaluate } from "../rules/evaluate";
import { RuleSet } from "../rules/schema";

/** The kind of file a submission came as: a workbook, a Word report or an OpenDocument spreadsheet. */
export type SourceFormat = "xlsx" | "docx" | "ods";

export const FORMAT_LABELS: Record<SourceFormat, string> = { xlsx: "Excel", docx: "Word", ods: "OpenDocument" };

/** The verdict on one workbook: what the CLI prints, the task pane lists and the merge consumes. */
export type CheckResult =
  | {
      ok: true;
      fileName?: string;
      /** Set by the file readers; absent for a sheet read from Excel itself. */
      format?: SourceFormat;
      submission: Submission;
      values: Map<string, IndicatorValue>;
      findings: Finding[];
    }
  | { ok: false; fileName?: string; format?: SourceFormat; reason: string };

export function checkGrids(grids: Grid[], catalog: Catalog, ruleSet: RuleSet, fileName?: string): CheckResult {
  const rec = recognizeWorkbook(grids, catalog, fileName);
  if (!rec.ok) return { ok: false, fileName, reason: rec.reason };
  const { values, findings } = evaluate(rec.submission, ruleSet);
  return { ok: true, fileName, submission: rec.submission, values, findings };
}

/** The JSON shape of `cchc check --json`. */
export interface CheckReport {
  file?: string;
  sheet: string;
  template: string;
  unitName?: string;
  period?: Period;
  findings: Finding[];
}

export function toReport(r: Extract<CheckResult, { ok: true }>): CheckReport {
  return {
    file: r.fileName,
    sheet: r.submission.sheetName,
    template: r.submission.template.id,
    unitName: r.submission.unitName,
    period: r.submission.period,
    findings: r.findings,
  };
}
