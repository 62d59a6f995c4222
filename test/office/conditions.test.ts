/**
 * Every Office action under the conditions where real Excel differs from a friendly fake: the oldest
 * supported API (ExcelApi 1.9), ";" as list separator (always on in the fake), a password-protected
 * sheet, a protected workbook structure, a chart sheet active, a 5 MB response limit reached, a sheet
 * renamed between two calls, a connection lost half-way through a write. Each action either works or
 * rejects with a Vietnamese message, and a failed action leaves the workbook exactly as it was.
 */
import { checkActiveSheet, insertTemplateSheet, readExpectedUnits, selectCell, watchActiveSheet, writeMergeSheets } from "../../src/adapters/office/actions";
import { NOTES_MISSING, PASSWORD_PROTECTED } from "../../src/adapters/office/checkSheet";
import { STRUCTURE_PROTECTED } from "../../src/adapters/office/writeLayout";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { checkGrids } from "../../src/core/check/check";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { UNITS_SHEET, buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { buildTemplateLayout } from "../../src/core/layout/templateLayout";
import { FIXTURES, catalog, fixture, ruleSet } from "../support/data";
import { MockExcel, MockExcelOptions, MockSheetInit, createMockExcel, installOfficeGlobals, removeOfficeGlobals, sheetInit, useExcelRun } from "./mockExcel";

const REPORT = "Biểu Sở Tài chính";
const grid = readXlsx(fixture(`${FIXTURES.taiChinh}.xlsx`))[0];
/** The officer's own list of units that must report, edited since the last merge. */
const UNITS = ["Sở Nông nghiệp và PTNT", "Ủy ban nhân dân huyện Cù Lao Dung", "Sở Y tế (đã sửa tay)"];
const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;

interface Condition {
  name: string;
  api: string;
  options?: MockExcelOptions;
  report?: Partial<MockSheetInit>;
  /** Happens between the check and the click on a finding. */
  between?: (mock: MockExcel) => void;
}

const CONDITIONS: Condition[] = [
  { name: "the oldest supported Excel (ExcelApi 1.9, no cell notes)", api: "ExcelApi 1.9" },
  { name: "Microsoft 365 (ExcelApi 1.18, cell notes)", api: "ExcelApi 1.18" },
  { name: "a sheet protected by the officer with a password", api: "ExcelApi 1.18", report: { protected: true, protectionPassword: "123", protectionOptions: { allowFormatColumns: true } } },
  { name: "a protected workbook structure", api: "ExcelApi 1.18", options: { structureProtected: true } },
  { name: "a chart sheet active", api: "ExcelApi 1.18", options: { chartSheetActive: true } },
  { name: "responses limited to 6 kB (the 5 MB limit reached)", api: "ExcelApi 1.18", options: { maxResponseBytes: 6_000 } },
  { name: "the sheet renamed between the check and the click", api: "ExcelApi 1.18", between: (mock) => (mock.sheet(REPORT).name = "Đã đổi tên") },
  { name: "the connection lost during the second sync", api: "ExcelApi 1.18", options: { failSync: { at: 2, code: "GeneralException" } } },
];

function workbookFor(c: Condition): MockExcel {
  return createMockExcel({
    ...c.options,
    sheets: {
      [UNITS_SHEET]: { values: [["DANH SÁCH ĐƠN VỊ PHẢI BÁO CÁO"], ["Tên đơn vị"], ...UNITS.map((u) => [u])] },
      [REPORT]: sheetInit(grid, c.report),
    },
    active: REPORT,
  });
}

/** Everything an officer could see in the workbook. */
function snapshot(mock: MockExcel): string {
  return JSON.stringify({
    names: mock.sheetNames(),
    sheets: mock.sheetNames().map((n) => {
      const s = mock.sheet(n);
      return {
        cells: [...s.cells].sort(([a], [b]) => a.localeCompare(b)),
        notes: [...s.notes],
        protection: [s.protected, s.protectionPassword, s.protectionOptions],
        visibility: s.visibility,
      };
    }),
    settings: [...mock.settings],
  });
}

type Outcome = { ok: true; notice?: string } | { ok: false; message: string };

/** Runs `action`; on failure the message must be Vietnamese and the workbook unchanged. */
async function attempt(mock: MockExcel, action: () => Promise<{ notice?: string } | unknown>): Promise<Outcome> {
  const before = snapshot(mock);
  try {
    const out = await action();
    const notice = out && typeof out === "object" && "notice" in out ? (out as { notice?: string }).notice : undefined;
    return { ok: true, notice };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    expect(message).toMatch(VIETNAMESE);
    expect(message).not.toMatch(/\b(sheet|error|failed|cannot|exception)\b/i);
    expect(snapshot(mock)).toBe(before);
    return { ok: false, message };
  }
}

const layout = buildTemplateLayout(catalog.byId.get("so-nganh-2023")!, { period: { kind: "q1", year: 2024 }, unitName: "Sở Y tế" });
const merge = buildMergeLayouts(
  consolidate(
    [FIXTURES.nongNghiep, FIXTURES.cuLaoDung].map((b) => ({ fileName: `${b}.xlsx`, result: checkGrids(readXlsx(fixture(`${b}.xlsx`)), catalog, ruleSet, `${b}.xlsx`) })),
    { expected: UNITS.map((name) => ({ name })) },
  ),
);

afterEach(() => removeOfficeGlobals());

describe.each(CONDITIONS)("every Office action with $name", (c) => {
  let mock: MockExcel;
  beforeEach(() => {
    installOfficeGlobals([c.api]);
    mock = workbookFor(c);
    useExcelRun(mock);
  });

  it("insert a template", async () => {
    const out = await attempt(mock, () => insertTemplateSheet(layout));
    if (c.options?.structureProtected) expect(out).toEqual({ ok: false, message: STRUCTURE_PROTECTED });
    else if (c.options?.failSync) expect(out.ok).toBe(false);
    else expect(out.ok).toBe(true);
  });

  it("check, highlight, click a finding, fix it, check again (clears its mark)", async () => {
    const first = await attempt(mock, () => checkActiveSheet(catalog, ruleSet));
    if (c.options?.chartSheetActive || c.options?.failSync) {
      expect(first.ok).toBe(false);
      return;
    }
    expect(first.ok).toBe(true);
    const limit = c.options?.maxResponseBytes;
    // The used range came back in blocks, none over the limit (the whole sheet is larger).
    if (limit) expect([mock.largestResponse() > 0, mock.largestResponse() <= limit, JSON.stringify(sheetInit(grid)).length > limit]).toEqual([true, true, true]);
    const sheet = mock.sheet(REPORT);
    const marked = sheet.format("E55", "fill.color");
    if (c.report?.protectionPassword) {
      expect(first).toEqual({ ok: true, notice: PASSWORD_PROTECTED });
      expect(marked).toBe("#FFFFFF");
    } else {
      expect(marked).toBe("#F8CBAD");
      expect(first.ok && first.notice).toBe(c.api === "ExcelApi 1.9" ? NOTES_MISSING : undefined);
      expect(sheet.note("E55") !== undefined).toBe(c.api !== "ExcelApi 1.9");
    }
    c.between?.(mock);
    expect(await attempt(mock, () => selectCell(REPORT, "E55"))).toEqual({ ok: true, notice: undefined });
    expect(mock.activeSheetName()).toBe(sheet.name);
    sheet.setValue("E55", "");
    const again = await attempt(mock, () => checkActiveSheet(catalog, ruleSet));
    expect(again.ok).toBe(true);
    expect(sheet.format("E55", "fill.color")).toBe("#FFFFFF");
    expect(sheet.note("E55")).toBeUndefined();
    expect([sheet.protected, sheet.protectionPassword]).toEqual([c.report?.protected === true, c.report?.protectionPassword]);
  });

  it("click a finding of a sheet deleted since the check: a Vietnamese message", async () => {
    if (c.options?.chartSheetActive || c.options?.failSync) return;
    await checkActiveSheet(catalog, ruleSet);
    mock.context.workbook.worksheets.getItem(REPORT).delete();
    await mock.context.sync().catch(() => undefined);
    if (mock.sheetNames().includes(REPORT)) return; // a protected structure keeps the sheet
    const out = await attempt(mock, () => selectCell(REPORT, "E55"));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toMatch(/đổi tên hoặc xóa/);
  });

  it("merge write: the officer's edited unit list survives a failure", async () => {
    const expected = await attempt(mock, () => readExpectedUnits());
    const out = await attempt(mock, () => writeMergeSheets(merge));
    const units = mock.sheet(UNITS_SHEET);
    if (c.options?.structureProtected) expect(out).toEqual({ ok: false, message: STRUCTURE_PROTECTED });
    if (c.options?.structureProtected || c.options?.failSync) {
      expect(out.ok).toBe(false);
      expect(UNITS.map((_u, i) => units.value(`A${i + 3}`))).toEqual(UNITS);
      return;
    }
    expect([expected.ok, out.ok]).toEqual([true, true]);
    expect(mock.sheetNames().filter((n) => / \(\d+\)$/.test(n))).toEqual([]);
    expect(mock.sheetNames().filter((n) => n === UNITS_SHEET)).toEqual([UNITS_SHEET]);
  });

  it("live re-check: typing on whichever sheet is active checks it again", async () => {
    const checks: Outcome[] = [];
    let pending: Promise<void> = Promise.resolve();
    const watched = await attempt(mock, () =>
      watchActiveSheet(() => {
        pending = attempt(mock, () => checkActiveSheet(catalog, ruleSet)).then((o) => void checks.push(o));
      }),
    );
    if (c.options?.failSync?.at === 1) {
      expect(watched.ok).toBe(false);
      return;
    }
    expect(watched.ok).toBe(true);
    await mock.type(REPORT, "E55", "");
    await pending;
    expect(checks.length).toBe(1);
    expect(checks[0].ok).toBe(!c.options?.chartSheetActive && !c.options?.failSync);
  });
});

describe("the fake Excel refuses what the host's ExcelApi version lacks (sets from @types/office-js)", () => {
  it("page layout (ExcelApi 1.9) fails on 1.8 and works on 1.9; notes (1.18) fail on 1.9", async () => {
    const old = createMockExcel({ sheets: { Trang: { values: [["a"]] } }, apiVersion: "1.8" });
    old.context.workbook.worksheets.getActiveWorksheet().pageLayout.orientation = "Landscape";
    await expect(old.context.sync()).rejects.toMatchObject({ code: "ApiNotFound", message: "Worksheet.pageLayout needs ExcelApi 1.9" });
    const ok = createMockExcel({ sheets: { Trang: { values: [["a"]] } }, apiVersion: "1.9" });
    ok.context.workbook.worksheets.getActiveWorksheet().pageLayout.orientation = "Landscape";
    await ok.context.sync();
    expect(ok.sheet("Trang").pageLayout.orientation).toBe("Landscape");
    ok.context.workbook.worksheets.getActiveWorksheet().notes.getItemOrNullObject("A1");
    await expect(ok.context.sync()).rejects.toMatchObject({ code: "ApiNotFound", message: "Worksheet.notes needs ExcelApi 1.18" });
  });

  it("follows Office.context.requirements when the globals say which sets the host has", async () => {
    installOfficeGlobals(["ExcelApi 1.7"]);
    const mock = createMockExcel({ sheets: { Trang: { values: [["a"]] } }, apiVersion: "1.18" });
    mock.context.workbook.worksheets.onChanged.add(async () => undefined);
    await expect(mock.context.sync()).rejects.toMatchObject({ code: "ApiNotFound", message: "WorksheetCollection.onChanged needs ExcelApi 1.9" });
  });
});
