import { writeLayouts } from "../../src/adapters/office/writeLayout";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { checkGrids } from "../../src/core/check/check";
import { Consolidation, MergeInput, consolidate } from "../../src/core/consolidate/consolidate";
import { Grid, address } from "../../src/core/grid";
import { FINDINGS_SHEET, MERGE_SHEET, STATUS_SHEET, UNITS_SHEET, buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { SheetLayout } from "../../src/core/layout/sheetLayout";
import { FIXTURES, catalog, fixture, ruleSet } from "../support/data";
import { MockExcel, createMockExcel } from "./mockExcel";

/** Submitted text Excel would run as a formula if it were written as a value. */
const FORMULA_TEXT = '=HYPERLINK("x")';
const SHEETS = [MERGE_SHEET, STATUS_SHEET, FINDINGS_SHEET, UNITS_SHEET];
/** Both Q1 2023 fixtures (a department and a district), so every copy is merged. */
const SOURCES = [FIXTURES.nongNghiep, FIXTURES.cuLaoDung];

function firstGrid(name: string): Grid {
  return readXlsx(fixture(`${name}.xlsx`))[0];
}

function copyGrid(grid: Grid, name = grid.name): Grid {
  return { name, rows: grid.rows.map((row) => row.map((c) => (c ? { ...c } : c))) };
}

/** The same report from another unit: every title line that names the sender ("… của …", "TRÊN ĐỊA BÀN …") names `unit`. */
function renamed(grid: Grid, unit: string): Grid {
  const out = copyGrid(grid);
  out.rows.slice(0, 8).forEach((row) =>
    row.forEach((cell) => {
      if (!cell || typeof cell.value !== "string") return;
      cell.value = cell.value
        .replace(/\bcủa\s+[^()]*?(\)?)\s*$/u, `của ${unit}$1`)
        .replace(/\b(TRÊN ĐỊA BÀN|TẠI)\s+.*$/u, `$1 ${unit.toUpperCase()}`);
    }),
  );
  return out;
}

function input(fileName: string, grid: Grid): MergeInput {
  return { fileName, result: checkGrids([grid], catalog, ruleSet, fileName) };
}

async function writeMerge(c: Consolidation): Promise<{ mock: MockExcel; layouts: SheetLayout[]; names: string[] }> {
  const layouts = buildMergeLayouts(c);
  const mock = createMockExcel({ sheets: { Sheet1: { values: [[""]] } } });
  const names = await writeLayouts(mock.context, layouts, { activate: true });
  return { mock, layouts, names };
}

/** Every layout string starting with "=" is text in the sheet: same value, no formula, "@" format. */
function formulaLookingTexts(mock: MockExcel, layout: SheetLayout): { ref: string; value: unknown; formula?: string; numberFormat: string }[] {
  const sheet = mock.sheet(layout.name);
  const out: { ref: string; value: unknown; formula?: string; numberFormat: string }[] = [];
  layout.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.formula !== undefined || typeof cell.value !== "string" || !cell.value.startsWith("=")) return;
      const ref = address(r, c);
      out.push({ ref, value: sheet.value(ref), formula: sheet.formula(ref), numberFormat: sheet.numberFormat(ref) });
    }),
  );
  return out;
}

