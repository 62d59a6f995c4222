import { Template, ValueRow, isValueRow } from "../../src/core/catalog/schema";
import { Consolidation, consolidate } from "../../src/core/consolidate/consolidate";
import { address } from "../../src/core/grid";
import { buildReportLayout } from "../../src/core/layout/reportLayout";
import { STYLES } from "../../src/core/layout/sheetLayout";
import { TEMPLATE_FIRST_DATA_ROW } from "../../src/core/layout/templateLayout";
import { ProvinceReport, REPORT_SHEET, buildProvinceReport, reportJson } from "../../src/core/report/provinceReport";
import { catalog, ruleSet } from "../support/data";
import { PROVINCE, provinceInputs, provinceWorkbook } from "../support/province";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { checkGrids } from "../../src/core/check/check";

const tinh = catalog.byId.get("tinh-2023")!;
let c: Consolidation;
let report: ProvinceReport;

beforeAll(() => {
  c = consolidate(provinceInputs());
  report = buildProvinceReport(c, tinh, ruleSet);
});

const row = (id: string) => report.rows.find((r) => r.id === id)!;
const total = (id: string) => c.rows.find((r) => r.indicator?.id === id)!.indicator!.total;
const templateRow = (id: string) => tinh.rows.find((r) => isValueRow(r) && r.id === id) as ValueRow;

describe("the province's own report (tinh-2023 layout)", () => {
  it("merges a province of four departments and two districts for Quý I 2023", () => {
    expect(c.units.map((u) => u.unitName).sort()).toEqual(
      ["Sở Nội vụ", "Sở Nông nghiệp và PTNT", "Sở TNMT", "Sở Tư pháp", "Ủy ban nhân dân huyện Cù Lao Dung", "Ủy ban nhân dân huyện Long Phú"].sort(),
    );
    expect(report.period).toEqual({ kind: "q1", year: 2023 });
  });

  it("rows designated to a body carry that body's figure, not the sum of every unit", () => {
    expect(row("institution.legal_docs.issued_province")).toMatchObject({ value: 20, source: "Theo báo cáo của Sở Tư pháp", basis: "body" });
    expect(total("institution.legal_docs.issued_province")).toBeGreaterThan(20);
    expect(row("institution.legal_docs.issued_province_council")).toMatchObject({ value: 8, source: "Theo báo cáo của Sở Tư pháp" });
    expect(row("direction.plan.directive_documents")).toMatchObject({ value: 30, source: "Theo báo cáo của Sở Nội vụ" });
    expect(row("organisation.management_boards")).toMatchObject({ value: 3, source: "Theo báo cáo của Sở Nội vụ" });
  });

  it("other rows take the aggregate of the units and say so", () => {
    const r = row("procedures.published_new");
    expect(r.value).toBe(total("procedures.published_new"));
    expect(r.basis).toBe("units");
    expect(r.source).toBe("Văn phòng UBND tỉnh chưa báo cáo số liệu này; tổng 6/6 đơn vị");
    // Rows of a unit type: the two districts only.
    const d = c.units.filter((u) => u.unitType === "cap-huyen").map((u) => u.values.get("procedures.cases_commune.received")!.number!);
    expect(row("procedures.cases_commune.received")).toMatchObject({ value: d[0] + d[1], source: "Tổng 2/2 UBND cấp huyện" });
  });

  it("indicators of other templates line up by indicator ID", () => {
    const nn = c.units.find((u) => u.template.id === "so-nganh-2023")!;
    const v = nn.values.get("procedures.published_new")!.number!;
    expect(v).toBeGreaterThan(0);
    expect(row("procedures.published_new").value).toBe(total("procedures.published_new"));
    const others = c.units.filter((u) => u !== nn).reduce((s, u) => s + (u.values.get("procedures.published_new")?.number ?? 0), 0);
    expect(row("procedures.published_new").value).toBe(others + v);
  });

  it("recomputes rates from the figures it uses", () => {
    expect(row("direction.plan.completion_rate")).toMatchObject({ value: 90, basis: "rate", recomputed: true });
    expect(row("direction.plan.completion_rate").source).toContain("100 × 45 / 50");
    const n = row("procedures.cases_commune.solved_on_time").value!;
    const d = row("procedures.cases_commune.solved").value!;
    expect(row("procedures.cases_commune.on_time_rate").value).toBe(Math.round((10000 * n) / d) / 100);
    expect(row("institution.legal_docs_check.handled_rate")).toMatchObject({ value: 50, source: "Tính lại: 100 × 3 / 6 (Theo báo cáo của Sở Tư pháp)" });
  });

  it("leaves what nobody reported blank, never 0, and lists who must send it", () => {
    expect(row("digital.architecture.updated")).toMatchObject({ value: null, basis: "none" });
    expect(row("organisation.interagency_bodies").value).toBeNull();
    expect(row("procedures.cases_vertical.received").value).toBeNull();
    const owed = (who: string) => report.missing.find((m) => m.who === who)?.rows.map((r) => r.id) ?? [];
    expect(owed("Sở Thông tin và Truyền thông")).toContain("digital.architecture.updated");
    expect(owed("Sở Nội vụ")).toContain("organisation.interagency_bodies");
    expect(owed("Cơ quan ngành dọc")).toContain("procedures.cases_vertical.received");
    // Only blanks are listed.
    const listed = new Set(report.missing.flatMap((m) => m.rows.map((r) => r.id)));
    for (const r of report.rows) if (r.id && listed.has(r.id)) expect(r.value).toBeNull();
  });

  it("checks itself with the shared rule set, locating findings on the report sheet", () => {
    // Summing the departments' case files gives on-time > solved (Sở TNMT's own error carried into the sum).
    const i = tinh.rows.indexOf(templateRow("procedures.cases.solved_on_time"));
    const f = report.findings.find((x) => x.rule === "ho-so.dung-han<=da-giai-quyet");
    expect(f?.cell).toBe(address(TEMPLATE_FIRST_DATA_ROW + i, 3));
    expect(f?.message).toContain(String(row("procedures.cases.solved").value!.toLocaleString("vi-VN")));
    expect(report.findings.every((x) => x.row > TEMPLATE_FIRST_DATA_ROW)).toBe(true);
  });

  it("finds a designated body under the abbreviation it writes its name with", () => {
    const vp = PROVINCE.find((p) => p.file === "so-tu-phap.xlsx")!;
    const file = "vp-ubnd.xlsx";
    const bytes = provinceWorkbook({
      ...vp,
      file,
      rename: [["QUÝ II TẠI SỞ TÀI NGUYÊN MÔI TRƯỜNG", "QUÝ I NĂM 2023"], ["/BC-STNMT ngày / 12 / 2023 của Sở TNMT", "/BC-VP ngày / 3 / 2023 của VP.UBND tỉnh Khánh Hòa"]],
      values: { "procedures.published_new": 7 },
    });
    const withVp = consolidate([...provinceInputs(), { fileName: file, result: checkGrids(readXlsx(bytes), catalog, ruleSet, file) }]);
    expect(withVp.units.map((u) => u.unitName)).toContain("VP.UBND tỉnh Khánh Hòa");
    const r = buildProvinceReport(withVp, tinh, ruleSet).rows.find((x) => x.id === "procedures.published_new");
    expect(r).toMatchObject({ value: 7, source: "Theo báo cáo của Văn phòng UBND tỉnh" });
  });

  it("a province package can override any row's reporter", () => {
    const t: Template = {
      ...tinh,
      rows: tinh.rows.map((r) => (isValueRow(r) && r.id === "institution.legal_docs.issued_province" ? { ...r, reporter: { text: "Sở Nội vụ báo cáo", bodies: ["Sở Nội vụ"] } } : r)),
    };
    const own = buildProvinceReport(c, t, ruleSet);
    const nv = c.units.find((u) => u.unitName === "Sở Nội vụ")!.values.get("institution.legal_docs.issued_province")!.number;
    expect(own.rows.find((r) => r.id === "institution.legal_docs.issued_province")).toMatchObject({ value: nv, source: "Theo báo cáo của Sở Nội vụ" });
  });

  it("a template without the column aggregates every unit, as the merge does", () => {
    const t = catalog.byId.get("so-nganh-2023")!;
    const own = buildProvinceReport(c, t, ruleSet);
    for (const r of own.rows) {
      if (!r.id || r.kind !== "count") continue;
      expect(r.value).toBe(total(r.id));
    }
  });

  it("JSON: template, period, rows with id, stt, label, unit, value, source; missing; findings", () => {
    const j = reportJson(report);
    expect(j.template).toBe("tinh-2023");
    expect(j.rows[0]).toEqual({ id: "direction.plan.directive_documents", stt: "1.1", label: expect.any(String), unit: "Văn bản", value: 30, source: "Theo báo cáo của Sở Nội vụ" });
    expect(j.rows.length).toBe(tinh.rows.filter(isValueRow).length);
    expect(j.missing.length).toBeGreaterThan(0);
    expect(j.findings.length).toBe(report.findings.length);
  });
});

