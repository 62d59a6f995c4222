import { readXlsx, XlsxReadError } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { checkGrids } from "../../src/core/check/check";
import { Grid } from "../../src/core/grid";
import { buildTemplateLayout } from "../../src/core/layout/templateLayout";
import { TRAILING_BARE_ROWS, recognizeSheet } from "../../src/core/recognize/recognize";
import { decideUnit } from "../../src/core/recognize/unitEvidence";
import { FIXTURES, catalog, fixture, ruleSet } from "../support/data";

function stampedGrid(): Grid {
  const t = catalog.byId.get("so-nganh-2023")!;
  const layout = buildTemplateLayout(t, { period: { kind: "q2", year: 2024 }, unitName: "Sở Xây dựng" });
  const [grid] = readXlsx(writeXlsx([layout]));
  return grid;
}

describe("recognising received sheets", () => {
  it.each([
    [FIXTURES.nongNghiep, "so-nganh-2023", "Sở Nông nghiệp và PTNT", { kind: "q1", year: 2023 }],
    [FIXTURES.thongTin, "so-nganh-2023", "Sở Thông tin và Truyền thông tỉnh Sóc Trăng", { kind: "year", year: 2023 }],
    [FIXTURES.taiChinh, "so-nganh-2021", "Sở Tài chính tỉnh Sóc Trăng", { kind: "q1", year: 2021 }],
    [FIXTURES.cuLaoDung, "cap-huyen-2023", "Ủy ban nhân dân huyện Cù Lao Dung", { kind: "q1", year: 2023 }],
    [FIXTURES.taiNguyen, "tinh-2023", "Sở TNMT", { kind: "q2", year: 2023 }],
  ])("%s → %s, unit and period from the title lines", (base, template, unit, period) => {
    const r = recognizeSheet(readXlsx(fixture(`${base}.xlsx`))[0], catalog, `${base}.xlsx`);
    if (!r.ok) throw new Error(r.reason);
    expect(r.submission.template.id).toBe(template);
    expect(r.submission.unitName).toBe(unit);
    expect(r.submission.unitSource).toBe("title");
    expect(r.submission.period).toEqual(period);
    // Almost every table row maps to a template row (wrapped labels joined, page-break headers skipped).
    expect(r.submission.matched.length / (r.submission.matched.length + r.submission.unmatched.length)).toBeGreaterThan(0.97);
  });

  it("matches a stamped sheet exactly, even after rows were moved and a row inserted", () => {
    const grid = stampedGrid();
    const rows = grid.rows;
    // Move the block of rows 20–24 to the end and insert a free row in the middle.
    const moved = rows.splice(19, 5);
    rows.push(...moved);
    rows.splice(40, 0, [undefined, { value: "Dòng người dùng tự thêm" }]);
    const r = recognizeSheet(grid, catalog);
    if (!r.ok) throw new Error(r.reason);
    expect(r.submission.template.id).toBe("so-nganh-2023");
    expect(r.submission.unitName).toBe("Sở Xây dựng");
    expect(r.submission.unitSource).toBe("identity");
    expect(r.submission.period).toEqual({ kind: "q2", year: 2024 });
    const t = catalog.byId.get("so-nganh-2023")!;
    const valueRows = t.rows.filter((x) => x.kind !== "section" && x.kind !== "group").length;
    expect(r.submission.matched.filter((m) => m.templateRow.kind !== "section" && m.templateRow.kind !== "group")).toHaveLength(valueRows);
  });

  it("takes the unit from the file name only when the file name names a known unit", () => {
    const grid = stampedGrid();
    grid.rows[0] = [{ value: "THỐNG KÊ SỐ LIỆU" }];
    grid.rows[2] = [{ value: "(Kèm theo Báo cáo số …)" }];
    const r = recognizeSheet(grid, catalog, "UBND-xa-An-Binh_Q2-2024.xlsx");
    if (!r.ok) throw new Error(r.reason);
    // Alone, a file name names nobody; against the list of units it points to one.
    expect(r.submission.unitName).toBeUndefined();
    const fileName = "UBND-xa-An-Binh_Q2-2024.xlsx";
    const expected = [{ name: "UBND xã An Bình" }, { name: "UBND xã An Bình Tây" }];
    expect(decideUnit(r.submission.unitCandidates, { fileName, expected })).toEqual({ resolved: true, name: "UBND xã An Bình", source: "fileName" });
    expect(decideUnit(r.submission.unitCandidates, { fileName, expected: [{ name: "UBND xã An Bình Tây" }] })).toMatchObject({ resolved: false });
  });

  it("stops reading after a long run of rows numbered but otherwise empty, and not before", () => {
    const unknownRows = (bare: number): string[] => {
      const [grid] = readXlsx(fixture(`${FIXTURES.nongNghiep}.xlsx`));
      const before = recognizeSheet(grid, catalog);
      if (!before.ok) throw new Error(before.reason);
      const { stt, label, value } = before.submission.columns;
      for (let i = 0; i < bare; i++) grid.rows.push(Object.assign([], { [stt]: { value: i % 7 } }));
      grid.rows.push(Object.assign([], { [label]: { value: "Dòng sau phần trống" }, [value]: { value: 5 } }));
      const r = recognizeSheet(grid, catalog);
      if (!r.ok) throw new Error(r.reason);
      return r.submission.unmatched.map((u) => u.label).filter((l) => l === "Dòng sau phần trống");
    };
    expect(unknownRows(TRAILING_BARE_ROWS - 1)).toEqual(["Dòng sau phần trống"]);
    expect(unknownRows(TRAILING_BARE_ROWS + 5)).toEqual([]);
  });

  it("says clearly when a sheet is not a report", () => {
    const r = recognizeSheet({ name: "Bảng lương", rows: [[{ value: "Họ tên" }, { value: "Lương" }], [{ value: "A" }, { value: 5 }]] }, catalog);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining("không có bảng chỉ tiêu") });
  });

  it("says clearly when the table fits no template", () => {
    const rows = [[{ value: "STT" }, { value: "Chỉ tiêu thống kê" }, { value: "Đơn vị tính" }, { value: "Số liệu" }]];
    for (let i = 0; i < 30; i++) rows.push([{ value: String(i) }, { value: `Chỉ tiêu lạ số ${i}` }, { value: "Cái" }, { value: String(i) }]);
    const r = recognizeSheet({ name: "Khác", rows }, catalog);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("Không nhận ra biểu mẫu");
  });

  it("rejects an unknown template ID in a stamp with a Vietnamese reason", () => {
    const grid = stampedGrid();
    grid.rows[0]![5] = { value: 'CCHC-ID:{"v":1,"template":"xa-2030","unitName":"X"}' };
    const r = recognizeSheet(grid, catalog);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining("“xa-2030” không có trong danh mục") });
  });
});

