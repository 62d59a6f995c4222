import { basename } from "path";
import { InputFileError, readRegularFile } from "../adapters/node/inputFile";
import { contentOf } from "../adapters/textContent";
import { foldText, similarity } from "../core/text";
import { ParsedWorkbookParts, XlsxReadError, readXlsx } from "../adapters/xlsx/read";
import { nativeDeflater, nativeInflateRaw } from "../adapters/node/nativeZip";
import { writeXlsx } from "../adapters/xlsx/write";
import { checkReceivedFile } from "../adapters/receivedFile";
import { MergeInput, SharedPlaces, consolidate, mergeInput } from "../core/consolidate/consolidate";
import { describeSuspect } from "../core/consolidate/suspect";
import { STATUS_SHEET, UNITS_SHEET, assignmentsFromRows, buildMergeLayouts, expectedUnitsFromRows, submissionSummary } from "../core/layout/mergeLayouts";
import { ExpectedUnit } from "../core/recognize/unitEvidence";
import { Period, periodLabel } from "../core/period";
import { periodArg } from "./periodArg";
import { buildReportLayout } from "../core/layout/reportLayout";
import { reportDateText } from "../core/layout/templateLayout";
import { buildProvinceReport, missingRowName, reportJson } from "../core/report/provinceReport";
import { packageLabel } from "../core/package/package";
import { packageOrReport } from "./packageArg";
import { ConsolidatedFigures } from "../core/compare/consolidated";
import { previousProblem, withPrevious } from "../core/compare/source";
import { readPreviousFile } from "./previousFile";
import { DEFAULT_RULES_FILE } from "../adapters/node/ruleFiles";
import { outputTarget, writeOutputFile } from "../adapters/node/outputFile";
import { UsageError, complain, parseCommandArgs, printJson, say } from "./io";
import { workbookOutput } from "./outputs";
import { unitsFromRows, unitsFromText } from "./unitList";
import { recognizeWorkbook } from "../core/recognize/recognize";
import { Catalog } from "../core/catalog/catalog";
import { receivedPaths } from "../adapters/node/receivedPaths";

/**
 * `cchc merge <file.xlsx>... -o <out.xlsx> [--json] [--units <file>] [--assign "FILE=Unit"]... [--period q1 --year 2023] [--report <template> [--province "Hà Tĩnh" --report-number 12/BC-UBND --report-date 2026-03-20]] [--previous last.xlsx]`;
 * --previous: the consolidated workbook of the last merge, every unit compared with its own column.
 */
