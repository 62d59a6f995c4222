import fc from "fast-check";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { isValueRow } from "../../src/core/catalog/schema";
import { CheckResult, checkGrids } from "../../src/core/check/check";
import { comparePrevious, figuresOfSubmission } from "../../src/core/compare/previous";
import { Cell, Grid } from "../../src/core/grid";
import { TEMPLATE_FIRST_DATA_ROW, buildTemplateLayout } from "../../src/core/layout/templateLayout";
import { PERIODS, Period, cumulativeComparable } from "../../src/core/period";
import { FIXTURES, catalog, ruleSet } from "../support/data";
import { retitled } from "../support/periods";

type Checked = Extract<CheckResult, { ok: true }>;

function checked(bytes: Uint8Array, name: string): Checked {
  const r = checkGrids(readXlsx(bytes), catalog, ruleSet, name);
  if (!r.ok) throw new Error(r.reason);
  return r;
}

function compare(current: Checked, previous: Checked) {
  const prev = figuresOfSubmission(previous.values, previous.fileName!, previous.submission.period);
  return comparePrevious({ template: current.submission.template, period: current.submission.period, values: current.values }, prev, ruleSet);
}

const TEXT = `${FIXTURES.nongNghiep}-text.xlsx`;
const ID = {
  done: "direction.plan.tasks_done",
  rate: "direction.plan.completion_rate",
  received: "procedures.cases.received",
  solved: "procedures.cases.solved",
  staff: "organisation.staff.present",
};

describe("comparable reporting windows", () => {
  const p = (kind: Period["kind"], year = 2023): Period => ({ kind, year });
  it("accumulates Quý I → 6 tháng → 9 tháng → Năm within one year, never Quý III against 6 tháng", () => {
    expect(cumulativeComparable(p("q1"), p("h1"))).toBe(true);
    expect(cumulativeComparable(p("q1"), p("year"))).toBe(true);
    expect(cumulativeComparable(p("h1"), p("year"))).toBe(true);
    expect(cumulativeComparable(p("h1"), p("m9"))).toBe(true);
    expect(cumulativeComparable(p("q3"), p("m9"))).toBe(true);
    expect(cumulativeComparable(p("h1"), p("q3"))).toBe(false);
    expect(cumulativeComparable(p("q3"), p("h1"))).toBe(false);
    expect(cumulativeComparable(p("q1"), p("q2"))).toBe(false);
    expect(cumulativeComparable(p("year", 2022), p("q1", 2023))).toBe(false);
    expect(cumulativeComparable(p("q1", 2022), p("h1", 2023))).toBe(false);
    for (const k of PERIODS) expect(cumulativeComparable(p(k), p(k))).toBe(false);
  });
});

