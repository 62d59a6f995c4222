import { writeXlsx } from "../adapters/xlsx/write";
import { nativeDeflater } from "../adapters/node/nativeZip";
import { buildTemplateLayout } from "../core/layout/templateLayout";
import { Period } from "../core/period";
import { periodArg } from "./periodArg";
import { runCheck } from "./check";
import { runConvert } from "./convert";
import { runMerge } from "./merge";
import { DEFAULT_RULES_FILE } from "../adapters/node/ruleFiles";
import { OutputError, outputTarget, writeOutputFile } from "../adapters/node/outputFile";
import { RuleSetError, serializeRuleSet } from "../core/rules/schema";
import { CatalogError } from "../core/catalog/catalog";
import { ExcelLimitError } from "../core/layout/sheetLayout";
import { UsageError, complain, parseCommandArgs, printJson, printJsonText, say, sayLines, stopOnOutputErrors } from "./io";
import { ruleSetOutput, workbookOutput } from "./outputs";
import { PACKAGE_USAGE, runPackage } from "./package";
import { similarity } from "../core/text";
import { packageOrReport } from "./packageArg";

const USAGE = `Cách dùng:
  cchc templates [--json]                         Liệt kê các biểu mẫu
  cchc template --template <mã> [--period q1|q2|q3|q4|h1|m9|year --year 2023 --unit-name "…"] -o <tệp.xlsx>
                                                  Tạo biểu mẫu trống
  cchc check <tệp|thư mục>... [--json] [--previous <báo cáo kỳ trước.xlsx>]
                                                  Kiểm tra báo cáo (.xlsx, .docx, .ods), so sánh với kỳ trước
  cchc merge <tệp|thư mục>... -o <tệp.xlsx> [--json] [--units <danh sách đơn vị.txt>] [--assign "TỆP=Tên đơn vị"]... [--previous <tổng hợp kỳ trước.xlsx>]
        [--period q1|q2|q3|q4|h1|m9|year --year 2024] [--report <mã biểu mẫu> --province "…" --report-number "12/BC-UBND" --report-date 2026-03-20]
                                                  Tổng hợp báo cáo (.xlsx, .docx, .ods), so sánh từng đơn vị với kỳ trước
  cchc convert <tệp.docx> -o <tệp.xlsx>           Chuyển bảng phụ lục của báo cáo Word sang biểu mẫu Excel
  cchc rules [--rules <tệp.json>] [-o <tệp.json>]  Xuất bộ quy tắc kiểm tra (một tệp JSON cho cả tỉnh)
  cchc package export -o <tệp.json>               Xuất bộ biểu mẫu của tỉnh (biểu mẫu, quy tắc, loại đơn vị)
  cchc package add-template <trang.xlsx|báo cáo.docx> --package <tệp.json> --unit-type <mã> --unit-type-label "…" --version <năm> -o <tệp.json>
                                                  Tạo biểu mẫu từ bảng chỉ tiêu và thêm vào bộ
Mọi lệnh nhận --package <tệp.json> (bộ biểu mẫu của tỉnh; mặc định: bộ có sẵn)
và --rules <tệp.json> (thay bộ quy tắc của bộ biểu mẫu).`;

/** Runs one command and returns its exit code; bin/cchc.js sets it as `process.exitCode` so output drains. */
export async function main(argv: string[]): Promise<number> {
  stopOnOutputErrors();
  try {
    const code = await dispatch(argv);
    // A signal that came during synchronous work (an output being written) is handled before the end.
    await new Promise((resolve) => setImmediate(resolve));
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      complain(e.message);
      process.stderr.write(`\n${usageOf(argv[0])}\n`);
      return 2;
    }
    if (e instanceof OutputError || e instanceof RuleSetError || e instanceof CatalogError || e instanceof ExcelLimitError) {
      complain(e.message);
      return 2;
    }
    throw e;
  }
}

const COMMANDS = ["templates", "template", "check", "merge", "convert", "rules", "package"];

/** The usage of one command (its lines of USAGE, or the package commands'), the whole usage otherwise. */
function usageOf(command: string | undefined): string {
  if (command === "package") return PACKAGE_USAGE;
  if (!command || !COMMANDS.includes(command)) return USAGE;
  const lines = USAGE.split("\n");
  const own: string[] = [lines[0]];
  lines.forEach((line, i) => {
    if (!line.startsWith(`  cchc ${command} `)) return;
    own.push(line);
    // Its description, on the lines indented below it.
    for (let j = i + 1; j < lines.length && /^ {3,}\S/.test(lines[j]); j++) own.push(lines[j]);
  });
  return [...own, ...lines.filter((l) => !l.startsWith(" ") && l !== lines[0])].join("\n");
}

