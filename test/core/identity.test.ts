import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { checkGrids } from "../../src/core/check/check";
import { MergeInput, consolidate } from "../../src/core/consolidate/consolidate";
import { buildTemplateLayout } from "../../src/core/layout/templateLayout";
import { STATUS_SHEET, UNITS_SHEET, assignmentsFromRows, buildMergeLayouts, expectedUnitsFromRows } from "../../src/core/layout/mergeLayouts";
import { UnitCandidate, decideUnit, fileNameClaims, fileNameUnits, sameUnit, titleCandidates } from "../../src/core/recognize/unitEvidence";
import { readFileSync } from "fs";
import { join } from "path";
import { unitVocabulary } from "../../src/core/recognize/unitNames";
import { IDENTITY_PREFIX, decodeIdentity } from "../../src/core/identity";
import { catalog, FIXTURES, fixture, ruleSet } from "../support/data";
import { DISTRICTS, PLANNED_ID, PLANNED_IN_SEED, copiedDistrict, elevenCopies } from "../support/copiedDistricts";
import { mailBytes } from "../support/mailbox";

function input(fileName: string, bytes: Uint8Array, modified = 0): MergeInput {
  return { fileName, modified, result: checkReceivedFile(bytes, fileName, catalog, ruleSet) };
}

const title = (name: string, where = "A3"): UnitCandidate => ({ name, source: "title", where });
const CU_LAO_DUNG = "UBND huyện Cù Lao Dung";

describe("reading who sent a file", () => {
  it("finds every unit name in the title lines, not the province", () => {
    const lines = [
      "UBND TỈNH SÓC TRĂNG",
      "SỞ NỘI VỤ",
      "CHÍNH QUÝ I NĂM 2023 TRÊN ĐỊA BÀN HUYỆN CÙ LAO DUNG",
      "THỐNG KÊ SỐ LIỆU TRÊN ĐỊA BÀN TỈNH SÓC TRĂNG",
      "KẾT QUẢ CẢI CÁCH HÀNH CHÍNH CỦA CÁC CƠ QUAN, ĐƠN VỊ",
      "(Kèm theo Báo cáo số 85/BC-UBND ngày 16 tháng 3 năm 2023 của UBND huyện Kế Sách)",
      "của Ủy ban nhân dân huyện Cù Lao Dung)",
    ].map((text, i) => ({ text, where: `A${i + 1}` }));
    expect(titleCandidates(lines).map((c) => [c.name, c.where])).toEqual([
      ["Sở Nội vụ", "A2"],
      ["Huyện Cù Lao Dung", "A3"],
      ["UBND huyện Kế Sách", "A6"],
      ["Ủy ban nhân dân huyện Cù Lao Dung", "A7"],
    ]);
  });

  it("reads a unit from a file name only against the units it knows", () => {
    const known = DISTRICTS.map((d) => d.name);
    expect(fileNameUnits("bao-cao-q1.xlsx", known)).toEqual([]);
    expect(fileNameUnits("so-0-cu.xlsx", known)).toEqual([]);
    expect(fileNameUnits("huyen-ke-sach-q1-2023.xlsx", known)).toEqual(["UBND huyện Kế Sách"]);
    expect(fileNameUnits("huyen-ke-sach-q1-2023.xlsx", [])).toEqual([]);
    expect(fileNameUnits("thi-xa-nga-nam-q1-2023.xlsx", [...known, "UBND huyện Ngã Năm"])).toEqual(["UBND thị xã Ngã Năm"]);
    expect(fileNameUnits("BC CCHC Quy 1 nam 2023 - TP Soc Trang.xlsx", known)).toEqual(["UBND thành phố Sóc Trăng"]);
  });

  it("takes its vocabulary from data checked by a schema", () => {
    const data = JSON.parse(readFileSync(join(__dirname, "..", "..", "catalog", "unit-names.json"), "utf8")) as Record<string, unknown>;
    expect(unitVocabulary(data).shortForms.some((f) => f.short.join(" ") === "bhxh")).toBe(true);
    expect(() => unitVocabulary({ ...data, kinds: [{ words: "xã" }] })).toThrow(/Từ vựng tên đơn vị không hợp lệ/);
    expect(() => unitVocabulary({ ...data, extra: 1 })).toThrow(/Từ vựng tên đơn vị không hợp lệ/);
  });

  it("knows one unit in its spellings and keeps neighbours apart", () => {
    expect(sameUnit("huyện Cù Lao Dung", "Ủy ban nhân dân huyện Cù Lao Dung")).toBe(true);
    expect(sameUnit("huyen cu lao dung", "UBND HUYỆN CÙ LAO DUNG")).toBe(true);
    expect(sameUnit("so tai nguyen khanh hoa", "Sở TNMT")).toBe(true);
    expect(sameUnit("so nong nghiep", "Sở Nông nghiệp và PTNT")).toBe(true);
    expect(sameUnit("tp soc trang", "UBND thành phố Sóc Trăng")).toBe(true);
    expect(sameUnit("huyện Mỹ Tú", "huyện Mỹ Xuyên")).toBe(false);
    expect(sameUnit("huyện Kế Sách", "huyện Cù Lao Dung")).toBe(false);
    expect(sameUnit("thị xã Ngã Năm", "huyện Ngã Năm")).toBe(false);
    expect(sameUnit("Sở Tư pháp", "Sở Xây dựng")).toBe(false);
    expect(sameUnit("UBND xã Long Phú", "UBND xã Long Phú Tây")).toBe(false);
    expect(sameUnit("UBND Phường 1", "Phường 12")).toBe(false);
    expect(sameUnit("Ban Quản lý dự án ĐTXD tỉnh", "Ban Quản lý dự án đầu tư xây dựng")).toBe(true);
    expect(sameUnit("BHXH tỉnh", "Bảo hiểm xã hội tỉnh Lâm Đồng")).toBe(true);
    expect(sameUnit("Ban Quản lý các KCN", "Ban Quản lý dự án đầu tư xây dựng")).toBe(false);
  });
});

