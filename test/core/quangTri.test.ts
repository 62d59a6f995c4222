/**
 * Quảng Trị's own 2026 commune appendix, authored and used end to end: headings, numbering and wording
 * unlike the built-in templates, submissions filled the way commune officers fill them.
 */
import { loadBuiltinPackage } from "../../src/adapters/node/packageFiles";
import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { proposeTemplate } from "../../src/core/authoring/author";
import { isValueRow } from "../../src/core/catalog/schema";
import { addTemplate } from "../../src/core/package/package";
import { QT_ROWS, qtTemplateXlsx, submissionXlsx } from "../support/quangTri";
import { baseNumbers, quangTriCases } from "../support/quangTriSubmissions";

const builtin = loadBuiltinPackage();
const sheet = readXlsx(qtTemplateXlsx())[0];
const proposal = proposeTemplate(sheet, builtin, { unitType: "cap-xa", unitTypeLabel: "UBND cấp xã", version: "2026" });
const pkg = addTemplate(builtin, { template: proposal.template, rules: proposal.rules });
const template = pkg.catalog.byId.get(proposal.template.id)!;
const idOf = (key: string): string => {
  const label = QT_ROWS.find((r) => r[0] === key)![2];
  const row = template.rows.find((r) => r.label === label);
  if (!row || !isValueRow(row)) throw new Error(key);
  return row.id;
};

describe("Quảng Trị's commune appendix", () => {
  test("a table headed “Nội dung chỉ tiêu … Kết quả thực hiện” is read as an indicator table", () => {
    expect(template.rows).toHaveLength(QT_ROWS.length);
    expect(template.rows.map((r) => r.stt)).toEqual(QT_ROWS.map((r) => r[1].replace(/\.$/, "")));
  });

  test("the submissions to it read their own figures", () => {
    const lao = quangTriCases().find((k) => k.sub.file === "Lao Bao.xlsx")!;
    const r = checkReceivedFile(submissionXlsx(lao.sub), lao.sub.file, pkg.catalog, pkg.ruleSet);
    if (!r.ok) throw new Error(r.reason);
    expect(r.submission.template.id).toBe(template.id);
    expect(r.values.get(idOf("hsNhan"))?.number).toBe(baseNumbers(14).hsNhan);
  });
});
