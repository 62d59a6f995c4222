import { readFileSync } from "fs";
import { DEFAULT_RULES_FILE } from "../../src/adapters/node/ruleFiles";
import { isValueRow } from "../../src/core/catalog/schema";
import { checkGrids } from "../../src/core/check/check";
import { Cell } from "../../src/core/grid";
import { RuleSetError, parseRuleSet, serializeRuleSet } from "../../src/core/rules/schema";
import { catalog, ruleSet } from "../support/data";
import { checkFilled, filled } from "../support/filledSheet";

function check(values: Record<string, Cell["value"]>, templateId?: string) {
  return checkFilled(values, templateId).findings;
}

describe("the rule set as data", () => {
  it("is valid, and survives export to one JSON file and loading back", () => {
    const text = serializeRuleSet(ruleSet);
    expect(parseRuleSet(text)).toEqual(ruleSet);
    expect(parseRuleSet(readFileSync(DEFAULT_RULES_FILE, "utf8"))).toEqual(ruleSet);
  });

  it("rejects a broken rule set with a Vietnamese message", () => {
    expect(() => parseRuleSet("{")).toThrow(RuleSetError);
    expect(() => parseRuleSet({ version: "1", name: "x", unitSynonyms: [], rules: [{ id: "a", type: "compare" }] })).toThrow(/Bộ quy tắc không hợp lệ/);
  });

  it("names only indicators that exist in some template (a renamed ID would silently disable a rule)", () => {
    const ids = new Set(catalog.templates.flatMap((t) => t.rows.filter(isValueRow).map((r) => r.id)));
    for (const rule of ruleSet.rules) {
      const used =
        rule.type === "compare"
          ? [...rule.left, ...rule.right]
          : rule.type === "rate"
            ? [rule.rate, rule.numerator, rule.denominator]
            : rule.type === "codedDetails"
              ? [rule.coded, ...rule.details]
              : rule.type === "blankTotal" || rule.type === "overlap"
                ? [rule.total, ...rule.parts]
                : [];
      for (const id of used) expect([rule.id, id, ids.has(id)]).toEqual([rule.id, id, true]);
    }
  });

  it("has a rate rule for every rate the catalog recomputes", () => {
    const rates = new Set(ruleSet.rules.flatMap((r) => (r.type === "rate" ? [r.rate] : [])));
    for (const t of catalog.templates)
      for (const r of t.rows.filter(isValueRow)) if (r.aggregate.type === "ratio") expect([r.id, rates.has(r.id)]).toEqual([r.id, true]);
  });
});

describe("rules on a filled sheet", () => {
  it("is silent on a consistent sheet", () => {
    const f = check({ "direction.plan.tasks_planned": 20, "direction.plan.tasks_done": 15, "direction.plan.completion_rate": 75 });
    expect(f).toEqual([]);
  });

  it("reports a part larger than its whole with both cells and values", () => {
    const f = check({ "direction.plan.tasks_planned": 20, "direction.plan.tasks_done": 25 });
    const e = f.find((x) => x.rule === "ke-hoach.hoan-thanh<=de-ra");
    expect(e?.severity).toBe("error");
    expect(e?.message).toMatch(/\(D\d+ = 25\).*\(D\d+ = 20\)/);
  });

  it("reports a rate that disagrees with its parts, within rounding", () => {
    expect(check({ "direction.plan.tasks_planned": 23, "direction.plan.tasks_done": 13, "direction.plan.completion_rate": 57 })).toEqual([]);
    // Truncated instead of rounded (56,52 → 56) is still the officer's rounding, not an error.
    expect(check({ "direction.plan.tasks_planned": 23, "direction.plan.tasks_done": 13, "direction.plan.completion_rate": 56 })).toEqual([]);
    const f = check({ "direction.plan.tasks_planned": 23, "direction.plan.tasks_done": 13, "direction.plan.completion_rate": 60 });
    expect(f.find((x) => x.rule === "ty-le.hoan-thanh-ke-hoach-cchc")?.message).toContain("56,52");
  });

  it("reports a “Không = 0” answer contradicted by its details", () => {
    const f = check({ "institution.legal_education.implemented": 0, "institution.legal_education.documents_disseminated": 12 });
    const e = f.find((x) => x.rule === "pbgdpl.khong-nhung-co-van-ban");
    expect(e?.message).toContain("Không = 0");
  });

  it("reports text and ambiguous numbers instead of crashing or guessing", () => {
    const f = check({ "direction.plan.tasks_planned": "mười", "direction.plan.tasks_done": "1.5", "direction.plan.completion_rate": 150 });
    expect(f.map((x) => x.rule).sort()).toEqual(["kieu.gia-tri", "kieu.gia-tri", "kieu.so-mo-ho"].sort());
  });

  it("reports a count Excel turned into a date with the date the cell shows, not its serial", () => {
    const grid = filled({});
    const row = grid.rows.findIndex((r) => r[1]?.value === "Số phòng ban đã kiểm tra");
    grid.rows[row][3] = { value: 44986, format: "d/m/yyyy" };
    const r = checkGrids([grid], catalog, ruleSet);
    if (!r.ok) throw new Error(r.reason);
    expect(r.findings.find((f) => f.indicator === "direction.inspection.divisions_inspected")?.message).toMatch(/= 01\/03\/2023\) là chữ, không phải số/);
  });

  it("reports codes outside the list and negative counts", () => {
    const f = check({ "direction.innovation.has_initiative": 3, "direction.plan.directive_documents": -2 });
    expect(f.filter((x) => x.rule === "kieu.gia-tri")).toHaveLength(2);
  });
});

