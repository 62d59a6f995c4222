import { basename } from "path";
import { DEFAULT_RULES_FILE } from "../adapters/node/ruleFiles";
import { outputTarget, writeOutputFile } from "../adapters/node/outputFile";
import { nativeDeflater, nativeInflateRaw } from "../adapters/node/nativeZip";
import { checkReceivedFile } from "../adapters/receivedFile";
import { writeXlsx } from "../adapters/xlsx/write";
import { buildConvertedLayout } from "../core/layout/convertLayout";
import { periodLabel } from "../core/period";
import { UsageError, complain, parseCommandArgs, readInputFile, say } from "./io";
import { workbookOutput } from "./outputs";
import { packageOrReport } from "./packageArg";

/** `cchc convert <report.docx> -o <report.xlsx>`: the unit's appendix as the official template workbook. */
export async function runConvert(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    allowPositionals: true,
    options: { output: { type: "string", short: "o" }, rules: { type: "string" }, package: { type: "string" } },
  });
  if (positionals.length !== 1) throw new UsageError("Cần đúng một tệp báo cáo (.docx) để chuyển sang Excel.");
  if (!values.output) throw new UsageError("Thiếu tên tệp kết quả (-o <tệp.xlsx>).");
  const file = positionals[0];
  const p = packageOrReport(values.package, values.rules);
  if (!p) return 2;
  const { catalog, ruleSet } = p;
  // The received report (and the package, the rule set) may never be the output; refused before any work.
  const guard = workbookOutput([file, ...(values.package ? [values.package] : []), values.rules ?? DEFAULT_RULES_FILE], catalog);
  outputTarget(values.output, guard);
  const bytes = readInputFile(file);
  if (!bytes) return 2;
  const result = checkReceivedFile(bytes, basename(file), catalog, ruleSet, nativeInflateRaw);
  if (!result.ok) {
    complain(`${file} — KHÔNG ĐỌC ĐƯỢC: ${result.reason}`);
    return 2;
  }
  const { layout, unmatched } = buildConvertedLayout(result);
  writeOutputFile(values.output, writeXlsx([layout], nativeDeflater), guard);
  const s = result.submission;
  say(
    `Đã ghi ${values.output}: ${s.unitName ?? "(chưa rõ đơn vị)"}, ${s.period ? periodLabel(s.period) : "(chưa rõ kỳ)"}, biểu mẫu ${s.template.name}.`,
  );
  if (unmatched.length) {
    say(`  ${unmatched.length} dòng của báo cáo không khớp dòng nào của biểu mẫu, không được chuyển:`);
    for (const u of unmatched) say(`    ${u}`);
  }
  return 0;
}
