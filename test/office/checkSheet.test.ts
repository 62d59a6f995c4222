import { readXlsx } from "../../src/adapters/xlsx/read";
import { FILL, NOTES_MISSING, PASSWORD_PROTECTED, STATE_KEY, STATE_KEY_PREFIX, checkActiveSheetIn } from "../../src/adapters/office/checkSheet";
import { checkGrids } from "../../src/core/check/check";
import { Finding } from "../../src/core/findings";
import { Grid } from "../../src/core/grid";
import { FIXTURES, catalog, fixture, ruleSet } from "../support/data";
import { clearActiveSheetMarks, watchActiveSheet } from "../../src/adapters/office/actions";
import {
  DEFAULT_PROTECTION,
  MockExcel,
  MockExcelOptions,
  MockSheetInit,
  colLetters,
  createMockExcel,
  installOfficeGlobals,
  removeOfficeGlobals,
  sheetInit,
  useExcelRun as serveExcelRun,
} from "./mockExcel";

/** The protection the add-in puts on the sheets it inserts (writeLayout) and restores after a check. */
const ADDIN_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: true,
};
const USER_BLUE = "#00B0F0";
const USER_GREEN = "#92D050";
const NO_FILL = "#FFFFFF";
/** Rows above the first indicator row in the Sở Tài chính fixture (titles and the two header rows). */
const HEADER_ROWS = 8;
/** Syncs of a check: the sheet's size, the cells (one block), the fills about to change, the write. */
const SYNCS = 4;
/** A check that finds what the sheet already shows writes nothing. */
const SYNCS_UNCHANGED = 3;
/** Plus one to lift the sheet's protection, on its own so a password can be told apart. */
const SYNCS_PROTECTED = 5;

function firstGrid(name: string): Grid {
  return readXlsx(fixture(`${name}.xlsx`))[0];
}

/** `grid`'s body repeated `times` times below its header: a much longer sheet, every copy after the first unknown to the template. */
function repeated(grid: Grid, times: number): Grid {
  const body = grid.rows.slice(HEADER_ROWS);
  const rows = grid.rows.slice(0, HEADER_ROWS);
  for (let k = 0; k < times; k++) rows.push(...body.map((row) => row.map((c) => (c ? { ...c } : c))));
  return { name: grid.name, rows };
}

function copyGrid(grid: Grid): Grid {
  return { name: grid.name, rows: grid.rows.map((row) => row.map((c) => (c ? { ...c } : c))) };
}

/** `grid` with a row the template does not know, holding a number: a warning on its label cell. */
function withUnknownRow(grid: Grid): { grid: Grid; label: string; value: string } {
  const out = copyGrid(grid);
  out.rows.push([undefined, { value: "Chỉ tiêu riêng của đơn vị" }, { value: "Văn bản" }, { value: 5 }]);
  const n = out.rows.length;
  return { grid: out, label: `B${n}`, value: `D${n}` };
}

interface Expected {
  findings: Finding[];
  /** By cell: the colour (the most severe finding) and the note (every message). */
  cells: Map<string, { fill: string; note: string }>;
}

/** What a check of `grid` must mark, straight from the core checker. */
function expectedFor(grid: Grid): Expected {
  const r = checkGrids([grid], catalog, ruleSet);
  if (!r.ok) throw new Error(r.reason);
  const byCell = new Map<string, { severity: Finding["severity"]; messages: string[] }>();
  for (const f of r.findings) {
    const e = byCell.get(f.cell) ?? { severity: f.severity, messages: [] };
    if (f.severity === "error") e.severity = "error";
    e.messages.push(f.message);
    byCell.set(f.cell, e);
  }
  return { findings: r.findings, cells: new Map([...byCell].map(([a, e]) => [a, { fill: FILL[e.severity], note: e.messages.join("\n") }])) };
}

function workbook(grid: Grid, extra: Partial<MockSheetInit> = {}, opts: Omit<MockExcelOptions, "sheets"> = {}, name = grid.name): MockExcel {
  return createMockExcel({ ...opts, sheets: { [name]: sheetInit(grid, extra) } });
}