describe("missing values per side, blank totals, overlapping parts", () => {
  const ids = {
    total: "digital.documents.outgoing_total",
    full: "digital.documents.fully_electronic",
    paper: "digital.documents.electronic_and_paper",
  };

  it("one oversized part gives one finding, also while the other part is blank", () => {
    const f = check({ [ids.total]: 100, [ids.full]: 150 });
    expect(f.map((x) => x.rule)).toEqual(["van-ban.dien-tu+song-song-giay<=tong"]);
    expect(f[0].message).toMatch(/^Số lượng văn bản được gửi hoàn toàn dưới dạng điện tử.* \(D\d+ = 150\) lớn hơn .*\(D\d+ = 100\)\.$/);
    const g = check({ [ids.total]: 100, [ids.full]: 150, [ids.paper]: 20 });
    expect(g.map((x) => x.rule)).toEqual(["van-ban.dien-tu+song-song-giay<=tong"]);
  });

  it("a blank total is skipped by the comparison and reported as blank with its parts' sum", () => {
    const f = check({ [ids.full]: 60, [ids.paper]: 30 });
    expect(f.map((x) => [x.rule, x.severity])).toEqual([["trong.van-ban.tong", "warning"]]);
    expect(f[0].message).toMatch(/\(D\d+ = 60\) \+ .*\(D\d+ = 30\) = 90/);
  });

  it("a parent count blank while a sub-item is filled", () => {
    const f = check({ "procedures.cases.solved": 12 });
    expect(f.map((x) => x.rule)).toEqual(["trong.ho-so.tiep-nhan"]);
    expect(f[0].message).toContain("các dòng chi tiết");
  });

  it("overlapping parts: a part above the total is one error; a shortfall explained or not by the note", () => {
    const one = check({ "procedures.in_force.total": 30, "procedures.in_force.at_agency": 40, "procedures.in_force.at_subordinates": 5 });
    expect(one.map((x) => [x.rule, x.severity])).toEqual([["tthc-hieu-luc.co-quan+truc-thuoc-co-the-trung", "error"]]);
    const above = check({ "procedures.in_force.total": 50, "procedures.in_force.at_agency": 40, "procedures.in_force.at_subordinates": 5 });
    expect(above.map((x) => [x.rule, x.severity])).toEqual([["tthc-hieu-luc.co-quan+truc-thuoc-co-the-trung", "error"]]);
    const overlap = check({ "procedures.in_force.total": 40, "procedures.in_force.at_agency": 40, "procedures.in_force.at_subordinates": 5 });
    expect(overlap.map((x) => [x.rule, x.severity])).toEqual([["tthc-hieu-luc.co-quan+truc-thuoc-co-the-trung", "warning"]]);
    expect(overlap[0].message).toContain("chênh lệch 5");
    expect(overlap[0].message).toContain("không có giải thích");
    expect(check({ "procedures.in_force.total": 45, "procedures.in_force.at_agency": 40, "procedures.in_force.at_subordinates": 5 })).toEqual([]);
  });

  it("a province's rule file with one strategy for the whole rule still loads and works as before", () => {
    const legacy = parseRuleSet({
      version: "1",
      name: "cũ",
      unitSynonyms: [],
      rules: [{ id: "a<=b", type: "compare", severity: "error", description: "x", left: [ids.full], operator: "<=", right: [ids.total], missing: "skipIfAnyMissing" }],
    });
    const r = checkGrids([filled({ [ids.total]: 10, [ids.full]: 20 })], catalog, legacy);
    if (!r.ok) throw new Error(r.reason);
    expect(r.findings.map((x) => x.rule)).toEqual(["a<=b"]);
  });
});

describe("relations across groups an officer checks", () => {
  it("more procedures reviewed than in force, more staff cut than assigned: warnings naming both rows", () => {
    const f = check({ "procedures.review.procedures_reviewed": 120, "procedures.in_force.total": 105, "organisation.staff.reduced": 9, "organisation.staff.assigned": 8, "organisation.staff.present": 8 });
    expect(f.map((x) => [x.rule, x.severity])).toEqual([
      ["ra-soat-tthc<=tthc-hieu-luc", "warning"],
      ["tinh-gian.bien-che<=duoc-giao", "warning"],
    ]);
    expect(f[0].message).toMatch(/= 120\).*= 105\)/);
  });
});
