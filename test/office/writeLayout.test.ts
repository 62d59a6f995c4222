import { isDeepStrictEqual } from "util";
import { loadCatalog } from "../../src/adapters/node/catalogFiles";
import { REQUIREMENTS_MESSAGE, checkRequirements, supports } from "../../src/adapters/office/capabilities";
import {
  needsTextFormat,
  planSheetNames,
  sanitizeSheetName,
  toRectangles,
  writeLayouts,
} from "../../src/adapters/office/writeLayout";
import { Template, TemplateRow, ValueRow, isValueRow } from "../../src/core/catalog/schema";
import { address } from "../../src/core/grid";
import { LayoutCell, SheetLayout, VALIDATION_TITLE, columnWidthPoints } from "../../src/core/layout/sheetLayout";
import { TEMPLATE_FIRST_DATA_ROW, buildTemplateLayout, codeItem } from "../../src/core/layout/templateLayout";
import { MAX_PAYLOAD_BYTES, MockExcel, MockSheet, OfficeMockObject, createMockExcel } from "./mockExcel";

const catalog = loadCatalog();
const bySize = [...catalog.templates].sort((a, b) => a.rows.length - b.rows.length);
const smallest = bySize[0];
const largest = bySize[bySize.length - 1];

/** The first `n` rows of `t` (a ratio whose parts are cut off simply gets no formula). */
function head(t: Template, n: number): Template {
  return { ...t, id: `${t.id}-head`, rows: t.rows.slice(0, n) };
}

/** `t`'s rows repeated to `n` rows; each copy gets its own indicator IDs (and ratios point inside the copy). */
function synthesise(t: Template, n: number): Template {
  const rows: TemplateRow[] = [];
  for (let k = 0; rows.length < n; k++) {
    const sfx = (id: string): string => `${id}.copy${k}`;
    for (const r of t.rows) {
      if (rows.length >= n) break;
      if (!isValueRow(r)) {
        rows.push({ ...r });
        continue;
      }
      const agg = r.aggregate.type === "ratio" ? { ...r.aggregate, numerator: sfx(r.aggregate.numerator), denominator: sfx(r.aggregate.denominator) } : r.aggregate;
      rows.push({ ...r, id: sfx(r.id), aggregate: agg });
    }
  }
  return Template.parse({ ...t, id: `${t.id}-x${n}`, rows });
}

async function write(layouts: SheetLayout[], opts?: { activate?: boolean; replace?: boolean }, mock: MockExcel = createMockExcel()): Promise<MockExcel> {
  await writeLayouts(mock.context, layouts, opts);
  return mock;
}

function expectedInput(cell: LayoutCell | undefined): string | number {
  if (!cell) return "";
  return cell.value ?? "";
}

/** Every layout cell is in the sheet: same value (type included), formulas as formulas, strings never as formulas. */
function expectSameCells(sheet: MockSheet, layout: SheetLayout): void {
  const mismatches: string[] = [];
  layout.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const ref = address(r, c);
      if (cell.formula !== undefined) {
        if (sheet.formula(ref) !== `=${cell.formula}`) mismatches.push(`${ref}: formula ${String(sheet.formula(ref))}`);
        return;
      }
      if (sheet.formula(ref) !== undefined) mismatches.push(`${ref}: unexpected formula ${String(sheet.formula(ref))}`);
      if (sheet.value(ref) !== expectedInput(cell)) mismatches.push(`${ref}: ${JSON.stringify(sheet.value(ref))} ≠ ${JSON.stringify(cell.value)}`);
    }),
  );
  expect(mismatches.slice(0, 10)).toEqual([]);
}

function valueRows(t: Template): { row: ValueRow; excelRow: number }[] {
  return t.rows.flatMap((row, i) => (isValueRow(row) ? [{ row, excelRow: TEMPLATE_FIRST_DATA_ROW + i + 1 }] : []));
}