describe("reading the whole sheet", () => {
  it("reads the signature block below the table", () => {
    const grids = readXlsx(fixture(`${FIXTURES.cuLaoDung}.xlsx`));
    const rows = grids[0].rows;
    rows.push([], [undefined, undefined, undefined, { value: "TM. ỦY BAN NHÂN DÂN HUYỆN KẾ SÁCH" }], [undefined, undefined, undefined, { value: "CHỦ TỊCH" }]);
    const r = checkGrids(grids, catalog, ruleSet, "bao-cao.xlsx");
    if (!r.ok) throw new Error(r.reason);
    expect(r.submission.unitCandidates.map((c) => [c.name, c.source, c.where])).toEqual([
      ["Huyện Cù Lao Dung", "title", "A3"],
      ["Ủy ban nhân dân huyện Cù Lao Dung", "title", "A5"],
      ["Ủy ban nhân dân huyện Kế Sách", "signature", `D${rows.length - 1}`],
    ]);
    expect(r.submission.unitName).toBeUndefined();
  });

  it("holds a sheet made from our template whose stamp names another unit than its title", () => {
    const t = catalog.byId.get("so-nganh-2023")!;
    const layout = buildTemplateLayout(t, { period: { kind: "q1", year: 2023 }, unitName: "Sở Tư pháp" });
    layout.rows[2][0].value = "(Kèm theo Báo cáo số 12/BC-SXD của Sở Xây dựng)";
    const r = checkReceivedFile(writeXlsx([layout]), "bao-cao.xlsx", catalog, ruleSet);
    if (!r.ok) throw new Error(r.reason);
    expect(r.submission.unitCandidates.map((c) => c.source)).toEqual(["identity", "title"]);
    const c = consolidate([{ fileName: "bao-cao.xlsx", result: r }]);
    expect(c.units).toEqual([]);
    expect(c.files[0]).toMatchObject({ status: "unresolved", candidates: [{ name: "Sở Tư pháp" }, { name: "Sở Xây dựng" }] });
  });

  it("keeps resolving the seed files as before", () => {
    const names = Object.values(FIXTURES).map((b) => {
      const r = checkReceivedFile(fixture(`${b}.xlsx`), `${b}.xlsx`, catalog, ruleSet);
      return r.ok ? r.submission.unitName : r.reason;
    });
    expect(names).toEqual([
      "Sở Nông nghiệp và PTNT",
      "Sở Thông tin và Truyền thông tỉnh Sóc Trăng",
      "Sở Tài chính tỉnh Sóc Trăng",
      "Ủy ban nhân dân huyện Cù Lao Dung",
      "Sở TNMT",
    ]);
  });
});