describe("writing a merge through the fake Excel", () => {
  // Two fixtures; the department's report comes from a sheet named like a formula, with a text answer
  // like a formula, in a file named like a formula.
  const nongNghiep = copyGrid(firstGrid(FIXTURES.nongNghiep), FORMULA_TEXT);
  nongNghiep.rows[8][3] = { value: FORMULA_TEXT };
  const two = consolidate([input(`${FORMULA_TEXT}.xlsx`, nongNghiep), input(`${FIXTURES.cuLaoDung}.xlsx`, firstGrid(FIXTURES.cuLaoDung))]);

  // A province of 150 units: copies of the two fixtures under other unit names.
  const forty = consolidate(
    Array.from({ length: 150 }, (_, i) => {
      const src = SOURCES[i % 2];
      const unit = i % 2 === 0 ? `Sở Thử nghiệm số ${i + 1}` : `Ủy ban nhân dân huyện Thử nghiệm ${i + 1}`;
      return input(`bao-cao-${i + 1}.xlsx`, renamed(firstGrid(src), unit));
    }),
  );

  it("merges what it was given", () => {
    expect(two.units.length).toBe(2);
    expect(two.units.map((u) => u.sheetName)).toContain(FORMULA_TEXT);
    expect(forty.units.length).toBe(150);
    expect(new Set(forty.units.map((u) => u.unitName)).size).toBe(150);
    expect(forty.units.every((u) => /Thử nghiệm/.test(u.unitName))).toBe(true);
  });

  it("uses the same number of syncs for 2 and for 150 reports", async () => {
    const small = await writeMerge(two);
    const big = await writeMerge(forty);
    expect(small.mock.syncCount()).toBe(big.mock.syncCount());
    expect(big.mock.syncCount()).toBe(2);
    for (const run of [small, big]) {
      expect(run.names).toEqual(SHEETS);
      expect(run.mock.sheetNames()).toEqual(["Sheet1", ...SHEETS]);
      expect(run.mock.activeSheetName()).toBe(MERGE_SHEET);
    }
    // One column per unit in the totals, one status row per unit.
    const totals = big.mock.sheet(MERGE_SHEET);
    const names = forty.units.map((_, i) => totals.value(address(5, 6 + i)));
    expect(names).toEqual(forty.units.map((u) => u.unitName));
    const status = big.mock.sheet(STATUS_SHEET);
    const listed = new Set(Array.from({ length: 150 }, (_, i) => status.value(`B${6 + i}`)));
    expect(listed).toEqual(new Set(forty.units.map((u) => u.unitName)));
    expect(big.mock.maxAreasPerGetRanges()).toBeLessThanOrEqual(200);
  });

  it("writes submitted text starting with '=' as text, never as a formula", async () => {
    const { mock, layouts } = await writeMerge(two);
    const byName = new Map(layouts.map((l) => [l.name, l]));
    const texts = new Map(SHEETS.map((name) => [name, formulaLookingTexts(mock, byName.get(name)!)]));
    // The sheet name lands in the findings list, the file name in the status and findings lists, the answer in the totals.
    const findings = texts.get(FINDINGS_SHEET)!;
    expect(findings.filter((t) => t.ref.startsWith("D")).length).toBe(two.units.find((u) => u.sheetName === FORMULA_TEXT)!.findings.length);
    expect(findings.some((t) => t.ref.startsWith("C") && t.value === `${FORMULA_TEXT}.xlsx`)).toBe(true);
    expect(texts.get(STATUS_SHEET)!.map((t) => t.value)).toEqual([`${FORMULA_TEXT}.xlsx`]);
    expect(texts.get(MERGE_SHEET)!.map((t) => t.value)).toEqual([FORMULA_TEXT]);
    const all = [...texts.values()].flat();
    expect(all.length).toBeGreaterThan(3);
    for (const t of all) {
      expect(typeof t.value === "string" && t.value.startsWith(FORMULA_TEXT)).toBe(true);
      expect(t).toEqual({ ref: t.ref, value: t.value, formula: undefined, numberFormat: "@" });
    }
  });
});

describe("staying under Excel on the web's 5 MB request limit", () => {
  it("spreads a sheet with far more data than a province over several requests, each bounded", async () => {
    const long = "Nội dung rất dài của một ghi chú do đơn vị gửi lên, lặp lại nhiều lần. ".repeat(3);
    const layout: SheetLayout = {
      name: "Lớn",
      columns: [],
      rows: Array.from({ length: 12000 }, (_, r) => [{ value: r }, { value: `${r} ${long}` }, { value: long }]),
      merges: [],
      validations: [],
      protect: false,
    };
    const mock = createMockExcel();
    await writeLayouts(mock.context, [layout]);
    expect(mock.syncCount()).toBeGreaterThan(2);
    const sheet = mock.sheet("Lớn");
    expect(sheet.value("A12000")).toBe(11999);
    expect(sheet.value("B1")).toBe(`0 ${long}`);
    // Each values write carries at most about a megabyte.
    for (const w of mock.writes.filter((x) => x.sheet === "Lớn" && x.property === "formulas")) expect(JSON.stringify(w.data).length).toBeLessThan(1_500_000);
  });
});