describe("the report sheet", () => {
  it("is the template's official layout with a source column, the missing list and the findings", () => {
    const l = buildReportLayout(report);
    expect(l.name).toBe(REPORT_SHEET);
    expect(l.rows[0][0].value).toBe(tinh.title);
    expect(l.rows[1][0].value).toBe("QUÝ I NĂM 2023");
    expect(String(l.rows[2][0].value)).toMatch(/^\(Kèm theo Báo cáo số .* của UBND tỉnh …\)$/);
    expect(l.rows[4].map((x) => x.value)).toEqual(["STT", "Chỉ tiêu thống kê", "Kết quả thống kê", undefined, tinh.noteHeader, "Nguồn số liệu"]);
    expect(l.landscape).toBe(true);
    expect(l.printTitleRows).toEqual([5, 6]);
    tinh.rows.forEach((t, i) => {
      const cells = l.rows[TEMPLATE_FIRST_DATA_ROW + i];
      expect(cells[1].value).toBe(t.label);
      if (t.kind === "section") expect(STYLES[cells[1].style!].bold).toBe(true);
      if (!isValueRow(t)) return;
      const r = report.rows[i];
      expect(cells[3].value).toBe(r.value);
      expect(cells[5].value).toBe(r.source);
    });
    const rate = TEMPLATE_FIRST_DATA_ROW + tinh.rows.indexOf(templateRow("direction.plan.completion_rate"));
    expect(l.rows[rate][3].formula).toMatch(/ROUND\(D\d+\/D\d+\*100,2\)/);
    const text = l.rows.map((r) => r.map((x) => x.value ?? "").join(" ")).join("\n");
    expect(text).toContain("CÒN THIẾU");
    expect(text).toMatch(/Sở Thông tin và Truyền thông cần gửi: 7\.1 /);
    expect(text).toContain("KẾT QUẢ KIỂM TRA BÁO CÁO");
    for (const f of report.findings) expect(text).toContain(f.message);
  });
});