describe("deciding from all the evidence", () => {
  it("takes the unit when every source agrees", () => {
    const d = decideUnit([title("huyện Cù Lao Dung"), title("Ủy ban nhân dân huyện Cù Lao Dung", "A5"), { name: "huyen cu lao dung", source: "fileName", where: "tên tệp" }], {
      fileName: "huyen-cu-lao-dung.xlsx",
      expected: [{ name: CU_LAO_DUNG }],
    });
    expect(d).toEqual({ resolved: true, name: CU_LAO_DUNG, source: "title" });
  });

  it("holds a file whose stamp and title name different units", () => {
    const d = decideUnit([{ name: "Sở Tư pháp", source: "identity", where: "mã nhận dạng" }, title("Sở Xây dựng")], { fileName: "bao-cao.xlsx" });
    expect(d.resolved).toBe(false);
    if (d.resolved) return;
    expect(d.candidates.map((c) => [c.name, c.source])).toEqual([
      ["Sở Tư pháp", "identity"],
      ["Sở Xây dựng", "title"],
    ]);
    expect(d.reason).toContain("khác nhau");
  });

  it("holds a file whose name names another known unit than its title", () => {
    const d = decideUnit([title("Ủy ban nhân dân huyện Cù Lao Dung")], { fileName: "huyen-ke-sach-q1-2023.xlsx", known: DISTRICTS.map((x) => x.name) });
    expect(d.resolved).toBe(false);
    // A unit nobody names is not a claim.
    expect(decideUnit([title("Ủy ban nhân dân huyện Cù Lao Dung")], { fileName: "huyen-ke-sach-q1-2023.xlsx" })).toMatchObject({ resolved: true });
  });

  it("spots an expected unit spelled out in a file name without a kind word", () => {
    const d = decideUnit([title("Ủy ban nhân dân huyện Cù Lao Dung")], { fileName: "ke-sach.xlsx", expected: DISTRICTS });
    expect(d.resolved).toBe(false);
  });

  it("calls a unit outside the list “đơn vị lạ” and suggests the closest", () => {
    const d = decideUnit([title("UBND huyện Cù Lao Dunq")], { fileName: "x.xlsx", expected: DISTRICTS });
    expect(d).toMatchObject({ resolved: false, suggestion: CU_LAO_DUNG, unlisted: "UBND huyện Cù Lao Dunq" });
    if (!d.resolved) expect(d.reason).toContain("Đơn vị lạ");
  });

  it("never suggests a numbered unit for another number", () => {
    const boards = ["Ban Quản lý số 1", "Ban Quản lý số 2", "Phường 1", "Phường 12"].map((name) => ({ name }));
    expect(decideUnit([title("Ban Quản lý số 11")], { fileName: "x.xlsx", expected: boards })).toMatchObject({ resolved: false, suggestion: undefined });
    expect(decideUnit([title("UBND Phường 2")], { fileName: "x.xlsx", expected: boards })).toMatchObject({ resolved: false, suggestion: undefined });
    expect(decideUnit([title("Ban Quản lý dự án số 2")], { fileName: "x.xlsx", expected: boards })).toMatchObject({ suggestion: "Ban Quản lý số 2" });
  });

  it("follows the officer's choice, spelled as in the list", () => {
    const d = decideUnit([title("Ủy ban nhân dân huyện Cù Lao Dung"), title("UBND huyện Kế Sách")], { fileName: "a.xlsx", expected: DISTRICTS, assigned: "huyện Kế Sách" });
    expect(d).toEqual({ resolved: true, name: "UBND huyện Kế Sách", source: "assigned" });
  });
});

