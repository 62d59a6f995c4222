/**
 * Quảng Trị's own 2026 commune appendix, authored and used end to end: headings, numbering and wording
 * unlike the built-in templates, submissions filled the way commune officers fill them.
 */
import { loadBuiltinPackage } from "../../src/adapters/node/packageFiles";
import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { proposeTemplate } from "../../src/core/authoring/author";
import { RelRow, inferRelations } from "../../src/core/authoring/relations";
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

  const ruleOn = (key: string) => proposal.ruleReview.find((r) => r.rule.type === "compare" && r.rule.left.length === 1 && r.rule.left[0] === idOf(key));

  test("“-” alone in the STT column and “a)” items are items of the numbered row above, as the layout states", () => {
    const item = ruleOn("tthcTtpv");
    expect(item?.rule).toMatchObject({ severity: "error", right: [idOf("tthc")] });
    expect(ruleOn("hsTrucTiep")?.rule).toMatchObject({ severity: "error", right: [idOf("hsNhan")] });
    expect(template.rows.find((r) => r.stt === "3")?.kind).toBe("group");
  });

  test("the total solved is compared with the total received, not with the item received in person", () => {
    expect(ruleOn("hsGiai")?.rule).toMatchObject({ right: [idOf("hsNhan")] });
    // Without the layout (no “-”), the narrowed row is still not the whole of a later, broader row.
    const rows: RelRow[] = [
      { stt: "5", label: "Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ", unit: "Hồ sơ", kind: "count" },
      { stt: "6", label: "Hồ sơ TTHC tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích", unit: "Hồ sơ", kind: "count" },
      { stt: "7", label: "Tổng số hồ sơ TTHC đã giải quyết", unit: "Hồ sơ", kind: "count" },
    ];
    const rel = inferRelations(rows);
    expect(rel.wholes.get(1)?.whole).toBe(0);
    expect(rel.wholes.get(2)?.whole).toBe(0);
  });

  test("a commune's own one-stop centre is not the province centre of the province template's tiered items", () => {
    const row = proposal.review.find((r) => r.label === QT_ROWS.find((x) => x[0] === "tthcTtpv")![2])!;
    expect(row.id).not.toBe("procedures.vertical_one_stop.province");
    expect(row.status).toBe("new");
  });

  test("the submissions to it read their own figures", () => {
    const lao = quangTriCases().find((k) => k.sub.file === "Lao Bao.xlsx")!;
    const r = checkReceivedFile(submissionXlsx(lao.sub), lao.sub.file, pkg.catalog, pkg.ruleSet);
    if (!r.ok) throw new Error(r.reason);
    expect(r.submission.template.id).toBe(template.id);
    expect(r.values.get(idOf("hsNhan"))?.number).toBe(baseNumbers(14).hsNhan);
  });
});
