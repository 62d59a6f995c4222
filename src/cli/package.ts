import { basename } from "path";
import { loadPackage } from "../adapters/node/packageFiles";
import { nativeInflateRaw } from "../adapters/node/nativeZip";
import { XlsxReadError } from "../adapters/xlsx/read";
import { readReceivedFile } from "../adapters/receivedFile";
import { ReceivedFileError } from "../adapters/readErrors";
import { AuthoringError, Proposal, RowEdit, proposeTemplate } from "../core/authoring/author";
import { reviewText, trialText } from "../core/authoring/review";
import { tryProposal } from "../core/authoring/trial";
import { Grid } from "../core/grid";
import { LoadedPackage, addTemplate, packageLabel, serializePackage } from "../core/package/package";
import { DEFAULT_RULES_FILE } from "../adapters/node/ruleFiles";
import { writeOutputFile } from "../adapters/node/outputFile";
import { UsageError, complain, complainLines, parseCommandArgs, printJsonText, readInputFile, say, sayLines } from "./io";
import { packageOutput } from "./outputs";

export const PACKAGE_USAGE = `Cách dùng:
  cchc package export [--package <tệp.json>] [--rules <tệp.json>] -o <tệp.json>
                                                  Xuất bộ biểu mẫu (mặc định: bộ có sẵn)
  cchc package add-template <trang.xlsx|báo cáo.docx|bảng.ods> --package <tệp.json> --unit-type cap-xa --unit-type-label "UBND cấp xã"
        --version 2026 [--name "…"] [--package-version 2026.1] [--try <báo cáo.xlsx>]… [--tie <tỷ lệ>=<tử số>/<mẫu số>]…
        -o <tệp mới.json>
                                                  Tạo biểu mẫu từ bảng chỉ tiêu, in bản rà soát và thêm vào bộ;
                                                  --try chạy thử các quy tắc trên báo cáo đã điền, --tie gắn một tỷ lệ`;

/** `cchc package export|add-template`: Sở Nội vụ's package, exported or extended from a sheet. */
export async function runPackage(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === "export") return exportPackage(rest);
    if (sub === "add-template") return addFromSheet(rest);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    // Package, rule-set, output, workbook and authoring errors all carry a Vietnamese message for the officer.
    complain(e instanceof Error ? e.message : String(e));
    return 2;
  }
  complainLines(sub ? `Lệnh không hợp lệ: package ${sub}\n\n${PACKAGE_USAGE}\n` : `${PACKAGE_USAGE}\n`);
  return 2;
}

function exportPackage(args: string[]): number {
  const { values } = parseCommandArgs({ args, options: { package: { type: "string" }, rules: { type: "string" }, output: { type: "string", short: "o" } } });
  const p = loadPackage(values.package, values.rules);
  return write(p, values.output, [values.package, values.rules ?? DEFAULT_RULES_FILE]);
}

/** `inputs`: every file the command read; the output may be none of them. */
function write(p: LoadedPackage, output: string | undefined, inputs: (string | undefined)[]): number {
  const text = serializePackage(p);
  if (!output) {
    printJsonText(text);
    return 0;
  }
  writeOutputFile(output, text, packageOutput(inputs.filter((f): f is string => !!f)));
  say(`Đã ghi ${packageLabel(p)} vào ${output} (${p.catalog.templates.length} biểu mẫu, ${p.ruleSet.rules.length} quy tắc).`);
  return 0;
}