describe("eleven districts copied from Cù Lao Dung's file", () => {
  const copies = elevenCopies();
  const inputs = copies.map((c, i) => input(c.file, c.bytes, 1000 + i));
  const own = copies.find((c) => c.name === CU_LAO_DUNG)!;

  function noNumberMisplaced(c: ReturnType<typeof consolidate>) {
    const row = c.rows.find((r) => r.indicator?.id === PLANNED_ID)!.indicator!;
    // Every merged unit shows the number its own file sent; no file's number is credited to another unit.
    for (const u of c.units) {
      const file = copies.find((x) => x.file === u.fileName)!;
      expect(sameUnit(u.unitName, file.name)).toBe(true);
      expect(row.values.get(u.unitName)).toBe(file.planned);
    }
    // Every file is merged or listed unresolved; none is a duplicate, none vanished.
    const merged = new Set(c.units.map((u) => u.fileName));
    const held = new Set(c.files.filter((f) => f.status === "unresolved").map((f) => f.fileName));
    expect(c.files.filter((f) => f.status === "duplicate")).toEqual([]);
    for (const x of copies) expect(merged.has(x.file) !== held.has(x.file)).toBe(true);
    expect(row.total).toBe(c.units.reduce((s, u) => s + copies.find((x) => x.file === u.fileName)!.planned, 0));
  }

  it("with the expected list: Cù Lao Dung merged, the ten copies unresolved with both names and their sources", () => {
    const c = consolidate(inputs, { expected: DISTRICTS });
    noNumberMisplaced(c);
    expect(c.units.map((u) => u.unitName)).toEqual([CU_LAO_DUNG]);
    const unresolved = c.files.filter((f) => f.status === "unresolved");
    expect(unresolved).toHaveLength(10);
    const keSach = unresolved.find((f) => f.fileName === "huyen-ke-sach-q1-2023.xlsx")!;
    expect(keSach.candidates!.map((x) => [x.name, x.source, x.where])).toEqual([
      ["UBND huyện Kế Sách", "title", "A4"],
      ["UBND huyện Kế Sách", "fileName", "tên tệp"],
      ["Huyện Cù Lao Dung", "title", "A3"],
      ["Ủy ban nhân dân huyện Cù Lao Dung", "title", "A5"],
    ]);
    expect(keSach.suggestion).toBe("UBND huyện Kế Sách");
    // Each district's file is there, waiting for the officer: none of them is "chưa nộp".
    expect(c.waiting).toHaveLength(10);
    expect(c.missing).toEqual([]);
  });

  it("without a list: the same, and the proposed list names all eleven", () => {
    const c = consolidate(inputs);
    noNumberMisplaced(c);
    expect(c.units.map((u) => u.fileName)).toEqual([own.file]);
    expect(c.files.filter((f) => f.status === "unresolved")).toHaveLength(10);
    for (const d of DISTRICTS) expect(c.expected.some((e) => sameUnit(e.name, d.name))).toBe(true);
    expect(c.expected).toHaveLength(11);
  });

  it("merges every district once the officer assigns the files, and each keeps its own numbers", () => {
    const assignments = Object.fromEntries(copies.map((x) => [x.file, x.name]));
    const c = consolidate(inputs, { expected: DISTRICTS, assignments });
    noNumberMisplaced(c);
    expect(c.units).toHaveLength(11);
    expect(c.missing).toEqual([]);
    expect(c.rows.find((r) => r.indicator?.id === PLANNED_ID)!.indicator!.total).toBe(copies.reduce((s, x) => s + x.planned, 0));
  });

  it("lists unresolved files in the status sheet with a unit choice, and reads the officer's choice back", () => {
    const c = consolidate(inputs, { expected: DISTRICTS });
    const layouts = buildMergeLayouts(c);
    const status = layouts.find((l) => l.name === STATUS_SHEET)!;
    const list = status.validations.find((v) => v.type === "list");
    expect(list).toMatchObject({ range: `'${UNITS_SHEET}'!$A$3:$A$113` });
    expect(list!.ref.split(" ")).toHaveLength(10);
    // The officer picks a unit for one file in the written workbook; reading it back gives the assignment.
    const grids = readXlsx(writeXlsx(layouts));
    const rows = grids.find((g) => g.name === STATUS_SHEET)!.rows.map((r) => r.map((x) => x?.value ?? null));
    const at = rows.findIndex((r) => r[3] === "huyen-my-tu-q1-2023.xlsx");
    expect(rows[at][2]).toBe("Chưa rõ đơn vị");
    expect(rows[at][1] ?? "").toBe("");
    expect(String(rows[at][8])).toContain("“Ủy ban nhân dân huyện Cù Lao Dung” (dòng tiêu đề A5)");
    expect(assignmentsFromRows(rows)).toEqual({});
    rows[at][1] = "UBND huyện Mỹ Tú";
    expect(assignmentsFromRows(rows)).toEqual({ "huyen-my-tu-q1-2023.xlsx": "UBND huyện Mỹ Tú" });
    const expected = expectedUnitsFromRows(grids.find((g) => g.name === UNITS_SHEET)!.rows.map((r) => r.map((x) => x?.value ?? null)));
    const again = consolidate(inputs, { expected, assignments: assignmentsFromRows(rows) });
    expect(again.units.map((u) => u.unitName).sort()).toEqual([CU_LAO_DUNG, "UBND huyện Mỹ Tú"].sort());
    // The assigned row stays a choice, so a wrong choice can be changed on the next run.
    const next = readXlsx(writeXlsx(buildMergeLayouts(again))).find((g) => g.name === STATUS_SHEET)!.rows.map((r) => r.map((x) => x?.value ?? null));
    expect(assignmentsFromRows(next)).toEqual({ "huyen-my-tu-q1-2023.xlsx": "UBND huyện Mỹ Tú" });
  });
});