/** Runs one check and returns its outcome with the syncs it took. */
async function check(mock: MockExcel): Promise<Awaited<ReturnType<typeof checkActiveSheetIn>> & { syncs: number }> {
  const before = mock.syncCount();
  const out = await checkActiveSheetIn(mock.context, catalog, ruleSet);
  return { ...out, syncs: mock.syncCount() - before };
}

/** Cells of `sheet` carrying a fill other than none, with that fill. */
function filled(mock: MockExcel, sheet: string): Map<string, unknown> {
  const s = mock.sheet(sheet);
  const out = new Map<string, unknown>();
  for (const key of s.cells.keys()) {
    const [r, c] = key.split(",").map(Number);
    const color = s.formatAt(r, c, "fill.color");
    if (color !== NO_FILL) out.set(`${colLetters(c)}${r + 1}`, color);
  }
  return out;
}

function expectMarked(mock: MockExcel, sheet: string, expected: Expected, withNotes: boolean): void {
  const s = mock.sheet(sheet);
  const problems: string[] = [];
  for (const [a, e] of expected.cells) {
    if (s.format(a, "fill.color") !== e.fill) problems.push(`${a} fill ${String(s.format(a, "fill.color"))} ≠ ${e.fill}`);
    const note = s.note(a);
    if (withNotes ? note !== e.note : note !== undefined) problems.push(`${a} note ${JSON.stringify(note)}`);
  }
  expect(problems.slice(0, 10)).toEqual([]);
  expect(s.notes.size).toBe(withNotes ? expected.cells.size : 0);
}

interface StoredHighlight {
  a: string;
  f: string;
  c: string;
  n: boolean;
}

/** The highlights remembered for `sheet` (what the next check will undo): with the sheet, or in the settings by its id below ExcelApi 1.12. */
function stored(mock: MockExcel, sheet: string): StoredHighlight[] | undefined {
  const s = mock.sheet(sheet);
  const value = s.customProperties.get(STATE_KEY.toLowerCase())?.value ?? mock.settings.get(STATE_KEY_PREFIX + s.id);
  return typeof value === "string" ? (JSON.parse(value) as StoredHighlight[]) : undefined;
}