function addFromSheet(args: string[]): number {
  const { values, positionals } = parseCommandArgs({
    args,
    allowPositionals: true,
    options: {
      package: { type: "string" },
      rules: { type: "string" },
      "unit-type": { type: "string" },
      "unit-type-label": { type: "string" },
      version: { type: "string" },
      name: { type: "string" },
      id: { type: "string" },
      "package-version": { type: "string" },
      output: { type: "string", short: "o" },
      try: { type: "string", multiple: true },
      tie: { type: "string", multiple: true },
    },
  });
  const file = positionals[0];
  const missing = [
    !file && "tệp chứa bảng chỉ tiêu (.xlsx, .docx, .ods)",
    !values["unit-type"] && "--unit-type",
    !values.version && "--version",
    !values.output && "-o <tệp.json>",
  ].filter(Boolean);
  if (missing.length) {
    complainLines(`Thiếu ${missing.join(", ")}.\n\n${PACKAGE_USAGE}\n`);
    return 2;
  }
  const p = loadPackage(values.package, values.rules);
  const unitType = values["unit-type"]!;
  const known = p.unitTypes.find((u) => u.id === unitType);
  const label = values["unit-type-label"] ?? known?.label;
  if (!label) {
    complain(`Loại đơn vị “${unitType}” chưa có trong bộ biểu mẫu: cần --unit-type-label "…" (tên tiếng Việt).`);
    return 2;
  }
  const bytes = readInputFile(file);
  if (!bytes) return 2;
  let grids: Grid[];
  try {
    grids = readReceivedFile(bytes, basename(file), nativeInflateRaw).grids;
  } catch (e) {
    complain(`Không đọc được tệp “${basename(file)}”: ${e instanceof XlsxReadError || e instanceof ReceivedFileError ? e.message : "tệp bị hỏng."}`);
    return 2;
  }
  const opts = {
    unitType,
    unitTypeLabel: label,
    version: values.version!,
    name: values.name,
    templateId: values.id,
    source: `Tạo từ tệp “${basename(file)}”`,
  };
  let proposal = firstTable(grids, p, opts);
  if (values.tie?.length) {
    const edits = tiesOf(values.tie, proposal);
    if (!edits) return 2;
    proposal = firstTable(grids, p, { ...opts, edits });
  }
  sayLines(reviewText(proposal));
  if (values.try?.length) {
    const tried: { fileName: string; grids: Grid[] }[] = [];
    for (const f of values.try) {
      const b = readInputFile(f);
      if (!b) return 2;
      try {
        tried.push({ fileName: basename(f), grids: readReceivedFile(b, basename(f), nativeInflateRaw).grids });
      } catch (e) {
        complain(`Không đọc được tệp “${basename(f)}”: ${e instanceof XlsxReadError || e instanceof ReceivedFileError ? e.message : "tệp bị hỏng."}`);
        return 2;
      }
    }
    sayLines("\n" + trialText(tryProposal(proposal, p, tried)));
  }
  const next = addTemplate(p, {
    template: proposal.template,
    rules: proposal.rules,
    unitType: known ?? { id: unitType, label, order: Math.max(0, ...p.unitTypes.map((u) => u.order)) + 1 },
    version: values["package-version"],
  });
  say();
  return write(next, values.output, [file, values.package, values.rules ?? DEFAULT_RULES_FILE]);
}

/** "--tie rate=numerator/denominator" → the review's edits; undefined (after saying why) when an ID is not in the table. */
function tiesOf(ties: string[], p: Proposal): Map<number, RowEdit> | undefined {
  const edits = new Map<number, RowEdit>();
  for (const t of ties) {
    const m = /^([^=]+)=([^/]+)\/(.+)$/.exec(t.trim());
    const at = m ? p.review.findIndex((r) => r.id === m[1].trim()) : -1;
    const known = (id: string) => p.review.some((r) => r.id === id.trim());
    if (!m || at < 0 || p.review[at].kind !== "percent" || !known(m[2]) || !known(m[3])) {
      complain(`--tie “${t}”: cần dạng <mã tỷ lệ>=<mã tử số>/<mã mẫu số>, với các mã có trong bản rà soát.`);
      return undefined;
    }
    edits.set(at, { numerator: m[2].trim(), denominator: m[3].trim() });
  }
  return edits;
}

/** The first sheet of the workbook holding an indicator table. */
function firstTable(grids: Grid[], p: LoadedPackage, opts: Parameters<typeof proposeTemplate>[2]): Proposal {
  let first: unknown;
  for (const g of grids) {
    try {
      return proposeTemplate(g, p, opts);
    } catch (e) {
      if (!(e instanceof AuthoringError)) throw e;
      first ??= e;
    }
  }
  throw first instanceof Error ? first : new AuthoringError("Sổ làm việc không có trang tính nào.");
}
