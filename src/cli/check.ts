import { basename } from "path";
import { checkReceivedFile } from "../adapters/receivedFile";
import { nativeInflateRaw } from "../adapters/node/nativeZip";
import { InputFileError, readRegularFile } from "../adapters/node/inputFile";
import { toReport } from "../core/check/check";
import { PreviousSource, checkAgainstPrevious } from "../core/compare/source";
import { readPreviousFile } from "./previousFile";
import { countBySeverity } from "../core/findings";
import { describeSuspect, findSuspectRules, withoutSuspect } from "../core/consolidate/suspect";
import { periodLabel } from "../core/period";
import { packageLabel } from "../core/package/package";
import { packageOrReport } from "./packageArg";
import { UsageError, complain, parseCommandArgs, printJson, say } from "./io";
import { receivedPaths } from "../adapters/node/receivedPaths";

/**
 * `cchc check <file.xlsx|.docx|.ods>... [--json] [--rules file.json] [--previous earlier.xlsx]`: exit 0 clean,
 * 1 errors found, 2 a file unreadable. --previous: the unit's report of an earlier period, or a consolidated workbook.
 */
export async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, rules: { type: "string" }, package: { type: "string" }, previous: { type: "string" } },
  });
  if (!positionals.length) throw new UsageError("Cần ít nhất một tệp báo cáo (.xlsx, .docx, .ods) để kiểm tra.");
  const { files, notes } = receivedPaths(positionals, [values.rules, values.package, values.previous]);
  for (const n of notes) complain(n);
  if (!files.length) {
    // Still valid JSON for a program reading it: no file was checked.
    if (values.json) printJson([]);
    return 2;
  }
  const p = packageOrReport(values.package, values.rules);
  if (!p) return 2;
  const { catalog, ruleSet } = p;
  let previous: PreviousSource | undefined;
  if (values.previous) {
    previous = readPreviousFile(values.previous, catalog, ruleSet);
    if (previous.kind === "unreadable") {
      complain(previous.reason);
      return 2;
    }
  }
  let exit = 0;
  const reports: unknown[] = [];
  if (!values.json) say(`Kiểm tra theo ${packageLabel(p)}.`);
  const done: { file: string; result: Extract<ReturnType<typeof checkReceivedFile>, { ok: true }>; note?: string }[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readRegularFile(file).bytes;
    } catch (e) {
      if (!(e instanceof InputFileError)) throw e;
      exit = 2;
      report(values.json, reports, file, e.message);
      continue;
    }
    const result = checkReceivedFile(bytes, basename(file), catalog, ruleSet, nativeInflateRaw);
    if (!result.ok) {
      exit = 2;
      report(values.json, reports, file, result.reason);
      continue;
    }
    const compared = checkAgainstPrevious(result, previous, ruleSet);
    if (compared.result.ok) done.push({ file, result: compared.result, note: compared.note });
  }
  // Checked together, a rule most units break is told once, not as an error of each unit.
  const suspect = findSuspectRules(
    done.map((d) => ({ name: d.result.submission.unitName ?? d.file, values: d.result.values, findings: d.result.findings })),
    ruleSet.rules,
  );
  for (const { file, result, note } of done) {
    const checked = { ...result, findings: withoutSuspect(result.findings, suspect) };
    const r = { ...toReport(checked), file, package: { name: p.pkg.name, version: p.pkg.version }, ...(note ? { previousNote: note } : {}) };
    const { errors, warnings } = countBySeverity(checked.findings);
    if (errors && exit === 0) exit = 1;
    if (values.json) {
      reports.push(suspect.length ? { ...r, suspectRules: suspect } : r);
      continue;
    }
    const who = result.submission.unitName ?? "(chưa rõ đơn vị)";
    const when = result.submission.period ? periodLabel(result.submission.period) : "(chưa rõ kỳ)";
    say();
    say(`${file} — ${who}, ${when}, biểu mẫu ${result.submission.template.name}, ${result.format === "docx" ? "văn bản Word, bảng" : "trang"} “${r.sheet}”`);
    say(`  ${errors} lỗi, ${warnings} cảnh báo`);
    if (note) say(`  ${note}`);
    for (const f of checked.findings) say(`  ${f.severity === "error" ? "LỖI     " : "CẢNH BÁO"} ${f.cell.padEnd(6)} ${f.message}`);
  }
  if (suspect.length && !values.json) {
    say();
    for (const x of suspect) say(describeSuspect(x));
  }
  if (values.json) printJson(reports);
  return exit;
}

function report(json: boolean | undefined, reports: unknown[], file: string, reason: string): void {
  if (json) reports.push({ file, error: reason, findings: [] });
  else {
    say();
    say(`${file} — KHÔNG ĐỌC ĐƯỢC: ${reason}`);
  }
}