describe("checkActiveSheetIn on a fake Excel", () => {
  const taiChinh = firstGrid(FIXTURES.taiChinh);
  const nongNghiep = firstGrid(FIXTURES.nongNghiep);

  beforeEach(() => installOfficeGlobals(["ExcelApi 1.18"]));
  afterEach(() => removeOfficeGlobals());

  it("reads the sheet as the core checker does and finds the note-column number at E55", () => {
    const expected = expectedFor(taiChinh);
    expect(expected.findings.find((f) => f.cell === "E55")).toMatchObject({ rule: "cau-truc.so-lieu-o-cot-ghi-chu", severity: "error" });
  });

  it("takes the same syncs for a small sheet and for a 20× larger one with many more findings", async () => {
    const small = workbook(taiChinh);
    const smallRun = await check(small);
    const bigGrid = repeated(taiChinh, 20);
    const bigExpected = expectedFor(bigGrid);
    const smallExpected = expectedFor(taiChinh);
    expect(bigGrid.rows.length).toBeGreaterThanOrEqual(20 * (taiChinh.rows.length - HEADER_ROWS));
    expect(bigExpected.cells.size).toBeGreaterThan(10 * smallExpected.cells.size);
    const big = workbook(bigGrid);
    const bigRun = await check(big);
    // A second check with nothing changed writes nothing, whatever the size.
    const bigAgain = await check(big);
    expect([smallRun.syncs, bigRun.syncs, bigAgain.syncs]).toEqual([SYNCS, SYNCS, SYNCS_UNCHANGED]);
    // The result is the core checker's, through the Office.js read.
    for (const [run, exp] of [
      [smallRun, smallExpected],
      [bigRun, bigExpected],
    ] as const) {
      expect(run.result.ok).toBe(true);
      if (run.result.ok) expect(run.result.findings).toEqual(exp.findings);
    }
    expectMarked(big, bigGrid.name, bigExpected, true);
  });

  it("fills each finding cell with its severity colour and notes its messages (ExcelApi 1.18)", async () => {
    // An error (a number in the note column) and a warning (a row the template does not know).
    const { grid, label } = withUnknownRow(taiChinh);
    const expected = expectedFor(grid);
    expect(FILL).toEqual({ error: "#F8CBAD", warning: "#FFE699" });
    expect(expected.cells.get("E55")?.fill).toBe(FILL.error);
    expect(expected.cells.get(label)?.fill).toBe(FILL.warning);
    const mock = workbook(grid);
    const run = await check(mock);
    expect(run.notice).toBeUndefined();
    expectMarked(mock, grid.name, expected, true);
    expect(mock.sheet(grid.name).note("E55")).toContain("E55");
    // Nothing else is coloured.
    expect(filled(mock, grid.name)).toEqual(new Map([...expected.cells].map(([a, e]) => [a, e.fill])));
  });

  it("without ExcelApi 1.18 colours the cells, adds no note and says so in Vietnamese", async () => {
    installOfficeGlobals(["ExcelApi 1.17"]);
    const expected = expectedFor(nongNghiep);
    // The fake rejects any use of worksheet.notes, like an Excel without 1.18.
    const mock = workbook(nongNghiep, {}, { notesApi: false });
    const run = await check(mock);
    expect(run.syncs).toBe(SYNCS);
    expect(run.notice).toBe(NOTES_MISSING);
    expect(run.notice).toMatch(/^Phiên bản Excel này chưa hỗ trợ ghi chú ô/);
    expectMarked(mock, nongNghiep.name, expected, false);
    expect(mock.noteCalls).toEqual([]);
    expect(stored(mock, nongNghiep.name)?.every((h) => !h.n)).toBe(true);
    // A check with nothing to mark has nothing to explain.
    const other = createMockExcel({ sheets: { Lương: { values: [["Họ tên", "Lương"]] } }, notesApi: false });
    const none = await check(other);
    // Nothing to mark and nothing marked before: no sync for fills or writes.
    expect([none.result.ok, none.notice, none.syncs]).toEqual([false, undefined, 2]);
    expect(filled(other, "Lương").size).toBe(0);
  });

  it("on a second check restores the fills of fixed cells, removes their notes and keeps a fill the user changed", async () => {
    // D173: 1128 + 338 electronic documents > 1129 in total; plus a row the template does not know.
    const { grid, label, value } = withUnknownRow(nongNghiep);
    const first = expectedFor(grid);
    expect(first.cells.get("D173")?.fill).toBe(FILL.error);
    expect(first.cells.get(label)?.fill).toBe(FILL.warning);
    // The user had coloured D173 before checking.
    const mock = workbook(grid, { formats: { D173: { "fill.color": USER_BLUE } } });
    const sheet = mock.sheet(grid.name);
    await check(mock);
    expect(sheet.format("D173", "fill.color")).toBe(FILL.error);
    // Checking again without changes keeps the user's colour as the one to restore.
    expect((await check(mock)).syncs).toBe(SYNCS_UNCHANGED);
    expectMarked(mock, grid.name, first, true);
    expect(stored(mock, grid.name)?.find((h) => h.a === "D173")).toEqual({ a: "D173", f: USER_BLUE, c: FILL.error, n: true });

    // The user fixes D173 and removes the stray number, after recolouring that row's label.
    sheet.setValue("D173", 700);
    sheet.setValue(value, "");
    sheet.setFormat(label, "fill.color", USER_GREEN);
    const fixed = copyGrid(grid);
    fixed.rows[172][3] = { value: 700 };
    fixed.rows[fixed.rows.length - 1][3] = undefined;
    const second = expectedFor(fixed);
    expect(second.cells.has("D173")).toBe(false);
    expect(second.cells.has(label)).toBe(false);

    const run = await check(mock);
    expect(run.syncs).toBe(SYNCS);
    expect(sheet.format("D173", "fill.color")).toBe(USER_BLUE);
    expect(sheet.format(label, "fill.color")).toBe(USER_GREEN);
    expect(sheet.note("D173")).toBeUndefined();
    expect(sheet.note(label)).toBeUndefined();
    // Cells still wrong stay marked.
    expectMarked(mock, grid.name, second, true);
    expect(stored(mock, grid.name)?.map((h) => h.a)).toEqual([...second.cells.keys()]);
  });

  it("restores no fill on a fixed cell that had none", async () => {
    const mock = workbook(taiChinh);
    const sheet = mock.sheet(taiChinh.name);
    await check(mock);
    expect(sheet.format("E55", "fill.color")).toBe(FILL.error);
    expect(sheet.note("E55")).toBe(expectedFor(taiChinh).cells.get("E55")?.note);
    sheet.setValue("E55", "");
    await check(mock);
    expect(sheet.format("E55", "fill.color")).toBe(NO_FILL);
    expect(sheet.note("E55")).toBeUndefined();
  });

  it("unprotects a protected template sheet, marks it and protects it again without a password", async () => {
    const mock = workbook(taiChinh, { protected: true, protectionOptions: ADDIN_PROTECTION });
    const sheet = mock.sheet(taiChinh.name);
    const run = await check(mock);
    expect(run.syncs).toBe(SYNCS_PROTECTED);
    expectMarked(mock, taiChinh.name, expectedFor(taiChinh), true);
    expect(sheet.protected).toBe(true);
    expect(sheet.protectionPassword).toBeUndefined();
    expect(sheet.protectionOptions).toEqual({ ...DEFAULT_PROTECTION, ...ADDIN_PROTECTION });
    expect(mock.protections).toEqual([
      { sheet: taiChinh.name, sheetId: sheet.id, action: "unprotect", password: undefined },
      { sheet: taiChinh.name, sheetId: sheet.id, action: "protect", options: { ...DEFAULT_PROTECTION, ...ADDIN_PROTECTION }, password: undefined },
    ]);
    // Every change to the sheet happens between the two.
    const ops = mock.ops.filter((o) => o.sheet === taiChinh.name);
    const unprotectAt = ops.findIndex((o) => o.path === "protection.unprotect");
    const protectAt = ops.findIndex((o) => o.path === "protection.protect");
    const changes = ops.map((o, i) => (o.kind === "set" || o.path.startsWith("notes.") || o.path === "format.fill.clear" ? i : -1)).filter((i) => i >= 0);
    expect(changes.length).toBeGreaterThan(0);
    expect(Math.min(...changes)).toBeGreaterThan(unprotectAt);
    expect(Math.max(...changes)).toBeLessThan(protectAt);

    // The fix, checked again on the protected sheet.
    sheet.setValue("E55", "");
    const again = await check(mock);
    expect(again.syncs).toBe(SYNCS_PROTECTED);
    expect(sheet.format("E55", "fill.color")).toBe(NO_FILL);
    expect(sheet.note("E55")).toBeUndefined();
    expect(sheet.protected).toBe(true);
    expect(mock.protections.map((p) => p.action)).toEqual(["unprotect", "protect", "unprotect", "protect"]);
  });

  it("leaves a password-protected sheet untouched and says why in Vietnamese, with the findings listed", async () => {
    const mock = workbook(taiChinh, { protected: true, protectionOptions: { allowFormatColumns: true }, protectionPassword: "bí mật" });
    const sheet = mock.sheet(taiChinh.name);
    const before = { fills: filled(mock, taiChinh.name), ops: mock.ops.length };
    const run = await check(mock);
    expect(run.notice).toBe(PASSWORD_PROTECTED);
    expect(run.result.ok && run.result.findings).toEqual(expectedFor(taiChinh).findings);
    expect(filled(mock, taiChinh.name)).toEqual(before.fills);
    expect(sheet.notes.size).toBe(0);
    expect([sheet.protected, sheet.protectionPassword, sheet.protectionOptions]).toEqual([true, "bí mật", { allowFormatColumns: true }]);
    expect(mock.settings.size).toBe(0);
    expect(mock.ops.slice(before.ops).filter((o) => o.kind === "set")).toEqual([]);
  });

  it("restores the officer's own protection options exactly", async () => {
    const officer: Excel.WorksheetProtectionOptions = { allowInsertRows: true, allowDeleteRows: true, allowFormatCells: false, selectionMode: "Unlocked" };
    const mock = workbook(taiChinh, { protected: true, protectionOptions: officer });
    const sheet = mock.sheet(taiChinh.name);
    await check(mock);
    expectMarked(mock, taiChinh.name, expectedFor(taiChinh), true);
    expect(sheet.protected).toBe(true);
    expect(sheet.protectionOptions).toEqual({ ...DEFAULT_PROTECTION, ...officer });
  });

  it("marks more than 400 findings one cell at a time, never through an address list", async () => {
    const grid = repeated(taiChinh, 20);
    const expected = expectedFor(grid);
    expect(expected.cells.size).toBeGreaterThan(400);
    const mock = workbook(grid);
    const run = await check(mock);
    expect(run.syncs).toBe(SYNCS);
    expect(mock.getRangesCalls).toEqual([]);
    expectMarked(mock, grid.name, expected, true);
  });

  it("keeps its state with each sheet: no sheet added, no setting, and a rename keeps the way back", async () => {
    const mock = createMockExcel({ sheets: { [taiChinh.name]: sheetInit(taiChinh), "Biểu 2": sheetInit(nongNghiep) } });
    await check(mock);
    mock.context.workbook.worksheets.getItem("Biểu 2").activate();
    await mock.context.sync();
    await check(mock);
    expect(mock.sheetNames()).toEqual([taiChinh.name, "Biểu 2"]);
    expect(mock.activeSheetName()).toBe("Biểu 2");
    expect(stored(mock, taiChinh.name)?.map((h) => h.a)).toEqual([...expectedFor(taiChinh).cells.keys()]);
    expect(stored(mock, "Biểu 2")?.map((h) => h.a)).toEqual([...expectedFor(nongNghiep).cells.keys()]);
    expect(mock.settings.size).toBe(0);
    // Renamed, then fixed: the next check still finds and undoes its marks.
    const sheet = mock.sheet("Biểu 2");
    sheet.name = "Sở Nông nghiệp";
    const fixed = [...expectedFor(nongNghiep).cells.keys()];
    for (const a of fixed) sheet.setValue(a, "");
    await check(mock);
    const left = fixed.filter((a) => sheet.format(a, "fill.color") !== NO_FILL && !stored(mock, "Sở Nông nghiệp")?.some((h) => h.a === a));
    expect(left).toEqual([]);
  });

  it("undoes its marks on a sheet whose name Excel would read as a number", async () => {
    const mock = workbook(taiChinh, {}, {}, "2023");
    const sheet = mock.sheet("2023");
    await check(mock);
    expect(sheet.format("E55", "fill.color")).toBe(FILL.error);
    sheet.setValue("E55", "");
    await check(mock);
    expect(sheet.format("E55", "fill.color")).toBe(NO_FILL);
    expect(sheet.note("E55")).toBeUndefined();
    expect(stored(mock, "2023")).toEqual([]);
  });

  it("leaves a note the user wrote on a finding cell alone", async () => {
    const mine = "Số liệu đã xác nhận với phòng Kế hoạch";
    const mock = workbook(taiChinh, { notes: { E55: mine } });
    const sheet = mock.sheet(taiChinh.name);
    const run = await check(mock);
    expect(run.syncs).toBe(SYNCS);
    expect(sheet.format("E55", "fill.color")).toBe(FILL.error);
    expect(sheet.note("E55")).toBe(mine);
    sheet.setValue("E55", "");
    await check(mock);
    expect(sheet.format("E55", "fill.color")).toBe(NO_FILL);
    expect(sheet.note("E55")).toBe(mine);
  });
});