function rateFormula(rowOf: Map<string, number>, r: ValueRow): string | undefined {
  if (r.aggregate.type !== "ratio") return undefined;
  const n = rowOf.get(r.aggregate.numerator);
  const d = rowOf.get(r.aggregate.denominator);
  if (n === undefined || d === undefined) return undefined;
  return `=IF(OR(D${n}="",N(D${d})=0),"",ROUND(D${n}/D${d}*100,2))`;
}

/** The full set of checks for an inserted template sheet. */
function verifyTemplateSheet(mock: MockExcel, t: Template, layout: SheetLayout): void {
  const sheet = mock.sheet(layout.name);
  expectSameCells(sheet, layout);

  // Title, headers, labels, units and hidden IDs, asserted as concrete strings.
  expect(sheet.value("A1")).toBe(t.title);
  expect(sheet.value("A5")).toBe("STT");
  expect(sheet.value("B5")).toBe("Chỉ tiêu thống kê");
  expect(sheet.value("C5")).toBe("Kết quả thống kê");
  expect(sheet.value("C6")).toBe("Đơn vị tính");
  expect(sheet.value("D6")).toBe("Số liệu");
  expect(sheet.value("E5")).toBe(t.noteHeader);
  expect(sheet.value("F5")).toBe("Mã chỉ tiêu");
  expect(String(sheet.value("F1"))).toMatch(/^CCHC-ID:\{/);
  const rows = valueRows(t);
  expect(rows.length).toBeGreaterThan(0);
  // Per-row checks collect mismatches so thousands of rows cost one assertion.
  const problems: string[] = [];
  const check = (what: string, actual: unknown, expected: unknown): void => {
    if (!isDeepStrictEqual(actual, expected)) problems.push(`${what}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  };
  for (const { row, excelRow } of rows) {
    check(`B${excelRow}`, sheet.value(`B${excelRow}`), row.label);
    check(`C${excelRow}`, sheet.value(`C${excelRow}`), row.unit);
    check(`F${excelRow}`, sheet.value(`F${excelRow}`), row.id);
    check(`A${excelRow}`, sheet.value(`A${excelRow}`), row.stt);
  }
  // STT such as "1.1" would become the number 1.1 without the text format.
  const dotted = rows.find((v) => /^\d+\.\d+$/.test(v.row.stt));
  if (dotted) expect(sheet.numberFormat(`A${dotted.excelRow}`)).toBe("@");

  // Column layout.
  expect(sheet.columnHidden("F")).toBe(true);
  expect(sheet.columnHidden("B")).toBe(false);
  // The .xlsx writer's widths, in points: Excel's rule for a 7-pixel digit (62 characters → 434 px).
  expect(sheet.columnWidth("B")).toBe(columnWidthPoints(62));
  expect(columnWidthPoints(62)).toBe(325.5);
  expect(sheet.columnWidth("D")).toBe(columnWidthPoints(12));
  // Merged title rows keep their height; every other row is left to Excel's autofit.
  expect(sheet.rowHeight(1)).toBe(36);
  expect(sheet.rowHeight(3)).toBe(30);
  const sized = layout.rows.map((_r, i) => i + 1).filter((n) => sheet.rowHeight(n) !== undefined);
  expect(sized).toEqual([1, 3]);

  // Rates are formulas; counts, percents and coded answers are validated.
  const rowOf = new Map(rows.map((v) => [v.row.id, v.excelRow]));
  let formulas = 0;
  let wholes = 0;
  let percents = 0;
  let lists = 0;
  for (const { row, excelRow } of rows) {
    const ref = `D${excelRow}`;
    const formula = rateFormula(rowOf, row);
    const v = sheet.validationAt(ref);
    if (formula) {
      formulas++;
      check(`${ref} formula`, sheet.formula(ref), formula);
      check(`${ref} locked`, sheet.format(ref, "protection.locked"), true);
      check(`${ref} format`, sheet.numberFormat(ref), "0.00");
      continue;
    }
    if (row.kind === "count") {
      wholes++;
      check(`${ref} rule`, v?.rule, { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
      check(`${ref} alert`, v?.errorAlert, { showAlert: true, style: "Stop", title: VALIDATION_TITLE, message: "Nhập số nguyên không âm." });
      check(`${ref} prompt`, v?.prompt?.message, "Số nguyên không âm");
      check(`${ref} format`, sheet.numberFormat(ref), "#,##0");
    } else if (row.kind === "percent") {
      percents++;
      // A rate against a plan may go beyond 100.
      const max = row.mayExceed100 ? 1000 : 100;
      check(`${ref} rule`, v?.rule, { decimal: { formula1: 0, formula2: max, operator: "Between" } });
      check(`${ref} alert`, v?.errorAlert?.message, `Nhập số từ 0 đến ${max}.`);
      check(`${ref} format`, sheet.numberFormat(ref), "0.00");
    } else if (row.kind === "coded" && row.codes) {
      lists++;
      check(`${ref} rule`, v?.rule, { list: { inCellDropDown: true, source: row.codes.map(codeItem).join(",") } });
      check(`${ref} alert`, v?.errorAlert?.title, VALIDATION_TITLE);
    }
    // Value and note columns are open for input, labels and units stay locked.
    check(`${ref} locked`, sheet.format(ref, "protection.locked"), false);
    check(`E${excelRow} locked`, sheet.format(`E${excelRow}`, "protection.locked"), false);
    for (const col of ["A", "B", "C"]) check(`${col}${excelRow} locked`, sheet.format(`${col}${excelRow}`, "protection.locked"), true);
  }
  expect(problems.slice(0, 10)).toEqual([]);
  const hasCoded = t.rows.some((r) => isValueRow(r) && r.kind === "coded");
  expect(wholes).toBeGreaterThan(0);
  if (t.rows.some((r) => isValueRow(r) && rateFormula(rowOf, r))) expect(formulas).toBeGreaterThan(0);
  if (hasCoded) expect(lists).toBeGreaterThan(0);
  expect(percents + formulas).toBe(rows.filter((v) => v.row.kind === "percent").length);

  // The same look as the .xlsx writer: fonts, fills, borders across the whole table.
  expect(sheet.format("Z100", "font.name")).toBe("Times New Roman");
  expect(sheet.format("A1", "font.bold")).toBe(true);
  expect(sheet.format("A1", "font.size")).toBe(13);
  expect(sheet.format("A3", "font.italic")).toBe(true);
  expect(sheet.format("B5", "fill.color")).toBe("#D9E1F2");
  expect(sheet.format(`F${rows[0].excelRow}`, "font.color")).toBe("#808080");
  expect(sheet.format(`B${rows[0].excelRow}`, "wrapText")).toBe(true);
  expect(sheet.format(`D${rows[0].excelRow}`, "horizontalAlignment")).toBe("Right");
  const last = layout.rows.length;
  const unbordered: string[] = [];
  for (let r = 5; r <= last; r++)
    for (const col of ["A", "B", "C", "D", "E"]) {
      const b = sheet.borders(`${col}${r}`);
      if (b.top !== "Continuous" || b.bottom !== "Continuous" || b.left !== "Continuous" || b.right !== "Continuous") unbordered.push(`${col}${r}`);
    }
  expect(unbordered.slice(0, 5)).toEqual([]);
  expect(sheet.borders("F7")).toEqual({});
  expect(sheet.borders("A1")).toEqual({});

  expect(sheet.merges).toEqual(layout.merges);
  expect(sheet.frozenRows).toBe(6);
  expect(sheet.printTitleRows).toBe("$5:$6");
  expect(sheet.pageLayout).toMatchObject({ paperSize: "A4", orientation: "Portrait", zoom: { horizontalFitToPages: 1 } });
  expect(sheet.pageLayout.zoom).not.toHaveProperty("verticalFitToPages");

  // Protection last, without a password.
  expect(sheet.protected).toBe(true);
  expect(sheet.protectionPassword).toBeUndefined();
  expect(mock.protections.filter((p) => p.sheetId === sheet.id)).toEqual([
    {
      sheet: expect.any(String),
      sheetId: sheet.id,
      action: "protect",
      options: { allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: true },
      password: undefined,
    },
  ]);
  const sheetOps = mock.ops.filter((o) => o.sheetId === sheet.id);
  const protectAt = sheetOps.findIndex((o) => o.path === "protection.protect");
  // Protection comes after every cell and format change (a rename or move in a swap may follow it).
  const lastSet = sheetOps.map((o) => (o.kind === "set" && o.path !== "name" && o.path !== "position" ? "set" : "")).lastIndexOf("set");
  expect(protectAt).toBeGreaterThan(lastSet);
  // No address list: each area is its own getRange, whatever the user's list separator.
  expect(mock.getRangesCalls).toEqual([]);
}

describe("writeLayouts (Office.js) on a fake Excel", () => {
  const small = head(smallest, 12);
  const big2000 = synthesise(largest, 2000);
  const cases: [string, Template][] = [
    ["the first rows of the smallest template", small],
    [`the smallest template (${smallest.id}, ${smallest.rows.length} rows)`, smallest],
    [`the largest template (${largest.id}, ${largest.rows.length} rows)`, largest],
    ["a synthetic 2000-row template", big2000],
  ];

  it.each(cases)("writes %s cell by cell with two syncs", async (_name, t) => {
    const layout = buildTemplateLayout(t, { unitName: "Sở Tư pháp", period: { kind: "q1", year: 2024 } });
    const mock = await write([layout]);
    expect(mock.syncCount()).toBe(2);
    verifyTemplateSheet(mock, t, layout);
  });

  it("uses the same number of syncs whatever the size or the number of sheets", async () => {
    const counts: number[] = [];
    for (const t of [small, largest, big2000]) counts.push((await write([buildTemplateLayout(t)])).syncCount());
    const many = [small, smallest, largest, big2000].map((t, i) => buildTemplateLayout(t, { sheetName: `Biểu ${i + 1}` }));
    const all = await write(many);
    counts.push(all.syncCount());
    // Four templates together outgrow one request: the batch adds a sync rather than send more than 5 MB.
    expect(counts).toEqual([2, 2, 2, 3]);
    expect(Math.max(...all.requestSizes())).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(all.sheetNames()).toEqual(["Biểu 1", "Biểu 2", "Biểu 3", "Biểu 4"]);
    many.forEach((l, i) => verifyTemplateSheet(all, [small, smallest, largest, big2000][i], l));
  });

  it("writes the 2000-row sheet with one values/formulas assignment and one number-format assignment", async () => {
    const layout = buildTemplateLayout(big2000);
    const mock = await write([layout]);
    const writes = mock.writes.filter((w) => w.sheet === layout.name);
    expect(writes.map((w) => [w.property, w.address])).toEqual([
      ["numberFormat", `A1:F${layout.rows.length}`],
      ["formulas", `A1:F${layout.rows.length}`],
    ]);
    expect(writes[1].data.length).toBe(layout.rows.length);
    expect(writes[1].data[0]).toEqual([big2000.title, "", "", "", "", expect.stringMatching(/^CCHC-ID:/)]);
    expect(mock.getRangesCalls).toEqual([]);
  });

  it("formats 450 isolated cells one area at a time, without an address list", async () => {
    // 450 isolated bold cells in a checkerboard: no two can share a rectangle.
    const rows: LayoutCell[][] = [];
    for (let r = 0; r < 30; r++) {
      const row: LayoutCell[] = [];
      for (let c = 0; c < 30; c++) row.push((r + c) % 2 === 0 ? { value: r * 100 + c, style: "bold" } : { value: "x" });
      rows.push(row);
    }
    const layout: SheetLayout = { name: "Bàn cờ", columns: [], rows, merges: [], validations: [], protect: false };
    const mock = await write([layout]);
    expect(mock.syncCount()).toBe(2);
    expect(mock.getRangesCalls).toEqual([]);
    expect(mock.formats.filter((f) => f.path === "font.bold").length).toBe(450);
    const sheet = mock.sheet("Bàn cờ");
    expect(sheet.format("A1", "font.bold")).toBe(true);
    expect(sheet.format("B1", "font.bold")).toBe(false);
    expect(sheet.format("AD30", "font.bold")).toBe(true);
    expect(sheet.format("AC30", "font.bold")).toBe(false);
    expect(sheet.value("AD30")).toBe(2929);
    expect(sheet.protected).toBe(false);
    expect(mock.protections).toEqual([]);
  });

  it("keeps strings that look like formulas or numbers as text", async () => {
    const texts = ["=SUM(A1)", "+1-2", "- Số nhiệm vụ đã hoàn thành", "@A1", "1.1", "007", "TRUE", "#N/A"];
    const layout: SheetLayout = {
      name: "Văn bản",
      columns: [{ width: 20 }],
      rows: [...texts.map((value): LayoutCell[] => [{ value, style: "label" }]), [{ value: 12, style: "count" }], [{ formula: "SUM(A9:A9)", style: "count" }]],
      merges: [],
      validations: [],
      protect: true,
    };
    const mock = await write([layout]);
    const sheet = mock.sheet("Văn bản");
    texts.forEach((text, i) => {
      const ref = `A${i + 1}`;
      expect([ref, sheet.value(ref), sheet.formula(ref), sheet.numberFormat(ref)]).toEqual([ref, text, undefined, "@"]);
    });
    expect(sheet.value("A9")).toBe(12);
    expect(sheet.numberFormat("A9")).toBe("#,##0");
    expect(sheet.formula("A10")).toBe("=SUM(A9:A9)");
    expect(sheet.numberFormat("A10")).toBe("#,##0");
    // The text format is in place before the cells are filled.
    const order = mock.writes.filter((w) => w.sheet === "Văn bản").map((w) => w.property);
    expect(order).toEqual(["numberFormat", "formulas"]);
    expect(mock.writes[1].data[0]).toEqual(["=SUM(A1)"]);
  });

  it("the fake turns an unguarded '=SUM(A1)' into a formula (so the test above can fail)", async () => {
    const mock = createMockExcel({ sheets: { Trang: { values: [[""]] } } });
    const range = mock.context.workbook.worksheets.getItem("Trang").getRange("A1:B1");
    range.values = [["=SUM(A1)", "1.1"]];
    await mock.context.sync();
    expect(mock.sheet("Trang").formula("A1")).toBe("=SUM(A1)");
    expect(mock.sheet("Trang").value("B1")).toBe(1.1);
  });

  it("prints a wide table as the official one: indicator columns on every page, at its scale, the label column frozen", async () => {
    const layout: SheetLayout = {
      ...buildTemplateLayout(small, { sheetName: "Tổng hợp" }),
      protect: false,
      printTitleColumns: [1, 4],
      printScale: 80,
      printArea: "A1:E40",
      freezeColumns: 2,
    };
    const mock = createMockExcel();
    await writeLayouts(mock.context, [layout]);
    const sheet = mock.sheet("Tổng hợp");
    expect(sheet.frozenAt).toBe("A1:B6");
    expect(sheet.printTitleRows).toBe("$5:$6");
    expect(sheet.printTitleColumns).toBe("$A:$D");
    expect(sheet.printArea).toBe("A1:E40");
    expect(sheet.pageLayout.zoom).toEqual({ scale: 80 });
  });

  it("picks a free name next to an existing sheet and leaves it untouched", async () => {
    const layout = buildTemplateLayout(small, { sheetName: "CCHC" });
    const mock = createMockExcel({ sheets: { CCHC: { values: [["cũ"]] }, "cchc (2)": { values: [["cũ 2"]] } } });
    const names = await writeLayouts(mock.context, [layout, { ...layout }], { activate: true });
    expect(names).toEqual(["CCHC (3)", "CCHC (4)"]);
    expect(mock.syncCount()).toBe(2);
    expect(mock.sheetNames()).toEqual(["CCHC", "cchc (2)", "CCHC (3)", "CCHC (4)"]);
    expect(mock.sheet("CCHC").value("A1")).toBe("cũ");
    expect(mock.sheet("CCHC (3)").value("A1")).toBe(small.title);
    expect(mock.sheet("CCHC (4)").value("A1")).toBe(small.title);
    expect(mock.activeSheetName()).toBe("CCHC (3)");
  });

  it("replaces a sheet of the same name in place with replace", async () => {
    const layout = buildTemplateLayout(small, { sheetName: "Biểu" });
    const mock = createMockExcel({ sheets: { Đầu: { values: [["a"]] }, Biểu: { values: [["cũ", "cũ"]], protected: true }, Cuối: { values: [["z"]] } }, active: "Cuối" });
    await write([layout], { replace: true, activate: true }, mock);
    // Read names, write under a temporary name, then swap.
    expect(mock.syncCount()).toBe(3);
    expect(mock.sheetNames()).toEqual(["Đầu", "Biểu", "Cuối"]);
    const sheet = mock.sheet("Biểu");
    expect(sheet.value("A1")).toBe(small.title);
    expect(sheet.value("B1")).toBe("");
    expect(sheet.protected).toBe(true);
    expect(mock.activeSheetName()).toBe("Biểu");
    verifyTemplateSheet(mock, small, layout);
  });

  it("replaces the only sheet of a workbook (adds before it deletes)", async () => {
    const layout = buildTemplateLayout(small, { sheetName: "Sheet1" });
    const mock = createMockExcel({ sheets: { Sheet1: { values: [["cũ"]] } } });
    await write([layout], { replace: true }, mock);
    expect(mock.sheetNames()).toEqual(["Sheet1"]);
    expect(mock.sheet("Sheet1").value("A1")).toBe(small.title);
  });

  it("list items never contain the \",\" that separates them in a validation source", () => {
    const items = catalog.templates.flatMap((t) => buildTemplateLayout(t).validations.flatMap((v) => (v.type === "list" ? v.items : [])));
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((i) => i.includes(","))).toEqual([]);
  });

  it("does not sync at all for an empty list", async () => {
    const mock = await write([]);
    expect(mock.syncCount()).toBe(0);
  });
});

describe("the fake Excel itself (shared with other Office tests)", () => {
  it("follows office-addin-mock load/sync semantics and reads the simulated cells", async () => {
    const mock = createMockExcel({ sheets: { "Báo cáo": { values: [["STT", "Chỉ tiêu"], ["1", 5]], numberFormat: [["@", "@"], ["@", "0.00"]] } } });
    const ws = mock.context.workbook.worksheets.getItem("Báo cáo");
    const used = ws.getUsedRange();
    expect(used.values).toBe("Error, property was not loaded");
    used.load("values, numberFormat, address");
    const missing = mock.context.workbook.worksheets.getItemOrNullObject("Không có");
    await mock.context.sync();
    expect(used.values).toEqual([
      ["STT", "Chỉ tiêu"],
      ["1", 5],
    ]);
    expect(used.numberFormat).toEqual([
      ["@", "@"],
      ["@", "0.00"],
    ]);
    expect(used.address).toBe("'Báo cáo'!A1:B2");
    expect(missing.isNullObject).toBe(true);
    ws.getRanges("B2; A1").format.fill.color = "#FFC7CE";
    await mock.context.sync();
    expect(mock.sheet("Báo cáo").format("B2", "fill.color")).toBe("#FFC7CE");
    expect(mock.sheet("Báo cáo").format("B1", "fill.color")).toBe("#FFFFFF");
    expect(mock.formats).toEqual([{ sheet: "Báo cáo", address: "B2, A1", path: "fill.color", value: "#FFC7CE" }]);
    expect(mock.syncCount()).toBe(2);
    // Vietnamese regional settings: "," is not the list separator.
    ws.getRanges("B2, A1").format.fill.color = "#000000";
    await expect(mock.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(mock.sheet("Báo cáo").format("B2", "fill.color")).toBe("#FFC7CE");
  });

  it("rejects the batch like Excel when writing locked cells of a protected sheet", async () => {
    const mock = createMockExcel({ sheets: { Khóa: { values: [["a"]], protected: true } } });
    mock.context.workbook.worksheets.getItem("Khóa").getRange("A1").values = [["b"]];
    await expect(mock.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(mock.sheet("Khóa").value("A1")).toBe("a");
  });
});

describe("writeLayout helpers", () => {
  it("compacts cells into rectangles", () => {
    const cells: [number, number][] = [
      [6, 1],
      [7, 1],
      [8, 1],
      [10, 1],
      [6, 3],
      [6, 4],
      [7, 3],
      [7, 4],
    ];
    expect(toRectangles(cells)).toEqual([
      { r1: 6, c1: 1, r2: 8, c2: 1 },
      { r1: 6, c1: 3, r2: 7, c2: 4 },
      { r1: 10, c1: 1, r2: 10, c2: 1 },
    ]);
  });

  it("plans unique sheet names", () => {
    expect(planSheetNames(["A", "a", "B"], ["a", "A (2)"], false).map((p) => p.name)).toEqual(["A (3)", "a (4)", "B"]);
    expect(planSheetNames(["A", "A"], ["A"], true)).toEqual([
      { name: "A", replaces: true, tempName: "A (2)" },
      { name: "A (3)", replaces: false },
    ]);
    const long = "x".repeat(40);
    expect(planSheetNames([long], [long.slice(0, 31)], false)[0].name).toBe(`${"x".repeat(27)} (2)`);
    expect(sanitizeSheetName("Q1/2024: [CCHC]?")).toBe("Q1-2024- -CCHC--");
    expect(sanitizeSheetName("  ''  ")).toBe("Biểu CCHC");
  });

  it("knows which strings Excel would reinterpret", () => {
    expect(["=A1", "+1", "-x", "@x", "1.1", "2024", "#REF!", "true", "(5)"].map(needsTextFormat)).toEqual(Array(9).fill(true));
    expect(["Văn bản", "Không = 0, Có = 1", "I", "", "direction.plan.tasks_done"].map(needsTextFormat)).toEqual(Array(5).fill(false));
  });
});

describe("capabilities", () => {
  const g = globalThis as unknown as { Office?: unknown };
  afterEach(() => {
    delete g.Office;
  });

  const withHost = (supported: string[]): void => {
    g.Office = new OfficeMockObject({
      context: { requirements: { isSetSupported: (name: string, version?: string) => supported.includes(`${name} ${version ?? ""}`.trim()) } },
    });
  };

  it("accepts a host with ExcelApi 1.9", () => {
    withHost(["ExcelApi 1.9"]);
    expect(checkRequirements()).toEqual({ ok: true, missing: [] });
    expect(supports("1.9")).toBe(true);
    expect(supports("1.18")).toBe(false);
  });

  it("explains in Vietnamese what is missing", () => {
    withHost(["ExcelApi 1.8"]);
    const r = checkRequirements();
    expect(r).toEqual({ ok: false, missing: ["ExcelApi 1.9"], message: REQUIREMENTS_MESSAGE });
    expect(r.message).toContain("Phiên bản Excel này chưa hỗ trợ ExcelApi 1.9");
  });

  it("reports missing support outside Office", () => {
    expect(checkRequirements().ok).toBe(false);
    expect(supports("1.1")).toBe(false);
  });
});
