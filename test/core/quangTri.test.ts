/**
 * Quảng Trị's own 2026 commune appendix, authored and used end to end: headings, numbering and wording
 * unlike the built-in templates, submissions filled the way commune officers fill them.
 */
import { loadBuiltinPackage } from "../../src/adapters/node/packageFiles";
import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { proposeTemplate } from "../../src/core/authoring/author";
import { RelRow, inferRelations } from "../../src/core/authoring/relations";
import { appliedSeverity, proposalSeverity } from "../../src/core/authoring/review";
import { isValueRow } from "../../src/core/catalog/schema";
import { consolidate, mergeInput } from "../../src/core/consolidate/consolidate";
import { STATUS_SHEET, buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { addTemplate } from "../../src/core/package/package";
import { titleCandidates } from "../../src/core/recognize/unitEvidence";
import { QT_ROWS, qtTemplateXlsx, submissionXlsx } from "../support/quangTri";
import { QT_GUIDANCE_LINE, QT_UNITS, baseNumbers, quangTriCases } from "../support/quangTriSubmissions";

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

  test("cases received in the period are not the built-in count of cases received, which includes those carried over", () => {
    const received = proposal.review.find((r) => r.label === QT_ROWS.find((x) => x[0] === "hsNhan")![2])!;
    expect(received.id).not.toBe("procedures.cases.received");
    expect(received.evidence.join(" ")).toContain("chỉ tính số mới trong kỳ");
    // So solved ≤ received is a guess from wording here, a warning; a commune clearing its backlog is not wrong.
    expect(ruleOn("hsGiai")).toMatchObject({ confidence: "likely", existing: undefined, rule: { severity: "warning" } });
  });

  test("an inferred warning that an existing error rule already says is shown at the severity reports will meet", () => {
    const solved = { ...ruleOn("hsGiai")!, existing: "ho-so.da-giai-quyet<=tiep-nhan", existingSeverity: "error" as const };
    expect(proposalSeverity(solved)).toMatch(/^mức lỗi của quy tắc có sẵn “ho-so.da-giai-quyet<=tiep-nhan”/);
    expect(proposalSeverity(ruleOn("hsDungHan")!)).toBe("mức lỗi (cách trình bày của bảng nêu rõ)");
    // The pane's review marks it the same way.
    expect(appliedSeverity(solved)).toBe("error");
  });

  test("a commune's own one-stop centre is not the province centre of the province template's tiered items", () => {
    const row = proposal.review.find((r) => r.label === QT_ROWS.find((x) => x[0] === "tthcTtpv")![2])!;
    expect(row.id).not.toBe("procedures.vertical_one_stop.province");
    expect(row.status).toBe("new");
  });

  test("items each of a different kind (trực tuyến / trực tiếp) share out their total: a sum above it is found; no correct report is marked", () => {
    const rule = proposal.ruleReview.find((r) => r.rule.type === "compare" && r.rule.left.length === 2 && r.rule.left.includes(idOf("hsTrucTuyen")))!;
    expect(rule.rule).toMatchObject({ severity: "warning", right: [idOf("hsNhan")] });
    for (const k of quangTriCases()) {
      const r = checkReceivedFile(submissionXlsx(k.sub), k.sub.file, pkg.catalog, pkg.ruleSet);
      if (!r.ok) throw new Error(r.reason);
      const marked = [...new Set(r.findings.map((f) => QT_ROWS.find((x) => x[3] && f.indicator === idOf(x[0]))?.[0]))];
      expect([k.sub.file, marked.sort()]).toEqual([k.sub.file, [...k.truth.errors].sort()]);
    }
    const aiTu = quangTriCases().find((k) => k.sub.file === "Ai Tu - 6 thang.xlsx")!;
    const r = checkReceivedFile(submissionXlsx(aiTu.sub), aiTu.sub.file, pkg.catalog, pkg.ruleSet);
    if (!r.ok) throw new Error(r.reason);
    expect(r.findings.find((f) => f.rule === rule.rule.id)?.message).toContain("500 + 350 = 850");
  });

  test("the submissions to it read their own figures", () => {
    const lao = quangTriCases().find((k) => k.sub.file === "Lao Bao.xlsx")!;
    const r = checkReceivedFile(submissionXlsx(lao.sub), lao.sub.file, pkg.catalog, pkg.ruleSet);
    if (!r.ok) throw new Error(r.reason);
    expect(r.submission.template.id).toBe(template.id);
    expect(r.values.get(idOf("hsNhan"))?.number).toBe(baseNumbers(14).hsNhan);
  });
});

