import { readXlsx } from "../../src/adapters/xlsx/read";
import { checkGrids } from "../../src/core/check/check";
import { checkAgainstPrevious, previousFromGrids, withPrevious } from "../../src/core/compare/source";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { Period, PeriodKind, notPreviousOf } from "../../src/core/period";
import { catalog, ruleSet } from "../support/data";
import { retitled } from "../support/periods";
import { provinceInputs } from "../support/province";

const p = (kind: PeriodKind, year = 2026): Period => ({ kind, year });

describe("which period may serve as the previous one", () => {
  it("an earlier period of the same year, or the same period of the year before", () => {
    expect(notPreviousOf(p("q1"), p("q2"))).toBeUndefined();
    expect(notPreviousOf(p("q1"), p("h1"))).toBeUndefined();
    expect(notPreviousOf(p("h1"), p("q3"))).toBeUndefined();
    expect(notPreviousOf(p("m9"), p("year"))).toBeUndefined();
    expect(notPreviousOf(p("q2", 2025), p("q2"))).toBeUndefined();
  });

  it("a later period, one ending together, another year's other period, or the same period: said", () => {
    expect(notPreviousOf(p("q2"), p("q1"))).toBe("tệp kỳ trước là Quý II năm 2026, không phải kỳ trước của Quý I năm 2026 (cần một kỳ sớm hơn của năm 2026 hoặc Quý I năm 2025)");
    expect(notPreviousOf(p("q2"), p("h1"))).toMatch(/không phải kỳ trước/);
    expect(notPreviousOf(p("q4", 2025), p("q1"))).toMatch(/không phải kỳ trước/);
    expect(notPreviousOf(p("q1", 2024), p("q1"))).toMatch(/không phải kỳ trước/);
    expect(notPreviousOf(p("q1"), p("q1"))).toBe("tệp kỳ trước cũng là Quý I năm 2026, chính kỳ này");
  });
});

describe("a wrong previous period is said, not compared", () => {
  const name = "000-so-nong-nghiep-q1-2023-text.xlsx";
  const current = checkGrids(readXlsx(retitled(name, "QUÝ I NĂM 2026")), catalog, ruleSet, "quy-1.xlsx");

  it.each([
    ["QUÝ II NĂM 2026", /Không so sánh với kỳ trước: tệp kỳ trước là Quý II năm 2026, không phải kỳ trước của Quý I năm 2026/],
    ["QUÝ I NĂM 2026", /Không so sánh với kỳ trước: tệp kỳ trước cũng là Quý I năm 2026, chính kỳ này/],
  ])("a unit's report of %s for Quý I", (title, note) => {
    const previous = previousFromGrids(readXlsx(retitled(name, title)), catalog, ruleSet, "truoc.xlsx");
    const compared = checkAgainstPrevious(current, previous, ruleSet);
    expect(compared.note).toMatch(note);
    expect(compared.result).toBe(current);
  });

  it("a unit's report of the year before's Quý I is compared", () => {
    const previous = previousFromGrids(readXlsx(retitled(name, "QUÝ I NĂM 2025")), catalog, ruleSet, "truoc.xlsx");
    expect(checkAgainstPrevious(current, previous, ruleSet).note).toBeUndefined();
  });

  it("a consolidation of a later period leaves the merge as it was", () => {
    const merged = consolidate(provinceInputs(), { period: p("q1", 2023) });
    const units = new Map([...merged.units].map((u) => [u.unitName, { name: u.unitName, values: new Map([["x", 1]]) }]));
    expect(withPrevious(merged, { fileName: "quy-2.xlsx", period: p("q2", 2023), units }, ruleSet)).toBe(merged);
  });
});
