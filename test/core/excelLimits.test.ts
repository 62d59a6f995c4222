import { nativeInflateRaw } from "../../src/adapters/node/nativeZip";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { EXCEL_LIMITS, ExcelLimitError, SheetLayout, excelCellText } from "../../src/core/layout/sheetLayout";
import { buildTemplateLayout } from "../../src/core/layout/templateLayout";
import { Grid } from "../../src/core/grid";
import { catalog } from "../support/data";
import { provinceInputs } from "../support/province";

const longest = (layouts: SheetLayout[]): number =>
  Math.max(...layouts.flatMap((l) => l.rows.flatMap((r) => Array.from(r, (c) => (typeof c?.value === "string" ? c.value.length : 0)))));
const longestRead = (grids: Grid[]): number => Math.max(...grids.flatMap((g) => g.rows.flatMap((r) => Array.from(r, (c) => (typeof c?.value === "string" ? c.value.length : 0)))));

describe("what we write stays within Excel's limits", () => {
  const huge = `Phường Đông Hà ${"rất dài ".repeat(25_000)}`;

  it("a text beyond one cell is cut visibly, a surrogate pair never split", () => {
    const cut = excelCellText(huge);
    expect(cut).toHaveLength(EXCEL_LIMITS.cellChars);
    expect(cut.endsWith("…")).toBe(true);
    const emoji = "a".repeat(EXCEL_LIMITS.cellChars - 2) + "😀😀";
    expect(excelCellText(emoji).endsWith("a…")).toBe(true);
    expect(excelCellText("ngắn")).toBe("ngắn");
  });

  it("the layouts of a merge (both writers' input) hold no cell beyond 32 767 characters, and the Lỗi sheet still names the file", () => {
    const fileName = "bao-cao-phuong-dong-ha.xlsx";
    const inputs = [...provinceInputs(), { fileName, result: { ok: false as const, fileName, reason: huge } }];
    const c = consolidate(inputs, { expected: [{ name: huge }] });
    const layouts = buildMergeLayouts(c);
    expect(longest(layouts)).toBeLessThanOrEqual(EXCEL_LIMITS.cellChars);
    const units = layouts.find((l) => l.rows.some((r) => r.some((x) => typeof x?.value === "string" && x.value.startsWith("Phường Đông Hà"))))!;
    expect(units).toBeDefined();
    const findings = layouts.find((l) => l.name === "Lỗi")!;
    const row = findings.rows.find((r) => r.some((x) => x?.value === fileName))!;
    expect(row.map((x) => x?.value)).toContain(excelCellText(huge));
    // The written workbook reads back the same: no cell over the limit.
    const grids = readXlsx(writeXlsx(layouts), nativeInflateRaw);
    expect(longestRead(grids)).toBeLessThanOrEqual(EXCEL_LIMITS.cellChars);
  });

  it("a template for a unit with an endless name, and a sheet name beyond 31 characters", () => {
    const t = catalog.templates[0];
    const layout = buildTemplateLayout(t, { unitName: huge, sheetName: "Biểu thống kê CCHC của Phường Đông Hà: Quý I/2026" });
    expect(layout.name.length).toBeLessThanOrEqual(EXCEL_LIMITS.sheetNameChars);
    expect(layout.name).not.toMatch(/[\\/?*[\]:]/);
    expect(longest([layout])).toBeLessThanOrEqual(EXCEL_LIMITS.cellChars);
    const [g] = readXlsx(writeXlsx([layout]), nativeInflateRaw);
    expect(g.name).toBe(layout.name);
  });

  it("the .xlsx writer fits any layout given to it, and refuses one beyond the grid", () => {
    const layout: SheetLayout = {
      name: "x".repeat(40),
      columns: [{ width: 1000 }],
      rows: [[{ value: huge }, { value: 1, formula: `SUM(${"A1,".repeat(3000)}A1)` }]],
      rowHeights: { 0: 5000 },
      merges: [],
      validations: [],
      protect: false,
    };
    const [g] = readXlsx(writeXlsx([layout]), nativeInflateRaw);
    expect(g.name).toHaveLength(31);
    expect(longestRead([g])).toBe(EXCEL_LIMITS.cellChars);
    // A formula Excel would refuse is left as its value.
    expect(g.rows[0][1]).toEqual({ value: 1 });
    expect(layout.rowHeights![0]).toBe(EXCEL_LIMITS.rowHeightPoints);
    const wide: SheetLayout = { ...layout, rows: [Array.from({ length: EXCEL_LIMITS.columns + 1 }, () => ({ value: 1 }))] };
    expect(() => writeXlsx([wide])).toThrow(ExcelLimitError);
    expect(() => writeXlsx([wide])).toThrow(/16\.385 cột, nhiều hơn 16\.384 cột của Excel/);
  });
});
