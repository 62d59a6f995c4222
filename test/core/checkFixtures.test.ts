import { readXlsx } from "../../src/adapters/xlsx/read";
import { checkGrids } from "../../src/core/check/check";
import { buildTemplateLayout } from "../../src/core/layout/templateLayout";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { FIXTURES, catalog, checkFixture, ruleSet } from "../support/data";

/** Every fixture exists typed (numbers as Excel stores them) and as text: the verdict must be the same. */
const both = (base: string) => [`${base}.xlsx`, `${base}-text.xlsx`];

function errors(name: string) {
  return checkFixture(name).findings.filter((f) => f.severity === "error");
}

describe("checking the seed submissions", () => {
  it.each(both(FIXTURES.nongNghiep))("000: 1128 + 338 electronic documents exceed the 1.129 sent (%s)", (name) => {
    const r = checkFixture(name);
    expect(r.submission.template.id).toBe("so-nganh-2023");
    const docs = r.findings.filter((f) => f.rule === "van-ban.dien-tu+song-song-giay<=tong");
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ severity: "error", cell: "D173", row: 173 });
    expect(docs[0].message).toContain("1.129");
    expect(docs[0].message).toContain("1.128 + 338 = 1.466");
    // 56,52 % = 13 / 23 is consistent.
    expect(r.values.get("direction.plan.completion_rate")?.number).toBe(56.52);
    expect(r.findings.filter((f) => f.indicator === "direction.plan.completion_rate")).toEqual([]);
    expect(errors(name)).toHaveLength(1);
  });

  it.each(both(FIXTURES.thongTin))("001: 3036 = 2796 + 240 passes; the blank completion rate is reported (%s)", (name) => {
    const r = checkFixture(name);
    expect(r.findings.filter((f) => f.indicator?.startsWith("digital.documents"))).toEqual([]);
    const blank = r.findings.find((f) => f.rule === "ty-le.hoan-thanh-ke-hoach-cchc");
    expect(blank?.message).toContain("để trống");
    expect(blank?.message).toContain("87,23");
    expect(errors(name)).toEqual([]);
  });

  it.each(both(FIXTURES.taiChinh))("002: the “1” typed under Ghi chú is found (%s)", (name) => {
    const r = checkFixture(name);
    expect(r.submission.template.id).toBe("so-nganh-2021");
    expect(errors(name).map((f) => [f.rule, f.cell])).toEqual([["cau-truc.so-lieu-o-cot-ghi-chu", "E55"]]);
  });

  it.each(both(FIXTURES.cuLaoDung))("003: numbers on heading rows and “%” on a count of tasks (%s)", (name) => {
    const r = checkFixture(name);
    expect(r.submission.template.id).toBe("cap-huyen-2023");
    const es = errors(name);
    const headingCells = es.filter((f) => f.rule === "cau-truc.so-lieu-dong-tieu-de").map((f) => f.cell);
    expect(headingCells).toEqual(expect.arrayContaining(["D26", "D34", "D99", "D169"]));
    expect(es.find((f) => f.rule === "cau-truc.doi-don-vi-tinh")).toMatchObject({ cell: "C11" });
    // "1.145" is 1145 case files, so 611 solved ≤ 1145 received holds.
    expect(r.values.get("procedures.cases.received")?.number).toBe(1145);
    expect(es.filter((f) => !["cau-truc.so-lieu-dong-tieu-de", "cau-truc.doi-don-vi-tinh"].includes(f.rule))).toEqual([]);
  });

  it.each(both(FIXTURES.taiNguyen))("004: on-time files above solved files, the block shifted right in section 7 (%s)", (name) => {
    const r = checkFixture(name);
    expect(r.submission.template.id).toBe("tinh-2023");
    const es = errors(name);
    const onTime = es.find((f) => f.rule === "ho-so.dung-han<=da-giai-quyet");
    expect(onTime?.message).toMatch(/D92 = 177\.190.*D91 = 171\.544/);
    const shifted = es.filter((f) => f.rule === "cau-truc.lech-cot");
    expect(shifted.length).toBeGreaterThanOrEqual(10);
    expect(shifted.every((f) => f.row >= 200 && f.row <= 220)).toBe(true);
    // 112 = 92 + 19 + 01 is consistent.
    expect(r.values.get("procedures.in_force.total")?.number).toBe(112);
    expect(r.findings.filter((f) => f.rule.startsWith("tthc-hieu-luc"))).toEqual([]);
  });

  it("gives the same findings for the typed and the all-text copy of every seed", () => {
    for (const base of Object.values(FIXTURES)) {
      const [typed, text] = both(base).map((n) => checkFixture(n).findings.map((f) => `${f.rule}@${f.cell}`));
      expect(text).toEqual(typed);
    }
  });

  it("raises no error on any blank template", () => {
    for (const t of catalog.templates) {
      const bytes = writeXlsx([buildTemplateLayout(t, { period: { kind: "q1", year: 2024 }, unitName: "Sở Nội vụ" })]);
      const r = checkGrids(readXlsx(bytes), catalog, ruleSet, "mau.xlsx");
      if (!r.ok) throw new Error(r.reason);
      expect(r.submission.template.id).toBe(t.id);
      expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    }
  });
});

