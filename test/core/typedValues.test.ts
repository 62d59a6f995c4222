import { consolidate, mergeInput } from "../../src/core/consolidate/consolidate";
import { Cell } from "../../src/core/grid";
import { readValue } from "../../src/core/numbers";
import { checkGrids } from "../../src/core/check/check";
import { catalog, ruleSet } from "../support/data";
import { checkFilled, filled } from "../support/filledSheet";

/** Values as officers of other provinces type them, read through the whole check and merge. */
const findingsOn = (values: Record<string, Cell["value"] | Cell>, id: string) => checkFilled(values).findings.filter((f) => f.indicator === id);

describe("numbers grouped the English way", () => {
  it("reads thousands grouped by commas when no decimal can be meant", () => {
    expect(readValue({ value: "1,234,567" }, "count")).toEqual({ type: "number", value: 1234567 });
    expect(readValue({ value: "1,000.50" }, "money")).toEqual({ type: "number", value: 1000.5 });
    expect(readValue({ value: "2,345,678.9" }, "money")).toEqual({ type: "number", value: 2345678.9 });
    // One group of three is still either reading.
    expect(readValue({ value: "1,234" }, "count").type).toBe("ambiguous");
  });

  it("does not call such a count text", () => {
    expect(findingsOn({ "procedures.cases.received": "1,234,567" }, "procedures.cases.received")).toEqual([]);
  });
});

describe("coded answers written with their detail", () => {
  const yesNo = [
    { value: 0, label: "Không" },
    { value: 1, label: "Có" },
  ];
  const stages = [
    { value: 0, label: "Chưa" },
    { value: 1, label: "Đang làm" },
    { value: 2, label: "Hoàn thành" },
  ];
  it.each([
    ["có (03 văn bản)", yesNo, 1],
    ["Có, ban hành 02 kế hoạch", yesNo, 1],
    ["Không có", yesNo, 0],
    ["không (chưa triển khai)", yesNo, 0],
    ["Chưa hoàn thành", stages, 0],
    ["Đang làm - dự kiến quý III", stages, 1],
  ])("reads %s as its answer", (text, codes, code) => {
    expect(readValue({ value: text }, "coded", codes)).toEqual({ type: "number", value: code });
  });

  it.each([
    ["Trực tuyến, phát phiếu", [{ value: 0, label: "Trực tuyến" }, { value: 1, label: "Phát phiếu" }, { value: 2, label: "Kết hợp" }]],
    ["Chưa, đang làm", stages],
    ["Có (không có văn bản nào)", yesNo],
    ["Hoàn thành 80%", stages],
  ])("never picks one answer out of %s", (text, codes) => {
    expect(readValue({ value: text }, "coded", codes).type).toBe("text");
  });

  it.each(["Không = 0, Có = 1", "0 - Không, 1 - Có", "Có = 0"])("reads no answer out of %s (the legend copied, or a code against its meaning)", (text) => {
    expect(readValue({ value: text }, "coded", yesNo).type).toBe("text");
  });

  it("counts such answers in the merge and names the codes for one it cannot read", () => {
    const id = "procedures.review.has_plan";
    const ok = checkFilled({ [id]: "Có (KH số 15/KH-SNV)" }, undefined, "Sở Văn hóa");
    expect(ok.findings.filter((f) => f.indicator === id)).toEqual([]);
    const no = checkFilled({ [id]: "Không có" }, undefined, "Sở Du lịch");
    const odd = checkFilled({ [id]: "Đang xây dựng" }, undefined, "Sở Xây dựng");
    const bad = odd.findings.filter((f) => f.indicator === id);
    expect(bad.map((f) => [f.severity, f.message])).toEqual([["error", expect.stringContaining("không thuộc các mã (Không = 0, Có = 1)")]]);
    const c = consolidate([mergeInput("a.xlsx", ok), mergeInput("b.xlsx", no), mergeInput("c.xlsx", odd)]);
    const row = c.rows.find((r) => r.indicator?.id === id)!.indicator!;
    expect(row.total).toBe(1);
    expect(row.reported).toBe(2);
  });
});

