import { readValue } from "../../src/core/numbers";

const codes = [
  { value: 0, label: "Không" },
  { value: 1, label: "Có" },
];

describe("reading Vietnamese numbers", () => {
  it.each([
    ["1.129", "count", 1129],
    ["1.145", "count", 1145],
    ["6.530", "count", 6530],
    ["56,52", "percent", 56.52],
    ["100%", "percent", 100],
    ["99,2", "percent", 99.2],
    ["02", "count", 2],
    ["00", "count", 0],
    ["01", "count", 1],
    ["7.800", "money", 7800],
    ["1.234,5", "money", 1234.5],
    [" 47 ", "count", 47],
  ] as const)("%s in a %s row is %d", (text, kind, expected) => {
    expect(readValue({ value: text }, kind)).toEqual({ type: "number", value: expected });
  });

  it("reads a number stored with a percent format as a percentage (Excel's typed 100%)", () => {
    expect(readValue({ value: 1, format: "0%" }, "percent")).toEqual({ type: "number", value: 100 });
    expect(readValue({ value: 0.5652, format: "0.00%" }, "percent")).toEqual({ type: "number", value: 56.52 });
    expect(readValue({ value: 1, format: '0.00"%"' }, "percent")).toEqual({ type: "number", value: 1 });
  });

  it("reads a number Excel turned into a date (\"1/3\" typed) as the date it shows, never as its serial", () => {
    for (const format of ["d/m/yyyy", "[$-42A]dd/mm/yy;@", "mm-dd-yy", "d-mmm", "h:mm", "[h]:mm:ss", "dd/mm/yyyy hh:mm"])
      expect(readValue({ value: 44986, format }, "count").type).toBe("text");
    expect(readValue({ value: 44986, format: "d/m/yyyy" }, "count")).toEqual({ type: "text", text: "01/03/2023" });
    for (const format of ["General", "#,##0", '#,##0" người"', "0.00\\ \"ngày\"", "[Red]#,##0;[Blue]-#,##0", '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)', "0.0E+00", "@"])
      expect(readValue({ value: 12, format }, "count")).toEqual({ type: "number", value: 12 });
  });

  it("reports ambiguous values instead of guessing", () => {
    expect(readValue({ value: "1.5" }, "count")).toEqual({ type: "ambiguous", text: "1.5", readings: [1.5] });
    expect(readValue({ value: "1.129" }, "percent").type).toBe("ambiguous");
    expect(readValue({ value: "1,129" }, "count").type).toBe("ambiguous");
  });

  it("keeps text where a number belongs as text", () => {
    expect(readValue({ value: "Đang thực hiện" }, "count")).toEqual({ type: "text", text: "Đang thực hiện" });
    expect(readValue({ value: "12 văn bản" }, "count").type).toBe("text");
  });

  it("treats empty cells and dashes as blank, not zero", () => {
    expect(readValue(undefined, "count")).toEqual({ type: "blank" });
    expect(readValue({ value: "  " }, "count")).toEqual({ type: "blank" });
    expect(readValue({ value: "-" }, "count")).toEqual({ type: "blank" });
    expect(readValue({ value: null }, "percent")).toEqual({ type: "blank" });
  });

  it("reads coded answers typed as a code, as the dropdown item or as the meaning", () => {
    expect(readValue({ value: 1 }, "coded", codes)).toEqual({ type: "number", value: 1 });
    expect(readValue({ value: "Có = 1" }, "coded", codes)).toEqual({ type: "number", value: 1 });
    expect(readValue({ value: "không" }, "coded", codes)).toEqual({ type: "number", value: 0 });
  });
});