export async function runMerge(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      json: { type: "boolean" },
      units: { type: "string" },
      assign: { type: "string", multiple: true },
      rules: { type: "string" },
      package: { type: "string" },
      period: { type: "string" },
      year: { type: "string" },
      report: { type: "string" },
      province: { type: "string" },
      "report-number": { type: "string" },
      "report-date": { type: "string" },
      previous: { type: "string" },
    },
  });
  if (!positionals.length) throw new UsageError("Cần ít nhất một tệp báo cáo (.xlsx, .docx, .ods) để tổng hợp.");
  if (!values.output) throw new UsageError("Thiếu tên tệp kết quả (-o <tệp.xlsx>).");
  const { files, notes } = receivedPaths(positionals, [values.output, values.units, values.package, values.previous, values.rules]);
  for (const n of notes) complain(n);
  if (!files.length) return 2;
  const names = shownNames(files);
  // Every file the command reads; the output may be none of them (refused before any work is done).
  const readFiles = [...files, ...[values.units, values.package, values.previous].filter((f): f is string => !!f), values.rules ?? DEFAULT_RULES_FILE];
  const p = packageOrReport(values.package, values.rules);
  if (!p) return 2;
  const { catalog, ruleSet } = p;
  const guard = workbookOutput(readFiles, catalog);
  outputTarget(values.output, guard);
  let period: Period | undefined;
  if (values.period) {
    const read = periodArg(values.period, values.year);
    if (!read.period) {
      complain(`Kỳ tổng hợp không hợp lệ: ${read.problem}.`);
      return 2;
    }
    period = read.period;
  }
  const fromUnits = values.units ? readUnits(values.units, catalog) : undefined;
  if (values.units && !fromUnits) return 2;
  const assignments: Record<string, string> = Object.fromEntries(Object.entries(fromUnits?.assignments ?? {}).map(([f, u]) => [f.normalize("NFC"), u]));
  for (const a of values.assign ?? []) {
    // Unit names never hold "=", file names may.
    const eq = a.lastIndexOf("=");
    if (eq <= 0 || !a.slice(eq + 1).trim()) {
      complain(`--assign cần dạng "TỆP=Tên đơn vị", nhận được “${a}”.`);
      return 2;
    }
    const unit = a.slice(eq + 1).trim();
    const refused = fromUnits && notListed(unit, fromUnits.expected);
    if (refused) {
      complain(`--assign “${a}”: ${refused}`);
      return 2;
    }
    const file = assignedFile(a.slice(0, eq).trim(), names);
    if (file.ambiguous) {
      complain(`--assign “${a}”: có ${file.ambiguous.length} tệp cùng tên (${file.ambiguous.map((n) => `“${n}”`).join(", ")}); hãy ghi tên như trong báo cáo.`);
      return 2;
    }
    assignments[file.name] = unit;
  }

  const reportTemplate = values.report ? catalog.byId.get(values.report) : undefined;
  if (values.report && !reportTemplate) {
    complain(`Không có biểu mẫu “${values.report}” để lập báo cáo của tỉnh. Các biểu mẫu: ${catalog.templates.map((t) => t.id).join(", ")}.`);
    return 2;
  }
  if (values["report-date"] && !reportDateText(values["report-date"])) {
    complain(`Ngày báo cáo không hợp lệ: --report-date ${values["report-date"]} (viết 2026-03-20 hoặc 20/03/2026).`);
    return 2;
  }
  let previous: ConsolidatedFigures | undefined;
  if (values.previous) {
    const p = readPreviousFile(values.previous, catalog, ruleSet);
    if (p.kind !== "consolidated") {
      complain(p.kind === "unreadable" ? p.reason : `Tệp “${values.previous}” không phải sổ tổng hợp (không có trang “Tổng hợp”); --previous cần sổ tổng hợp của kỳ trước.`);
      return 2;
    }
    previous = p.consolidated;
  }
  // One merge reads many workbooks of the same producers: their common parts are parsed once.
  const parsed = new ParsedWorkbookParts();
  const places = new SharedPlaces();
  const inputs: MergeInput[] = files.map((file, i) => {
    const fileName = names[i];
    let bytes: Uint8Array;
    let modified: number | undefined;
    try {
      ({ bytes, modified } = readRegularFile(file));
    } catch (e) {
      if (!(e instanceof InputFileError)) throw e;
      return mergeInput(fileName, { ok: false, fileName, reason: e.message });
    }
    return mergeInput(fileName, checkReceivedFile(bytes, fileName, catalog, ruleSet, nativeInflateRaw, { parsed }), modified, places);
  });
  for (const file of values.assign ?? []) {
    const { name } = assignedFile(file.slice(0, file.lastIndexOf("=")).trim(), names);
    if (!inputs.some((i) => i.fileName === name)) complain(`--assign: không có tệp “${name}” trong các tệp tổng hợp; bỏ qua.`);
  }
  const merged = consolidate(inputs, { period, expected: fromUnits?.expected, assignments, unitTypes: p.unitTypes, rules: ruleSet.rules });
  const problem = previous && previousProblem(previous, merged);
  if (problem) complain(`--previous: không so sánh với kỳ trước: ${problem}.`);
  const c = previous ? withPrevious(merged, previous, ruleSet) : merged;
  // Unresolved files still get a workbook: its status sheet is where the officer chooses their units.
  if (c.units.length === 0 && !c.files.some((f) => f.status === "unresolved")) {
    if (values.json) printJson(jsonOf(c));
    complain("Không tổng hợp được tệp nào:");
    for (const f of c.files) complain(`  ${f.fileName}: ${f.reason ?? ""}`);
    return 2;
  }
  const report = reportTemplate ? buildProvinceReport(c, reportTemplate, ruleSet) : undefined;
  writeOutputFile(values.output, writeXlsx([...buildMergeLayouts(c, { outliers: ruleSet.outliers }), ...(report ? [buildReportLayout(report, { province: values.province, number: values["report-number"], date: values["report-date"] })] : [])], nativeDeflater), guard);
  if (values.json) {
    printJson({ ...jsonOf(c), ...(report ? { report: reportJson(report) } : {}) });
    return 0;
  }
  say(`Đã tổng hợp ${c.units.length} đơn vị${c.period ? `, ${periodLabel(c.period)}` : ""} vào ${values.output} (theo ${packageLabel(p)}).`);
  for (const f of c.files) if (f.status !== "read") say(`  ${f.fileName}: ${f.reason ?? ""}`);
  if (c.files.some((f) => f.status === "unresolved")) say(`  Chọn đơn vị cho tệp chưa rõ đơn vị: --assign "TỆP=Tên đơn vị", hoặc điền cột “Đơn vị” trong trang “${STATUS_SHEET}” rồi dùng --units ${values.output}.`);
  for (const line of submissionSummary(c)) say(`  ${line}`);
  for (const s of c.suspect ?? []) say(`  ${describeSuspect(s)}`);
  if (report) {
    const blanks = report.rows.filter((r) => r.id && r.value === null).length;
    say(`Báo cáo của tỉnh (${report.template.id}): ${report.rows.filter((r) => r.id).length - blanks} chỉ tiêu có số liệu, ${blanks} còn trống; ${report.findings.length} lỗi/cảnh báo.`);
    for (const m of report.missing) say(`  Còn thiếu — ${m.who}: ${m.rows.map(missingRowName).join("; ")}`);
  }
  return 0;
}

