import { checkReceivedFile } from "../../adapters/receivedFile";
import { ParsedWorkbookParts } from "../../adapters/xlsx/read";
import { writeXlsx } from "../../adapters/xlsx/write";
import { fflateDeflaterAt } from "../../adapters/xlsx/zipWrite";
import { withPrevious } from "../../core/compare/source";
import { Consolidation, MergeInput, consolidate, mergeInput } from "../../core/consolidate/consolidate";
import { buildMergeLayouts } from "../../core/layout/mergeLayouts";
import { ReportHeading, buildReportLayout } from "../../core/layout/reportLayout";
import { SheetLayout } from "../../core/layout/sheetLayout";
import { LoadedPackage, ProvincePackage, prevalidatedPackage } from "../../core/package/package";
import { Period } from "../../core/period";
import { buildProvinceReport } from "../../core/report/provinceReport";
import { FileRead, FromWorker, MergeOutcome, MergeOutputKind, MergeSettings, MergeWritable, PROGRAM_FAULT, ReportOutcome, ToWorker } from "./protocol";

/**
 * Deflate level of the merge workbook built in the browser (see docs/performance.md): fflate's levels 1
 * to 4 take about the same time, level 6 half as long again to twice; 2 is the CLI's zlib level too.
 */
export const BROWSER_DEFLATE_LEVEL = 2;

/** A request the merge cannot serve, with its Vietnamese reason. */
export class MergeRefusal extends Error {}

const periodSuffix = (p: Period | undefined): string => (p ? `-${p.kind}-${p.year}` : "");

/** The sheets, or the .xlsx file built from them, as the host takes them. */
function writable(layouts: SheetLayout[], fileName: string, output: MergeOutputKind): MergeWritable {
  if (output === "sheets") return { fileName, layouts };
  return { fileName, bytes: writeXlsx(layouts, fflateDeflaterAt(BROWSER_DEFLATE_LEVEL)) };
}

/**
 * One merge in the pane, step by step: files checked one at a time as they arrive (each kept only as the
 * merge needs it), then consolidated into the workbook. The merge worker drives it; it has no Worker or
 * DOM of its own, so tests call it directly.
 */
export class MergeWork {
  private readonly pkg: LoadedPackage;
  private readonly inputs: MergeInput[] = [];
  private last?: Consolidation;
  /** Parts that producers write alike in every workbook, parsed once per merge. */
  private readonly parsed = new ParsedWorkbookParts();

  /** `pkg` is a package the pane has validated already. */
  constructor(pkg: ProvincePackage) {
    this.pkg = prevalidatedPackage(pkg);
  }

  add(index: number, name: string, bytes: Uint8Array, modified?: number): FileRead {
    const { catalog, ruleSet } = this.pkg;
    const result = checkReceivedFile(bytes, name, catalog, ruleSet, undefined, { parsed: this.parsed });
    this.inputs[index] = mergeInput(name, result, modified);
    return result.ok ? { index, ok: true } : { index, ok: false, reason: result.reason };
  }

  finish(settings: MergeSettings): MergeOutcome {
    const { ruleSet, unitTypes } = this.pkg;
    // Every index is filled in order by the pane; a hole would be a file never sent.
    const inputs = this.inputs.filter((i): i is MergeInput => i !== undefined);
    const merged = consolidate(inputs, { expected: settings.expected, period: settings.period, assignments: settings.assignments, unitTypes, rules: ruleSet.rules });
    const c = settings.previous ? withPrevious(merged, settings.previous, ruleSet) : merged;
    this.last = c;
    const resolvable = c.units.length > 0 || c.files.some((f) => f.status === "unresolved");
    const out = resolvable ? writable(buildMergeLayouts(c, { outliers: ruleSet.outliers }), `tong-hop-cchc${periodSuffix(c.period)}.xlsx`, settings.output) : { fileName: "" };
    return {
      ...out,
      period: c.period,
      files: c.files,
      expected: c.expected,
      missing: c.missing,
      waiting: c.waiting,
      repeatedUnits: c.repeatedUnits,
      ...(c.suspect ? { suspect: c.suspect } : {}),
      units: c.units.map((u) => ({
        unitName: u.unitName,
        unitTypeLabel: u.unitTypeLabel,
        fileName: u.fileName,
        format: u.format,
        templateId: u.template.id,
        errors: u.errors,
        warnings: u.warnings,
        changedSincePrevious: !!settings.previous && u.findings.some((f) => f.rule.startsWith("previous.")),
      })),
    };
  }

  /** The province's own report from the last merge, with the merge sheets, in the template `templateId`. */
  report(templateId: string, output: MergeOutputKind, heading: ReportHeading = {}): ReportOutcome {
    const { catalog, ruleSet } = this.pkg;
    const t = catalog.byId.get(templateId);
    if (!this.last) throw new MergeRefusal("Chưa có kết quả tổng hợp để lập báo cáo của tỉnh.");
    if (!t) throw new MergeRefusal(`Không có biểu mẫu “${templateId}” trong bộ biểu mẫu đang dùng.`);
    const report = buildProvinceReport(this.last, t, ruleSet);
    const layouts = [...buildMergeLayouts(this.last, { outliers: ruleSet.outliers }), buildReportLayout(report, heading)];
    return { ...writable(layouts, `bao-cao-cua-tinh${periodSuffix(this.last.period)}.xlsx`, output), report };
  }
}

/** The worker's answers to the pane's messages, without the Worker itself (tests drive it directly). */
export function mergeResponder(): (m: ToWorker) => FromWorker | undefined {
  let work: MergeWork | undefined;
  const started = (): MergeWork => {
    if (!work) throw new MergeRefusal("Chưa bắt đầu tổng hợp.");
    return work;
  };
  const answer = (m: ToWorker): FromWorker | undefined => {
    switch (m.type) {
      case "begin":
        work = new MergeWork(m.pkg);
        return undefined;
      case "file":
        return { type: "read", file: started().add(m.index, m.name, new Uint8Array(m.bytes), m.modified) };
      case "finish":
        return { type: "merged", outcome: started().finish(m.settings) };
      case "report":
        return { type: "reported", outcome: started().report(m.templateId, m.output, m.heading) };
    }
  };
  return (m) => {
    try {
      return answer(m);
    } catch (err) {
      // Received files never throw (each is refused alone with its reason): anything else is a fault of ours.
      return { type: "failed", message: err instanceof MergeRefusal ? err.message : PROGRAM_FAULT };
    }
  };
}