describe("the fake Excel for checks", () => {
  afterEach(() => removeOfficeGlobals());

  it("enforces protection on values, formats and notes like Excel", async () => {
    const mock = createMockExcel({ sheets: { Khóa: { values: [["a", 1]], protected: true, protectionOptions: ADDIN_PROTECTION } }, apiVersion: "1.18" });
    const ws = mock.context.workbook.worksheets.getItem("Khóa");
    ws.getRanges("A1; B1").format.fill.color = "#FFE699";
    await mock.context.sync();
    expect(mock.sheet("Khóa").format("B1", "fill.color")).toBe("#FFE699");
    ws.notes.add("A1", "x");
    await expect(mock.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    ws.getRange("A1").clear();
    await expect(mock.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(mock.sheet("Khóa").notes.size).toBe(0);
    expect(mock.sheet("Khóa").value("A1")).toBe("a");
    ws.protection.unprotect();
    ws.notes.add("A1", "x");
    ws.protection.protect({});
    ws.getRange("B1").format.fill.color = "#F8CBAD";
    await expect(mock.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(mock.sheet("Khóa").note("A1")).toBe("x");
    expect(mock.sheet("Khóa").format("B1", "fill.color")).toBe("#FFE699");
  });

  it("reads loaded formats, protection and notes as they are at each sync", async () => {
    const mock = createMockExcel({ sheets: { Trang: { values: [["a"]], formats: { A1: { "fill.color": USER_BLUE } }, notes: { A1: "cũ" } } }, apiVersion: "1.18" });
    const ws = mock.context.workbook.worksheets.getActiveWorksheet();
    const a1 = ws.getRange("A1");
    a1.format.fill.load("color");
    ws.protection.load("protected");
    const note = ws.notes.getItemOrNullObject("A1");
    note.load("content");
    const none = ws.notes.getItemOrNullObject("B2");
    const missing = mock.context.workbook.worksheets.getItemOrNullObject("Không có");
    const missingUsed = missing.getUsedRangeOrNullObject(true);
    missingUsed.load("values");
    await mock.context.sync();
    expect([a1.format.fill.color, ws.protection.protected, note.isNullObject, note.content, none.isNullObject]).toEqual([USER_BLUE, false, false, "cũ", true]);
    expect([missing.isNullObject, missingUsed.isNullObject]).toEqual([true, true]);
    mock.sheet("Trang").setFormat("A1", "fill.color", USER_GREEN);
    note.content = "mới";
    ws.protection.protect();
    a1.format.fill.load("color");
    ws.protection.load("protected");
    await mock.context.sync();
    expect([a1.format.fill.color, ws.protection.protected, mock.sheet("Trang").note("A1")]).toEqual([USER_GREEN, true, "mới"]);
  });

  it("rejects notes without ExcelApi 1.18 and a second note on a cell", async () => {
    const old = createMockExcel({ sheets: { Trang: { values: [["a"]] } }, notesApi: false });
    old.context.workbook.worksheets.getActiveWorksheet().notes.getItemOrNullObject("A1");
    await expect(old.context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    const mock = createMockExcel({ sheets: { Trang: { values: [["a"]], notes: { A1: "cũ" } } }, apiVersion: "1.18" });
    mock.context.workbook.worksheets.getActiveWorksheet().notes.add("A1", "mới");
    await expect(mock.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(mock.sheet("Trang").note("A1")).toBe("cũ");
  });

  it("reports requirement sets up to the installed version", () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    const office = (globalThis as unknown as { Office: typeof Office }).Office;
    expect(["1.1", "1.9", "1.18", "1.19"].map((v) => office.context.requirements.isSetSupported("ExcelApi", v))).toEqual([true, true, true, false]);
  });
});

describe("what real Excel does between checks", () => {
  it("keeps what another pane on the workbook marked between this pane's reads and its write", async () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    const grid = firstGrid(FIXTURES.taiChinh);
    // The other pane marks A1 (from its own reading of the sheet) after this pane has read the state.
    const other = { a: "A1", f: USER_GREEN, c: FILL.warning, n: false };
    const mock = workbook(grid, {}, {
      otherRuntime: {
        afterSync: 2,
        run: (wb) => {
          const sheet = wb.sheet(grid.name);
          sheet.setFormat("A1", "fill.color", FILL.warning);
          sheet.customProperties.set(STATE_KEY.toLowerCase(), { key: STATE_KEY, value: JSON.stringify([other]) });
        },
      },
    });
    await check(mock);
    expect(stored(mock, grid.name)).toContainEqual(other);
    expect(mock.sheet(grid.name).format("A1", "fill.color")).toBe(FILL.warning);
  });

  it("reports a failure to lift the protection that is not a password as what it is", async () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    const mock = workbook(firstGrid(FIXTURES.taiChinh), { protected: true, protectionOptions: ADDIN_PROTECTION }, { failSync: { at: 4, code: "InvalidOperationInCellEditMode" } });
    await expect(check(mock)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });

  const taiChinh = firstGrid(FIXTURES.taiChinh);
  const nongNghiep = firstGrid(FIXTURES.nongNghiep);
  afterEach(() => removeOfficeGlobals());

  /** Live mode on the active sheet: how many re-checks the change events asked for. */
  async function live(mock: MockExcel): Promise<{ asked: () => number; stop: () => Promise<void> }> {
    serveExcelRun(mock);
    let asked = 0;
    const stop = await watchActiveSheet(() => asked++);
    return { asked: () => asked, stop };
  }

  it("live mode ignores its own fills and notes (ExcelApi 1.14) and a co-author's edits, and follows the officer's", async () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    const mock = workbook(taiChinh);
    const watch = await live(mock);
    await check(mock);
    await mock.settle();
    expect(watch.asked()).toBe(0);
    await mock.type(taiChinh.name, "E55", "", "Remote");
    expect(watch.asked()).toBe(0);
    await mock.type(taiChinh.name, "E55", "");
    expect(watch.asked()).toBe(1);
    await watch.stop();
  });

  it("below ExcelApi 1.14 its own writes do raise the event, and the check they cause writes nothing, which ends the round", async () => {
    installOfficeGlobals(["ExcelApi 1.13"]);
    const mock = workbook(taiChinh);
    const watch = await live(mock);
    await check(mock);
    await mock.settle();
    expect(watch.asked()).toBe(1);
    const again = await check(mock);
    await mock.settle();
    expect(again.syncs).toBe(SYNCS_UNCHANGED);
    expect(watch.asked()).toBe(1);
    await watch.stop();
  });

  it("after the workbook is saved and reopened (new sheet ids) still restores each cell's own fill and removes its notes", async () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    const mock = workbook(taiChinh, { formats: { E55: { "fill.color": USER_BLUE } } });
    const sheet = mock.sheet(taiChinh.name);
    const before = sheet.id;
    await check(mock);
    expect(sheet.format("E55", "fill.color")).toBe(FILL.error);
    mock.reopen();
    expect(sheet.id).not.toBe(before);
    sheet.setValue("E55", "");
    await check(mock);
    expect(sheet.format("E55", "fill.color")).toBe(USER_BLUE);
    expect(sheet.note("E55")).toBeUndefined();
  });

  it("below ExcelApi 1.12, where the state is lost with the sheet id, still knows its own notes by their text", async () => {
    installOfficeGlobals(["ExcelApi 1.11"]);
    const mock = workbook(taiChinh, {}, {}, taiChinh.name);
    const sheet = mock.sheet(taiChinh.name);
    await check(mock);
    mock.reopen();
    // Notes need 1.18: simulate the remembered text by what a check with notes leaves behind.
    const expected = expectedFor(taiChinh);
    for (const [a, e] of expected.cells) sheet.notes.set(a, e.note);
    installOfficeGlobals(["ExcelApi 1.18"]);
    await check(mock);
    const state = stored(mock, taiChinh.name) ?? [];
    expect(state.filter((h) => !h.n)).toEqual([]);
  });

  it("adds no note where a cell has a threaded comment, says so, and still colours and remembers every cell", async () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    const mock = workbook(taiChinh, { comments: { E55: "Anh Bình: số này lấy ở đâu?" } });
    const out = await check(mock);
    const sheet = mock.sheet(taiChinh.name);
    expect(sheet.format("E55", "fill.color")).toBe(FILL.error);
    expect(sheet.note("E55")).toBeUndefined();
    expect(out.notice).toMatch(/Ô E55 đã có chú thích/);
    expect(stored(mock, taiChinh.name)?.find((h) => h.a === "E55")).toMatchObject({ n: false, c: FILL.error });
  });

  it("“Xóa đánh dấu” puts every fill and note back exactly as before the first check", async () => {
    installOfficeGlobals(["ExcelApi 1.18"]);
    const mock = workbook(nongNghiep, { formats: { D173: { "fill.color": USER_BLUE } }, notes: { D10: "Ghi chú của cán bộ" } });
    serveExcelRun(mock);
    const sheet = mock.sheet(nongNghiep.name);
    const fillsBefore = filled(mock, nongNghiep.name);
    const notesBefore = new Map(sheet.notes);
    await check(mock);
    expect(filled(mock, nongNghiep.name)).not.toEqual(fillsBefore);
    await clearActiveSheetMarks();
    expect(filled(mock, nongNghiep.name)).toEqual(fillsBefore);
    expect(new Map(sheet.notes)).toEqual(notesBefore);
    expect(stored(mock, nongNghiep.name)).toEqual([]);
  });
});