describe("sent twice", () => {
  it("a genuine resubmission is a duplicate listing what changed; the newer file counts", () => {
    const c = consolidate([input("huyen-cu-lao-dung-lan-1.xlsx", copiedDistrict(CU_LAO_DUNG), 1), input("huyen-cu-lao-dung-lan-2.xlsx", copiedDistrict(CU_LAO_DUNG, 25), 2)]);
    expect(c.units).toHaveLength(1);
    const dup = c.files.find((f) => f.status === "duplicate")!;
    expect(dup.fileName).toBe("huyen-cu-lao-dung-lan-1.xlsx");
    expect(dup.changed).toEqual([{ indicator: PLANNED_ID, label: "Số nhiệm vụ đề ra trong kế hoạch", old: PLANNED_IN_SEED, new: 25 }]);
    expect(dup.reason).toContain(`${PLANNED_IN_SEED} → 25`);
    expect(c.rows.find((r) => r.indicator?.id === PLANNED_ID)!.indicator!.total).toBe(25);
  });

  it("an identical resubmission is merged once, and says so", () => {
    const bytes = fixture(`${FIXTURES.cuLaoDung}.xlsx`);
    const c = consolidate([input("a.xlsx", bytes, 1), input("b.xlsx", bytes, 2)]);
    expect(c.units).toHaveLength(1);
    expect(c.files.find((f) => f.status === "duplicate")).toMatchObject({ fileName: "a.xlsx", changed: [] });
    expect(c.files.find((f) => f.status === "duplicate")?.reason).toContain("giống hệt");
    expect(c.rows.find((r) => r.indicator?.id === PLANNED_ID)!.indicator!.total).toBe(PLANNED_IN_SEED);
  });
});