/**
 * The names received files go by (in the report, the JSON and --assign): their base names, composed, so
 * "Xã" decomposed by a Mac or a zip tool and "Xã" typed are one name; files of the same base name (each
 * unit's "Phụ lục.xlsx" in its own folder) keep as many of their folders as tell them apart.
 */
function shownNames(files: readonly string[]): string[] {
  const parts = files.map((f) => f.normalize("NFC").split(/[\\/]+/).filter((p) => p && p !== "."));
  const depth = files.map(() => 1);
  const nameOf = (i: number) => parts[i].slice(-depth[i]).join("/");
  for (let changed = true; changed; ) {
    changed = false;
    const count = new Map<string, number>();
    files.forEach((_, i) => count.set(nameOf(i), (count.get(nameOf(i)) ?? 0) + 1));
    files.forEach((_, i) => {
      if (count.get(nameOf(i))! > 1 && depth[i] < parts[i].length) [depth[i], changed] = [depth[i] + 1, true];
    });
  }
  return files.map((_, i) => nameOf(i));
}

/** The received file an --assign names: its shown name, or a path or base name that only one file has. */
function assignedFile(text: string, names: readonly string[]): { name: string; ambiguous?: string[] } {
  const wanted = text.normalize("NFC").replace(/\\/g, "/");
  if (names.includes(wanted)) return { name: wanted };
  // A path to the file ends with its shown name; a base name alone may be several files'.
  const byPath = names.filter((n) => wanted.endsWith(`/${n}`));
  if (byPath.length === 1) return { name: byPath[0] };
  const matches = names.filter((n) => basename(n) === basename(wanted));
  if (matches.length === 1) return { name: matches[0] };
  return matches.length ? { name: wanted, ambiguous: matches } : { name: basename(wanted) };
}

