import { readFileSync, writeFileSync } from "fs";
import { basename } from "path";
import { parseArgs } from "util";
import { loadCatalog } from "../adapters/node/catalogFiles";
import { loadRuleSet } from "../adapters/node/ruleFiles";
import { nativeInflateRaw, nativeZip } from "../adapters/node/nativeZip";
import { checkReceivedFile } from "../adapters/receivedFile";
import { writeXlsx } from "../adapters/xlsx/write";
import { buildConvertedLayout } from "../core/layout/convertLayout";
import { periodLabel } from "../core/period";

/** `cchc convert <report.docx> -o <report.xlsx>`: the unit's appendix as the official template workbook. */
export async function runConvert(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: "string", short: "o" }, rules: { type: "string" } },
  });
  if (positionals.length !== 1) {
    console.error("Cần đúng một tệp báo cáo (.docx) để chuyển sang Excel.");
    return 2;
  }
  if (!values.output) {
    console.error("Thiếu tên tệp kết quả (-o <tệp.xlsx>).");
    return 2;
  }
  const file = positionals[0];
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    console.error(`Không mở được tệp “${file}”.`);
    return 2;
  }
  const result = checkReceivedFile(bytes, basename(file), loadCatalog(), loadRuleSet(values.rules), nativeInflateRaw);
  if (!result.ok) {
    console.error(`${file} — KHÔNG ĐỌC ĐƯỢC: ${result.reason}`);
    return 2;
  }
  const { layout, unmatched } = buildConvertedLayout(result);
  writeFileSync(values.output, writeXlsx([layout], nativeZip));
  const s = result.submission;
  console.log(
    `Đã ghi ${values.output}: ${s.unitName ?? "(chưa rõ đơn vị)"}, ${s.period ? periodLabel(s.period) : "(chưa rõ kỳ)"}, biểu mẫu ${s.template.name}.`,
  );
  if (unmatched.length) {
    console.log(`  ${unmatched.length} dòng của báo cáo không khớp dòng nào của biểu mẫu, không được chuyển:`);
    for (const u of unmatched) console.log(`    ${u}`);
  }
  return 0;
}