describe("who sent each Quảng Trị file", () => {
  const names = (lines: string[]) => titleCandidates(lines.map((text, i) => ({ text, where: `A${i + 1}` }))).map((c) => c.name);

  test("the guidance line copied with the table names its issuer, not the sender; a report's line names the sender", () => {
    expect(names([QT_GUIDANCE_LINE])).toEqual([]);
    expect(names(["(Kèm theo Hướng dẫn số 125/HD-SNV ngày 05/01/2026", "của Sở Nội vụ tỉnh Quảng Trị)"])).toEqual([]);
    expect(names(["(Kèm theo Báo cáo số 12/BC-UBND ngày 10/6/2026 của UBND xã Cam Lộ)"])).toEqual(["UBND xã Cam Lộ"]);
    // The template's title names a tier of government, not a unit.
    expect(names(["PHỤ LỤC THỐNG KÊ KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH CỦA UBND XÃ, PHƯỜNG, ĐẶC KHU"])).toEqual([]);
    expect(names(["THỐNG KÊ SỐ LIỆU CCHC CỦA UBND CẤP XÃ"])).toEqual([]);
    expect(names(["BIỂU THỐNG KÊ CCHC CỦA UBND XÃ/PHƯỜNG"])).toEqual([]);
    // "tại" pointing into the letter is not a place.
    expect(names(["Kết quả cụ thể như sau (chi tiết tại phụ lục kèm theo)"])).toEqual([]);
    expect(names(["Số liệu thống kê tại Biểu số 02 kèm theo"])).toEqual([]);
    expect(names(["TÌNH HÌNH THỰC HIỆN CCHC TẠI XÃ HƯỚNG HIỆP"])).toEqual(["Xã Hướng Hiệp"]);
    expect(names(["Kết quả cải cách hành chính trên địa bàn phường Đông Hà"])).toEqual(["phường Đông Hà"]);
  });

  test("a place ending the title after its period or a dash is the sender, named as written in a sentence", () => {
    expect(names(["BIỂU THỐNG KÊ SỐ LIỆU CCHC 6 THÁNG ĐẦU NĂM 2026 PHƯỜNG BA ĐỒN"])).toEqual(["Phường Ba Đồn"]);
    expect(names(["BÁO CÁO SỐ LIỆU CCHC QUÝ II VÀ 6 THÁNG ĐẦU NĂM 2026 - PHƯỜNG ĐÔNG HÀ"])).toEqual(["Phường Đông Hà"]);
    expect(names(["THỐNG KÊ SỐ LIỆU CCHC NĂM 2026 CỦA UBND XÃ ÁI TỬ"])).toEqual(["UBND xã Ái Tử"]);
    expect(names(["ỦY BAN NHÂN DÂN THỊ XÃ VĨNH CHÂU"])).toEqual(["Ủy ban nhân dân thị xã Vĩnh Châu"]);
    expect(names(["SỞ TÀI CHÍNH TỈNH SÓC TRĂNG"])).toEqual(["Sở Tài chính tỉnh Sóc Trăng"]);
  });

  test("merged with the province's list: every file's sender, the newer of two, other periods set aside, sums and rates right", () => {
    const cases = quangTriCases();
    const inputs = cases.map((k, i) => mergeInput(k.sub.file, checkReceivedFile(submissionXlsx(k.sub), k.sub.file, pkg.catalog, pkg.ruleSet), i));
    const c = consolidate(inputs, { period: { kind: "h1", year: 2026 }, expected: QT_UNITS.map((name) => ({ name })), unitTypes: pkg.unitTypes });
    const status = Object.fromEntries(c.files.map((f) => [f.fileName, [f.status, f.unitName]]));
    for (const k of cases) {
      if (k.truth.period !== "h1-2026") expect(status[k.sub.file][0]).toBe("otherPeriod");
      else if (k.sub.file === "BC CCHC Q2.2026 - Xa Tan Lap.xlsx") expect(status[k.sub.file]).toEqual(["duplicate", k.truth.unit]);
      else expect(status[k.sub.file]).toEqual(["read", k.truth.unit]);
    }
    expect(c.missing.sort()).toEqual(["UBND xã Bố Trạch", "UBND xã Cửa Việt", "UBND xã Gio Linh", "UBND xã Quảng Ninh"]);
    const merged = cases.filter((k) => status[k.sub.file][0] === "read");
    const total = (key: string) => merged.reduce((s, k) => s + (k.truth.numbers[key] ?? 0), 0);
    const row = (key: string) => c.rows.find((r) => r.indicator?.id === idOf(key))!.indicator!;
    for (const key of ["hsNhan", "hsGiai", "hsSoHoa", "vbDi", "vbKySo", "pakn", "tonTai"]) expect(row(key).total).toBe(total(key));
    expect(row("kinhPhi").total).toBeCloseTo(total("kinhPhi"), 6);
    // Rates: 100 × Σ numerators / Σ denominators, never the mean of the units' rates.
    expect(row("tlKySo").total).toBeCloseTo((100 * total("vbKySo")) / total("vbDi"), 2);
    expect(row("tlDungHan").total).toBeCloseTo((100 * total("hsDungHan")) / total("hsGiai"), 2);
    // "-" and "x" are nothing reported, not zero.
    expect(row("pakn").reported).toBe(merged.length - 1);
    // A listed unit that sent only another period's report: not reported, and the status says what it sent.
    const statusRows = buildMergeLayouts(c).find((l) => l.name === STATUS_SHEET)!.rows.map((r) => r.map((x) => String(x.value ?? "")));
    const gioLinh = statusRows.find((r) => r[1] === "UBND xã Gio Linh")!;
    expect(gioLinh[2]).toBe("Chưa nộp");
    expect(gioLinh[8]).toBe("Đã gửi báo cáo khác kỳ (“Gio Linh - Quy II 2026.xlsx”); chưa có báo cáo kỳ này.");
  });
});