describe("bad files get a clear message and are never modified", () => {
  const good = fixture(`${FIXTURES.nongNghiep}.xlsx`);

  function problem(bytes: Uint8Array): string {
    try {
      readXlsx(bytes);
    } catch (e) {
      if (e instanceof XlsxReadError) return e.problem;
      throw e;
    }
    return "none";
  }

  it("a truncated download", () => {
    const copy = good.slice(0, Math.floor(good.length / 2));
    expect(problem(copy)).toBe("corrupt");
  });

  it("an old .xls and a password-protected workbook (both OLE compound files)", () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(problem(ole)).toBe("legacyXls");
    const encrypted = new Uint8Array(1024);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = "EncryptionInfo";
    for (let i = 0; i < name.length; i++) encrypted[600 + 2 * i] = name.charCodeAt(i);
    expect(problem(encrypted)).toBe("encrypted");
  });

  it("a file that is not a workbook at all, and an empty file", () => {
    expect(problem(new TextEncoder().encode("Kính gửi Sở Nội vụ"))).toBe("notExcel");
    expect(problem(new Uint8Array(0))).toBe("corrupt");
  });

  it("reading and checking leave the bytes unchanged", () => {
    const before = Buffer.from(good).toString("base64");
    const r = checkGrids(readXlsx(good), catalog, ruleSet, "x.xlsx");
    expect(r.ok).toBe(true);
    expect(Buffer.from(good).toString("base64")).toBe(before);
  });
});