describe("comparison with the previous period (000 as Quý I, then 6 tháng and Quý III)", () => {
  const q1 = checked(retitled(TEXT, "QUÝ I NĂM 2023"), "nong-nghiep-q1.xlsx");
  const h1ok = checked(retitled(TEXT, "6 THÁNG ĐẦU NĂM 2023", { [ID.done]: "18", [ID.rate]: "78,26", [ID.received]: "4250", [ID.solved]: "4200" }), "nong-nghiep-6t.xlsx");

  it("reads the generated periods", () => {
    expect(q1.submission.period).toEqual({ kind: "q1", year: 2023 });
    expect(h1ok.submission.period).toEqual({ kind: "h1", year: 2023 });
    expect(h1ok.submission.unitName).toBe(q1.submission.unitName);
  });

  it("a consistent pair gives nothing", () => {
    expect(compare(h1ok, q1)).toEqual([]);
  });

  it("finds a cumulative value that fell and a ×10 jump, naming the previous value, its period and file", () => {
    const bad = checked(
      retitled(TEXT, "6 THÁNG ĐẦU NĂM 2023", { [ID.done]: "10", [ID.rate]: "43,48", [ID.received]: "42500", [ID.solved]: "4200", [ID.staff]: "1500" }),
      "nong-nghiep-6t-sai.xlsx",
    );
    const f = compare(bad, q1);
    expect(f.map((x) => [x.rule, x.indicator])).toEqual([
      ["previous.luy-ke-giam", ID.rate],
      ["previous.luy-ke-giam", ID.done],
      ["previous.nhay-vot", ID.received],
      ["previous.nhay-vot", ID.staff],
    ]);
    expect(f.every((x) => x.severity === "warning")).toBe(true);
    const fell = f.find((x) => x.indicator === ID.done)!;
    expect(fell.message).toContain("= 10)");
    expect(fell.message).toContain("(kỳ trước: 13, Quý I năm 2023, tệp “nong-nghiep-q1.xlsx”)");
    expect(fell.message).toContain("lũy kế");
    const jump = f.find((x) => x.indicator === ID.received)!;
    expect(jump.message).toContain("42.500");
    expect(jump.message).toContain("(kỳ trước: 2.107, Quý I năm 2023, tệp “nong-nghiep-q1.xlsx”)");
    expect(jump.message).toContain("gấp khoảng 20 lần");
    expect(f.find((x) => x.indicator === ID.staff)!.message).toMatch(/gấp khoảng 10 lần.*gõ thừa một chữ số \(kỳ trước: 150, /);
    expect(fell.cell).toBe(bad.values.get(ID.done)!.cell);
  });

  it("never compares Quý III cumulatively with 6 tháng", () => {
    const q3 = checked(retitled(TEXT, "QUÝ III NĂM 2023", { [ID.done]: "5", [ID.rate]: "21,74", [ID.received]: "1900", [ID.solved]: "1850" }), "nong-nghiep-q3.xlsx");
    expect(q3.submission.period).toEqual({ kind: "q3", year: 2023 });
    expect(compare(q3, h1ok)).toEqual([]);
    // The same figures as 9 tháng would have fallen below 6 tháng.
    const m9 = checked(retitled(TEXT, "9 THÁNG NĂM 2023", { [ID.done]: "5", [ID.rate]: "21,74", [ID.received]: "1900", [ID.solved]: "1850" }), "nong-nghiep-9t.xlsx");
    expect(compare(m9, h1ok).map((x) => x.indicator)).toEqual([ID.rate, ID.done, ID.received, ID.solved]);
  });

  it("finds a file sent again with only the title changed", () => {
    const again = checked(retitled(TEXT, "6 THÁNG ĐẦU NĂM 2023"), "nong-nghiep-6t-lai.xlsx");
    const f = compare(again, q1);
    expect(f.map((x) => x.rule)).toEqual(["previous.giong-ky-truoc"]);
    expect(f[0].message).toContain("Quý I năm 2023, tệp “nong-nghiep-q1.xlsx”");
  });
});

describe("no false alarm on mostly-zero data", () => {
  /** A so-nganh-2023 sheet with the given values by indicator ID, every other count 0. */
  function sheet(title: Period, values: Record<string, number>): Checked {
    const t = catalog.byId.get("so-nganh-2023")!;
    const layout = buildTemplateLayout(t, { period: title, unitName: "Sở Thử nghiệm" });
    const rows: (Cell | undefined)[][] = layout.rows.map((row) => row.map((c) => (c.value === undefined || c.value === "" ? undefined : { value: c.value })));
    t.rows.forEach((r, i) => {
      if (isValueRow(r) && r.kind === "count") rows[TEMPLATE_FIRST_DATA_ROW + i][3] = { value: values[r.id] ?? 0 };
    });
    const grid: Grid = { name: "Biểu", rows };
    const r = checkGrids([grid], catalog, ruleSet, "thu.xlsx");
    if (!r.ok) throw new Error(r.reason);
    return r;
  }

  it("never warns on a pair where cumulative counts grew by up to ×3 and stocks stayed (random, zero-heavy)", () => {
    const t = catalog.byId.get("so-nganh-2023")!;
    const counts = t.rows.filter(isValueRow).filter((r) => r.kind === "count");
    const value = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }) });
    fc.assert(
      fc.property(fc.array(value, { minLength: counts.length, maxLength: counts.length }), fc.array(fc.double({ min: 1, max: 3, noNaN: true }), { minLength: counts.length, maxLength: counts.length }), (q1, growth) => {
        const before: Record<string, number> = {};
        const after: Record<string, number> = {};
        counts.forEach((r, i) => {
          before[r.id] = q1[i];
          after[r.id] = r.accumulation === "cumulative" ? Math.round(q1[i] * growth[i]) + 1 : q1[i];
        });
        expect(compare(sheet({ kind: "h1", year: 2024 }, after), sheet({ kind: "q1", year: 2024 }, before))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it("zeros turning into small numbers, small numbers ×9, and identical near-empty files say nothing", () => {
    const before = sheet({ kind: "q1", year: 2024 }, { [ID.received]: 1, "direction.plan.directive_documents": 2 });
    const after = sheet({ kind: "h1", year: 2024 }, { [ID.received]: 9, "direction.plan.directive_documents": 2, [ID.solved]: 5, [ID.staff]: 3 });
    expect(compare(after, before)).toEqual([]);
    expect(compare(sheet({ kind: "h1", year: 2024 }, { [ID.received]: 1, "direction.plan.directive_documents": 2 }), before)).toEqual([]);
  });
});
