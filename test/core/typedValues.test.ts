import { consolidate, mergeInput } from "../../src/core/consolidate/consolidate";
import { Cell } from "../../src/core/grid";
import { readValue } from "../../src/core/numbers";
import { checkFilled } from "../support/filledSheet";

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