describe("what a cell shows, not what the sheet stores", () => {
  const rate = "direction.plan.completion_rate";
  const done = "direction.plan.tasks_done";
  const planned = "direction.plan.tasks_planned";

  it("names a number in a cell formatted 0% as the percentage the officer sees", () => {
    const f = findingsOn({ [rate]: { value: 95, format: "0%" }, [done]: 19, [planned]: 20 }, rate);
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining("(D8 = 9.500%) nằm ngoài khoảng 0–100")]);
  });

  it("reads what zero-width characters and the minus sign of a word processor hide", () => {
    expect(readValue({ value: "12\u200b" }, "count")).toEqual({ type: "number", value: 12 });
    expect(readValue({ value: "\ufeff1.234" }, "count")).toEqual({ type: "number", value: 1234 });
    expect(readValue({ value: "\u22125" }, "count")).toEqual({ type: "number", value: -5 });
  });

  it("reads a whole number a program wrote with its decimals, and warns only of a real doubt", () => {
    expect(readValue({ value: "20.0" }, "count")).toEqual({ type: "number", value: 20 });
    expect(readValue({ value: "1234.00" }, "count")).toEqual({ type: "number", value: 1234 });
    const f = findingsOn({ [done]: "1,5", [planned]: "1.5" }, planned);
    expect(f.map((x) => [x.rule, x.severity])).toEqual([["kieu.so-mo-ho", "warning"]]);
  });

  it("reads a number followed by the row's own unit, and keeps another unit as text", () => {
    expect(findingsOn({ [planned]: "20 nhiệm vụ", [done]: "19" }, planned)).toEqual([]);
    const money = checkFilled({ "public_finance.investment.planned": "1.500 triệu" }, "tinh-2023", "UBND tỉnh");
    expect(money.values.get("public_finance.investment.planned")?.number).toBe(1500);
    const r = checkFilled({ [planned]: "20 văn bản" });
    expect(r.findings.filter((x) => x.indicator === planned).map((x) => x.message)).toEqual([
      expect.stringContaining("(D9 = 20 văn bản) là chữ, không phải số; hãy chỉ nhập số"),
    ]);
  });

  it("says a formula's error value is one, and a division by zero is only a warning", () => {
    const div = findingsOn({ [rate]: { value: "#DIV/0!", formula: "D10/D9" }, [done]: 0, [planned]: 0 }, rate);
    expect(div.map((x) => [x.severity, x.message])).toEqual([["warning", expect.stringContaining("chia cho 0 (#DIV/0!)")]]);
    const ref = findingsOn({ [done]: { value: "#REF!", formula: "#REF!+1" }, [planned]: 3 }, done);
    expect(ref.map((x) => [x.severity, x.message])).toEqual([["error", expect.stringContaining("báo lỗi #REF! nên không có số liệu")]]);
    const libre = findingsOn({ [done]: { value: "Err:502", formula: "of:=SQRT(-1)" }, [planned]: 3 }, done);
    expect(libre.map((x) => x.message)).toEqual([expect.stringContaining("báo lỗi Err:502")]);
  });
});

describe("units a province writes its own way", () => {
  it("takes a synonym of the row's unit as that unit, even when it drops the word that tells the kind", () => {
    const id = "public_finance.investment.planned";
    const grid = filled({ [id]: 1500 }, "tinh-2023", "UBND tỉnh");
    const row = grid.rows.findIndex((r) => r.some((c) => c?.value === 1500));
    grid.rows[row][2] = { value: "Triệu" };
    const r = checkGrids([grid], catalog, ruleSet);
    if (!r.ok) throw new Error(r.reason);
    expect(r.findings.filter((f) => f.indicator === id || f.row === row + 1)).toEqual([]);
  });
});

describe("money sent in another unit of money", () => {
  const id = "public_finance.investment.planned";
  /** A province sheet whose investment row says `unit` in its unit column. */
  const sent = (value: Cell["value"], unit: string, unitName: string) => {
    const grid = filled({ [id]: value }, "tinh-2023", unitName);
    const row = grid.rows.findIndex((r) => r.some((c) => c?.value === value));
    grid.rows[row][2] = { value: unit };
    const r = checkGrids([grid], catalog, ruleSet);
    if (!r.ok) throw new Error(r.reason);
    return r;
  };

  it("is converted to the row's unit, said so, and summed in the row's unit", () => {
    const dong = sent("1.500.000.000", "Đồng", "Sở Kế hoạch và Đầu tư");
    expect(dong.values.get(id)?.number).toBe(1500);
    expect(dong.findings.filter((f) => f.indicator === id).map((f) => [f.severity, f.message])).toEqual([
      ["warning", expect.stringContaining("số liệu 1.500.000.000 Đồng được quy đổi thành 1.500 Triệu đồng")],
    ]);
    const ty = sent(2.5, "Tỷ đồng", "Sở Tài chính");
    const own = sent(700, "Triệu đồng", "Sở Giao thông vận tải");
    const c = consolidate([mergeInput("a.xlsx", dong), mergeInput("b.xlsx", ty), mergeInput("c.xlsx", own)]);
    const row = c.rows.find((r) => r.indicator?.id === id)!.indicator!;
    expect([row.unit, row.total]).toEqual(["Triệu đồng", 1500 + 2500 + 700]);
  });
});