describe("two files given to one unit, one of them named for another", () => {
  const ME_LINH = "UBND xã Mê Linh";
  /** A xã's report whose "Kèm theo" line names `title`, with numbers of its own (`seed`). */
  const sheet = (fileName: string, title: string | undefined, seed: number, modified: number): MergeInput =>
    input(fileName, mailBytes({ file: fileName, sender: "UBND xã Tân Hà", title, withList: "merged", withoutList: "merged" }, seed), modified);
  const planned = (i: MergeInput): number | undefined => {
    const v = i.result.ok ? i.result.values.get(PLANNED_ID)?.read : undefined;
    return v?.type === "number" ? v.value : undefined;
  };
  const statusOf = (c: ReturnType<typeof consolidate>, fileName: string) => c.files.find((f) => f.fileName === fileName);

  it("reads unit-shaped names from a file name, and nothing from noise", () => {
    expect(fileNameClaims("xa Chieng Mai - quy 3.xlsx")).toEqual(["Xã Chieng Mai"]);
    expect(fileNameClaims("UBND_phuong_3.xlsx")).toEqual(["Phường 3"]);
    expect(fileNameClaims("Sở Nội vụ gửi UBND tỉnh.xlsx".normalize("NFD"))).toEqual(["Sở Noi Vu"]);
    expect(fileNameClaims("BC xa Me Linh (ban sua).xlsx")).toEqual(["Xã Me Linh"]);
    for (const noise of ["Book1.xlsx", "bao cao q3.xlsx", "final_v2.xlsx", "HTB.xlsx", "Bao hiem xa hoi tinh.xlsx", "Tuy Phong lan 2.xlsx", "gui xa Me Linh.xlsx"])
      expect([noise, fileNameClaims(noise)]).toEqual([noise, []]);
  });

  it("decides alone as before; against another file of the unit, a file named for another unit waits", () => {
    const title = [{ name: ME_LINH, source: "title" as const, where: "A3" }];
    expect(decideUnit(title, { fileName: "xa Chieng Mai.xlsx" })).toMatchObject({ resolved: true, name: ME_LINH });
    const d = decideUnit(title, { fileName: "xa Chieng Mai.xlsx", rivals: ["Me Linh.xlsx"] });
    expect(d).toMatchObject({ resolved: false, candidates: [{ name: ME_LINH, source: "title" }, { name: "Xã Chieng Mai", source: "fileName" }] });
    // File names that agree with the unit, with each other, or say nothing: one unit sending twice.
    expect(decideUnit(title, { fileName: "xa-me-linh-lan-2.xlsx", rivals: ["Me Linh.xlsx"] })).toMatchObject({ resolved: true });
    expect(decideUnit(title, { fileName: "xa-sach-2.xlsx", rivals: ["xa-sach-1.xlsx"] })).toMatchObject({ resolved: true });
    expect(decideUnit(title, { fileName: "Book1 (2).xlsx", rivals: ["Me Linh.xlsx"] })).toMatchObject({ resolved: true });
  });

  it.each([
    ["newer", 2],
    ["older", 0],
  ])("a copy of the neighbour's file kept its title and is %s: it waits, the neighbour's figures stay", (_, copyModified) => {
    const own = sheet("Me Linh_BC quy 3.xlsx", ME_LINH, 1, 1);
    const copy = sheet("xa Chieng Mai - quy 3.xlsx", ME_LINH, 2, copyModified);
    expect(planned(copy)).not.toBe(planned(own));
    const c = consolidate([own, copy]);
    expect(c.units.map((u) => [u.unitName, u.fileName])).toEqual([[ME_LINH, own.fileName]]);
    expect(c.rows.find((r) => r.indicator?.id === PLANNED_ID)!.indicator!.values.get(ME_LINH)).toBe(planned(own));
    const held = statusOf(c, copy.fileName)!;
    expect(held.status).toBe("unresolved");
    expect(held.candidates!.map((x) => [x.name, x.source])).toEqual([
      [ME_LINH, "title"],
      ["Xã Chieng Mai", "fileName"],
    ]);
    expect(held.reason).toContain("tên tệp ghi “Xã Chieng Mai”");
    expect(c.files.filter((f) => f.status === "duplicate")).toEqual([]);
    // The name read from the file name is offered as a unit to choose.
    expect(c.expected.map((e) => e.name)).toContain("Xã Chieng Mai");
  });

  it.each([
    ["names that agree", "xa Me Linh - quy 3.xlsx", "UBND xa Me Linh (ban sua).xlsx"],
    ["a name and noise", "Me Linh.xlsx", "Me Linh lan 2.xlsx"],
    ["noise only", "Book1.xlsx", "bao cao q3 final_v2.xlsx"],
    ["initials that match nothing", "HTB_Q3.xlsx", "Book1 (2).xlsx"],
  ])("a genuine resubmission with %s is still “Đơn vị gửi hai lần”", (_, first, second) => {
    const older = sheet(first, ME_LINH, 1, 1);
    const newer = sheet(second, ME_LINH, 2, 2);
    const c = consolidate([older, newer]);
    expect(c.units.map((u) => u.fileName)).toEqual([second]);
    expect(c.files.filter((f) => f.status === "unresolved")).toEqual([]);
    expect(statusOf(c, first)).toMatchObject({ status: "duplicate", unitName: ME_LINH });
    expect(statusOf(c, first)!.reason).toContain("Đơn vị gửi hai lần");
    expect(c.rows.find((r) => r.indicator?.id === PLANNED_ID)!.indicator!.values.get(ME_LINH)).toBe(planned(newer));
  });
});

describe("decoding the add-in's stamp", () => {
  it("reads only text that starts with the prefix and holds JSON", () => {
    const stamp = { v: 1, template: "so-nganh-2023", unitName: "Sở Tư pháp", period: { kind: "q1", year: 2024 } };
    expect(decodeIdentity(IDENTITY_PREFIX + JSON.stringify(stamp))).toEqual(stamp);
    expect(decodeIdentity(JSON.stringify(stamp))).toBeUndefined();
    expect(decodeIdentity(`${IDENTITY_PREFIX}{"v":1,`)).toBeUndefined();
    expect(decodeIdentity(42)).toBeUndefined();
    expect(decodeIdentity(IDENTITY_PREFIX + JSON.stringify({ ...stamp, period: { kind: "q5", year: 2024 } }))).toBeUndefined();
    expect(decodeIdentity(IDENTITY_PREFIX + JSON.stringify({ ...stamp, v: "1" }))).toBeUndefined();
  });
});