describe("blank totals and totals of overlapping parts on the seed submissions", () => {
  const warnings = (name: string, rule: string) => checkFixture(name).findings.filter((f) => f.rule === rule);

  it.each(both(FIXTURES.cuLaoDung))("003: 389 TTHC against 275 + 130 = 405 is a warning quoting the note that explains it (%s)", (name) => {
    const f = warnings(name, "tthc-hieu-luc.huyen+xa-co-the-trung");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", cell: "D72" });
    expect(f[0].message).toContain("389");
    expect(f[0].message).toContain("275 + 130 = 405");
    expect(f[0].message).toContain("chênh lệch 16");
    expect(f[0].message).toContain("“Trong đó có 16 TTHC dùng chung cấp huyện và cấp xã”");
    expect(f[0].message).toContain("giải thích đúng chênh lệch");
  });

  it.each(both(FIXTURES.cuLaoDung))("003: outgoing-document totals left blank over filled parts are warnings with the sum (%s)", (name) => {
    const f = checkFixture(name).findings.filter((x) => x.rule.startsWith("trong."));
    expect(f.map((x) => [x.rule, x.cell, x.severity])).toEqual([
      ["trong.van-ban.tong", "D184", "warning"],
      ["trong.van-ban-xa.tong", "D190", "warning"],
    ]);
    expect(f[0].message).toMatch(/để trống.*1\.217\).*1\.187\) = 2\.404/);
    expect(f[1].message).toMatch(/583\).*510\) = 1\.093/);
  });

  it.each(both(FIXTURES.taiNguyen))("004: the province's VBQPPL total, the ĐVSNCL totals and the BCCI total left blank (%s)", (name) => {
    const f = checkFixture(name).findings.filter((x) => x.rule.startsWith("trong."));
    expect(f.map((x) => [x.rule, x.cell])).toEqual([
      ["trong.vbqppl.tong-cac-cap", "D39"],
      ["trong.dvsncl.tong", "D174"],
      ["trong.dvsncl.tu-chu-mot-phan", "D177"],
      ["trong.bcci.tong", "D240"],
    ]);
    expect(f.every((x) => x.severity === "warning")).toBe(true);
    expect(f[1].message).toContain("= 3");
    expect(f[3].message).toContain("các dòng chi tiết");
  });

  it("000, 001 and 002 have no blank total over filled parts", () => {
    for (const base of [FIXTURES.nongNghiep, FIXTURES.thongTin, FIXTURES.taiChinh])
      expect(checkFixture(`${base}.xlsx`).findings.filter((x) => x.rule.startsWith("trong.") || x.rule.endsWith("co-the-trung"))).toEqual([]);
  });
});

describe("the deeper checks add no error to the seed submissions", () => {
  // Error cells of rule set 2023.1 (before blank totals, overlapping parts and per-side missing values).
  const before: Record<string, string[]> = {
    [FIXTURES.nongNghiep]: ["D173"],
    [FIXTURES.thongTin]: [],
    [FIXTURES.taiChinh]: ["E55"],
    [FIXTURES.cuLaoDung]: ["C11", "D26", "D34", "D45", "D52", "D99", "D110", "D125", "D131", "D134", "D153", "D169"],
    [FIXTURES.taiNguyen]: ["D92", "D150", "D162", "D202", "D203", "D204", "D205", "D206", "D208", "D209", "D210", "D212", "D213", "D214", "D215", "D216", "C244"],
  };
  it.each(Object.entries(before))("%s: the same error cells, one finding per cell and rule", (base, cells) => {
    for (const name of both(base)) {
      const es = errors(name);
      expect([...new Set(es.map((f) => f.cell))].sort()).toEqual([...cells].sort());
      const keys = es.map((f) => `${f.rule}@${f.cell}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