/** `--help` or `-h` among a command's arguments (before a "--", after which names are files). */
function asksHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

/** The command nearest a mistyped one ("chek" → "check"), if any is near. */
function nearestCommand(typed: string): string | undefined {
  let best: string | undefined;
  let score = 0.3;
  for (const c of COMMANDS) {
    const s = similarity(typed.toLowerCase(), c);
    if (s > score) [best, score] = [c, s];
  }
  return best;
}

async function dispatch(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command && COMMANDS.includes(command) && asksHelp(rest)) {
    sayLines(`${usageOf(command)}\n`);
    return 0;
  }
  switch (command) {
    case "templates":
      return listTemplates(rest);
    case "template":
      return writeTemplate(rest);
    case "check":
      return runCheck(rest);
    case "merge":
      return runMerge(rest);
    case "convert":
      return runConvert(rest);
    case "rules":
      return exportRules(rest);
    case "package":
      return runPackage(rest);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      if (command === undefined) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      sayLines(`${USAGE}\n`);
      return 0;
    default: {
      const near = nearestCommand(command);
      throw new UsageError(`Không có lệnh “${command}”.${near ? ` Có phải “cchc ${near}”?` : ""}`);
    }
  }
}

/** Prints or writes the rule set as one JSON file (validated on the way in and out). */
function exportRules(args: string[]): number {
  const { values } = parseCommandArgs({
    args,
    options: { rules: { type: "string" }, package: { type: "string" }, output: { type: "string", short: "o" } },
  });
  const guard = ruleSetOutput([values.rules ?? DEFAULT_RULES_FILE, ...(values.package ? [values.package] : [])]);
  // Refused before any work, so the answer is about the output, not about what the input holds.
  if (values.output) outputTarget(values.output, guard);
  // Through the package, so a rule naming an indicator no template has is refused as everywhere else.
  const p = packageOrReport(values.package, values.rules);
  if (!p) return 2;
  const text = serializeRuleSet(p.ruleSet);
  if (values.output) {
    writeOutputFile(values.output, text, guard);
    say(`Đã ghi bộ quy tắc vào ${values.output}.`);
  } else printJsonText(text);
  return 0;
}

function listTemplates(args: string[]): number {
  const { values } = parseCommandArgs({ args, options: { json: { type: "boolean" }, package: { type: "string" } } });
  const p = packageOrReport(values.package);
  if (!p) return 2;
  const catalog = p.catalog;
  const list = catalog.templates.map((t) => ({
    id: t.id,
    unitType: t.unitType,
    version: t.version,
    title: t.title,
    name: t.name,
    rows: t.rows.length,
  }));
  if (values.json) printJson(list);
  else for (const t of list) say(`${t.id.padEnd(16)} ${t.name} (${t.rows} dòng)`);
  return 0;
}

function writeTemplate(args: string[]): number {
  const { values } = parseCommandArgs({
    args,
    options: {
      template: { type: "string", short: "t" },
      period: { type: "string" },
      year: { type: "string" },
      "unit-name": { type: "string" },
      output: { type: "string", short: "o" },
      package: { type: "string" },
    },
  });
  const p = packageOrReport(values.package);
  if (!p) return 2;
  const catalog = p.catalog;
  const t = values.template ? catalog.byId.get(values.template) : undefined;
  if (!t) {
    const valid = `Các mã hợp lệ: ${catalog.templates.map((x) => x.id).join(", ")}`;
    complain(values.template ? `Không có biểu mẫu “${values.template}”. ${valid}` : `Thiếu mã biểu mẫu (--template <mã>). ${valid}`);
    return 2;
  }
  if (!values.output) {
    throw new UsageError("Thiếu tên tệp kết quả (-o <tệp.xlsx>).");
  }
  let period: Period | undefined;
  if (values.period || values.year) {
    const read = periodArg(values.period ?? "year", values.year ?? String(new Date().getFullYear()));
    if (!read.period) {
      complain(`Kỳ báo cáo không hợp lệ: ${read.problem}.`);
      return 2;
    }
    period = read.period;
  }
  const layout = buildTemplateLayout(t, { period, unitName: values["unit-name"] });
  writeOutputFile(values.output, writeXlsx([layout], nativeDeflater), workbookOutput([], catalog));
  say(`Đã ghi ${values.output} (${t.name}, ${t.rows.length} dòng).`);
  return 0;
}
