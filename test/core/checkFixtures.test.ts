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