describe("a rate written as a share of 1", () => {
  it("is a warning naming both readings, typed as text or as a number, and never read silently", () => {
    expect(readValue({ value: "0,95" }, "percent")).toEqual({ type: "ambiguous", text: "0,95", readings: [0.95, 95] });
    expect(readValue({ value: 0.95 }, "percent")).toEqual({ type: "ambiguous", text: "0,95", readings: [0.95, 95] });
    // A "%" or a percent format says which one.
    expect(readValue({ value: "0,95%" }, "percent")).toEqual({ type: "number", value: 0.95 });
    expect(readValue({ value: 0.95, format: "0%" }, "percent")).toEqual({ type: "number", value: 95 });
    expect(readValue({ value: "0" }, "percent")).toEqual({ type: "number", value: 0 });
    expect(readValue({ value: "100/120" }, "percent")).toEqual({ type: "ambiguous", text: "100/120", readings: [83.33] });
    const rate = "direction.satisfaction_survey.satisfaction_rate";
    const f = findingsOn({ [rate]: "0,92" }, rate);
    expect(f.map((x) => [x.severity, x.message])).toEqual([["warning", expect.stringContaining("có thể đọc là 0,92 hay 92")]]);
  });
});

describe("a value typed in the note column", () => {
  it("is found as it would be read in its own cell, a count with its unit or a coded answer", () => {
    const planned = "direction.plan.tasks_planned";
    const coded = "procedures.review.has_plan";
    const grid = filled({});
    const t = catalog.byId.get("so-nganh-2023")!;
    const rowOf = (id: string) => grid.rows.findIndex((r) => r.some((c) => typeof c?.value === "string" && c.value === t.rows.find((x) => "id" in x && x.id === id)!.label));
    grid.rows[rowOf(planned)][4] = { value: "15 nhiệm vụ" };
    grid.rows[rowOf(coded)][4] = { value: "Có (KH số 20/KH-SXD)" };
    grid.rows[rowOf("direction.plan.tasks_done")][4] = { value: "Đã báo cáo UBND tỉnh" };
    const r = checkGrids([grid], catalog, ruleSet);
    if (!r.ok) throw new Error(r.reason);
    const notes = r.findings.filter((f) => f.rule === "cau-truc.so-lieu-o-cot-ghi-chu");
    expect(notes.map((f) => f.message)).toEqual([
      expect.stringContaining("số liệu 15 nhiệm vụ nằm ở cột ghi chú"),
      expect.stringContaining("số liệu Có (KH số 20/KH-SXD) nằm ở cột ghi chú"),
    ]);
  });
});

describe("money typed in đồng where the row counts millions", () => {
  it("warns with the figure it would be, and leaves a real amount alone", () => {
    const id = "public_finance.investment.planned";
    const typed = checkFilled({ [id]: "1.500.000.000" }, "tinh-2023", "UBND tỉnh");
    expect(typed.findings.filter((f) => f.indicator === id).map((f) => [f.severity, f.message])).toEqual([
      ["warning", expect.stringContaining("= 1.500.000.000 Triệu đồng) lớn bất thường (từ 1.000.000.000.000.000 đồng trở lên): có thể đã nhập theo đồng; nếu vậy, số đúng là 1.500 Triệu đồng")],
    ]);
    expect(checkFilled({ [id]: "85.000" }, "tinh-2023", "UBND tỉnh").findings.filter((f) => f.indicator === id)).toEqual([]);
  });
});

describe("a rate against a plan", () => {
  it("may exceed 100 when more was done than planned; other rates may not", () => {
    const overPlan = "organisation.staff.reduction_rate_vs_plan";
    const r = checkFilled({ [overPlan]: "120", "direction.plan.completion_rate": "120" });
    expect(r.findings.filter((f) => f.indicator === overPlan)).toEqual([]);
    expect(r.values.get(overPlan)?.number).toBe(120);
    expect(r.findings.filter((f) => f.indicator === "direction.plan.completion_rate").map((f) => f.message)).toEqual([expect.stringContaining("nằm ngoài khoảng 0–100")]);
    expect(checkFilled({ [overPlan]: "-5" }).findings.filter((f) => f.indicator === overPlan)).toHaveLength(1);
  });
});