function jsonOf(c: ReturnType<typeof consolidate>) {
  return {
    period: c.period,
    suspectRules: c.suspect ?? [],
    units: c.units.map((u) => ({ name: u.unitName, file: u.fileName, format: u.format, template: u.template.id, period: u.period, errors: u.errors, warnings: u.warnings })),
    rejected: c.files.filter((f) => f.status === "rejected" || f.status === "otherPeriod").map((f) => ({ file: f.fileName, reason: f.reason })),
    unresolved: c.files
      .filter((f) => f.status === "unresolved")
      .map((f) => ({ file: f.fileName, candidates: (f.candidates ?? []).map((x) => ({ name: x.name, source: x.source })), reason: f.reason, suggestion: f.suggestion })),
    duplicates: c.files
      .filter((f) => f.status === "duplicate")
      .map((f) => ({ file: f.fileName, unit: f.unitName, reason: f.reason, changed: f.changed ?? [] })),
    missing: c.missing,
    waiting: c.waiting,
    repeatedUnits: c.repeatedUnits,
    findings: c.units.flatMap((u) =>
      u.findings.map((f) => ({ unit: u.unitName, row: f.row, indicator: f.indicator, severity: f.severity, rule: f.rule, message: f.message })),
    ),
    indicators: c.rows
      .filter((r) => r.indicator)
      .map((r) => ({
        id: r.indicator!.id,
        label: r.label,
        unit: r.indicator!.unit,
        aggregate: r.indicator!.aggregate.type,
        total: r.indicator!.total,
        reported: r.indicator!.reported,
        values: Object.fromEntries(r.indicator!.values),
      })),
  };
}

/**
 * Why a unit given to --assign is refused when a unit list is given: it is not on the list (compared as
 * folded text), and the closest listed name is offered. Undefined when it is listed.
 */
function notListed(unit: string, expected: readonly ExpectedUnit[]): string | undefined {
  const folded = foldText(unit);
  if (expected.some((u) => foldText(u.name) === folded)) return undefined;
  let closest: string | undefined;
  let best = 0;
  for (const u of expected) {
    const s = similarity(folded, foldText(u.name));
    if (s > best) [closest, best] = [u.name, s];
  }
  const hint = closest ? ` Có phải “${closest}”?` : "";
  return `không có đơn vị “${unit}” trong danh sách đơn vị (--units); tệp không được gán.${hint}`;
}

/**
 * Expected units: a consolidated workbook (with the officer's choices) or a text list (`unitsFromText`), told by content whatever the file's name; text in UTF-8 or UTF-16.
 */
function readUnits(file: string, catalog: Catalog): { expected: ExpectedUnit[]; assignments?: Record<string, string> } | undefined {
  try {
    const { bytes } = readRegularFile(file, "danh sách đơn vị");
    const content = contentOf(bytes);
    if (content.kind === "other") {
      complain(`Không đọc được danh sách đơn vị “${file}”: ${content.reason}.`);
      return undefined;
    }
    if (content.kind === "package") {
      const grids = readXlsx(bytes, nativeInflateRaw);
      const values = (name: string) => grids.find((g) => g.name === name)?.rows.map((r) => r.map((c) => c?.value ?? null));
      const units = values(UNITS_SHEET);
      if (!units) {
        // A list kept in a workbook of its own: its first sheet, as a text list is read.
        if (recognizeWorkbook(grids, catalog).ok) {
          complain(`Tệp “${file}” là một báo cáo, không phải danh sách đơn vị (--units cần danh sách đơn vị hoặc sổ tổng hợp).`);
          return undefined;
        }
        const expected = unitsFromRows((grids[0]?.rows ?? []).map((r) => r.map((c) => (c?.value == null ? "" : String(c.value)))));
        if (!expected.length) complain(`Tệp “${file}” không có tên đơn vị nào ở trang đầu, cũng không có trang “${UNITS_SHEET}”.`);
        return expected.length ? { expected } : undefined;
      }
      const status = values(STATUS_SHEET);
      return { expected: expectedUnitsFromRows(units), assignments: status ? assignmentsFromRows(status) : undefined };
    }
    const expected = unitsFromText(content.text);
    return { expected };
  } catch (e) {
    if (e instanceof InputFileError) complain(e.message);
    else complain(`Không đọc được danh sách đơn vị “${file}”: ${e instanceof XlsxReadError ? e.message : "tệp bị hỏng."}`);
    return undefined;
  }
}
