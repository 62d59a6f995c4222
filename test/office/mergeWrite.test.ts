import { writeLayouts } from "../../src/adapters/office/writeLayout";
import { checkGrids } from "../../src/core/check/check";
import { Consolidation, MergeInput, consolidate } from "../../src/core/consolidate/consolidate";
import { Grid, address } from "../../src/core/grid";
import { FINDINGS_SHEET, MERGE_SHEET, STATUS_SHEET, UNITS_SHEET, buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { SheetLayout } from "../../src/core/layout/sheetLayout";
import { FIXTURES, catalog, ruleSet } from "../support/data";
import { MockExcel, createMockExcel } from "./mockExcel";
import { copyGrid, firstGrid, province } from "./province";

/** Submitted text Excel would run as a formula if it were written as a value. */
const FORMULA_TEXT = '=HYPERLINK("x")';
const SHEETS = [MERGE_SHEET, STATUS_SHEET, FINDINGS_SHEET, UNITS_SHEET];

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
  const forty = province(150);

  it("merges what it was given", () => {
    expect(two.units.length).toBe(2);
    expect(two.units.map((u) => u.sheetName)).toContain(FORMULA_TEXT);
    expect(forty.units.length).toBe(150);
    expect(new Set(forty.units.map((u) => u.unitName)).size).toBe(150);
    expect(forty.units.every((u) => /Thử nghiệm/.test(u.unitName))).toBe(true);
  });

  it("syncs by request size, not by report: 2 syncs for 2 reports, one more for 150", async () => {
    const small = await writeMerge(two);
    const big = await writeMerge(forty);
    expect(small.mock.syncCount()).toBe(2);
    // 150 units queue more than the request budget holds once; each request stays under Excel's 5 MB (requestBudget.test.ts).
    expect(big.mock.syncCount()).toBe(3);
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

describe("references between the merge sheets", () => {
  /** Three units and a file whose unit the officer must choose from the list. */
  const withUnresolved: Consolidation = (() => {
    const c = province(3);
    return { ...c, files: [...c.files, { fileName: "bao-cao-khong-ro-don-vi.xlsx", status: "unresolved", reason: "Không đọc được tên đơn vị." }] };
  })();
  const choiceCell = (mock: MockExcel): string => {
    const status = mock.sheet(STATUS_SHEET);
    const v = status.validations.find((x) => x.rule?.list);
    if (!v) throw new Error("no drop-down on the status sheet");
    return v.address;
  };

  it("binds the unit drop-down to the list sheet on a first merge and after replacing every sheet", async () => {
    const mock = createMockExcel({ sheets: { "Số liệu riêng": { values: [["Ghi chép của cán bộ"]] } } });
    for (let round = 0; round < 2; round++) {
      await writeLayouts(mock.context, buildMergeLayouts(withUnresolved), { activate: true, replace: true });
      const source = mock.sheet(STATUS_SHEET).validationAt(choiceCell(mock))!.rule!.list!.source as string;
      expect(source).toMatch(new RegExp(`^='${UNITS_SHEET}'!\\$A\\$\\d+:\\$A\\$\\d+$`));
    }
    expect(mock.sheetNames()).toEqual(["Số liệu riêng", ...SHEETS]);
  });

  it("shows the fake binds by sheet: a reference to a deleted sheet is #REF!, a missing sheet is refused", async () => {
    const mock = createMockExcel({ sheets: { A: { values: [[1]] }, B: { values: [[""]], formulas: [["=A!A1"]] } } });
    const a = mock.context.workbook.worksheets.getItem("A");
    a.getRange("B1").dataValidation.rule = { list: { inCellDropDown: true, source: "=B!$A$1:$A$3" } };
    await mock.context.sync();
    mock.context.workbook.worksheets.getItem("B").name = "C";
    await mock.context.sync();
    expect(mock.sheet("A").validationAt("B1")!.rule!.list!.source).toBe("=C!$A$1:$A$3");
    mock.context.workbook.worksheets.getItem("A").delete();
    await mock.context.sync();
    expect(mock.sheet("C").formula("A1")).toBe("=#REF!A1");
    mock.context.workbook.worksheets.getItem("C").getRange("B1").dataValidation.rule = { list: { inCellDropDown: true, source: "='Không có'!$A$1" } };
    await expect(mock.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
