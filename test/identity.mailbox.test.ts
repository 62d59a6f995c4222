import { mkdtempSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkReceivedFile } from "../src/adapters/receivedFile";
import { readXlsx } from "../src/adapters/xlsx/read";
import { writeXlsx } from "../src/adapters/xlsx/write";
import { Consolidation, MergeInput, consolidate } from "../src/core/consolidate/consolidate";
import { STATUS_SHEET, WAITING_STATUS, buildMergeLayouts } from "../src/core/layout/mergeLayouts";
import { fileNameUnits, sameUnit } from "../src/core/recognize/unitEvidence";
import { ensureCliBuilt, runCchc } from "./support/cli";
import { catalog, ruleSet } from "./support/data";
import { MAILBOX, Outcome, PLANNED_ID, SENT_NOTHING, UNITS, mailBytes } from "./support/mailbox";

const mails = MAILBOX.map((m, i) => ({ ...m, bytes: mailBytes(m, i) }));
const inputs: MergeInput[] = mails.map((m, i) => ({ fileName: m.file, modified: m.modified ?? 100 + i, result: checkReceivedFile(m.bytes, m.file, catalog, ruleSet) }));
const expected = UNITS.map((name) => ({ name }));

/** What the merge did with each file: merged (as which unit), waiting, or a duplicate. */
function outcomes(c: Consolidation): Map<string, { outcome: Outcome | "other"; unit?: string }> {
  return new Map(
    c.files.map((f) => [f.fileName, { outcome: f.status === "read" ? "merged" : f.status === "unresolved" ? "wait" : f.status === "duplicate" ? "duplicate" : "other", unit: f.unitName }]),
  );
}

/** Every file as the mailbox says; no file merged as another unit; every merged unit shows its own file's number. */
function expectMailbox(c: Consolidation, mode: "withList" | "withoutList"): void {
  const got = outcomes(c);
  const wrong = mails
    .map((m) => ({ file: m.file, want: m[mode], got: got.get(m.file) }))
    .filter((x) => x.got?.outcome !== x.want)
    .map((x) => `${x.file}: ${x.want} ≠ ${x.got?.outcome} ${x.got?.unit ?? ""}`);
  expect(wrong).toEqual([]);
  for (const m of mails) {
    const o = got.get(m.file)!;
    if (o.outcome === "merged") expect([m.file, o.unit && sameUnit(o.unit, m.sender)]).toEqual([m.file, true]);
    // A copy nothing tells from its neighbour's file is set aside as the neighbour's older file, its changes listed.
    if (o.outcome === "duplicate") expect(c.files.find((f) => f.fileName === m.file)?.reason).toContain("Đơn vị gửi hai lần");
    if (o.outcome === "merged" && mode === "withList") expect(o.unit).toBe(m.sender);
  }
  const planned = c.rows.find((r) => r.indicator?.id === PLANNED_ID)!.indicator!;
  for (const u of c.units) {
    const own = inputs.find((i) => i.fileName === u.fileName)!.result;
    if (!own.ok) throw new Error(own.reason);
    const v = own.values.get(PLANNED_ID)!.read;
    expect([u.unitName, planned.values.get(u.unitName)]).toEqual([u.unitName, v.type === "number" ? v.value : undefined]);
  }
}

describe("a quarter's mailbox: file names as officers write them", () => {
  it("holds more than forty files, each read as a report", () => {
    expect(mails.length).toBeGreaterThanOrEqual(40);
    expect(inputs.filter((i) => !i.result.ok).map((i) => i.fileName)).toEqual([]);
  });

  it("with the list of units: each file merged as its sender or waiting; “chưa nộp” is exactly who sent nothing", () => {
    const c = consolidate(inputs, { expected });
    expectMailbox(c, "withList");
    // Anonymous files name nobody; the copies name their real sender, who waits for the officer's choice.
    expect(c.waiting.sort()).toEqual(["UBND xã Hàm Thuận Bắc", "UBND xã Lạc Dương"].sort());
    expect(c.missing.sort()).toEqual([...SENT_NOTHING].sort());
  });

  it("without a list: names only other files give count; nothing is merged as another unit", () => {
    expectMailbox(consolidate(inputs), "withoutList");
  });

  it("the officer's choice for the waiting files completes the quarter", () => {
    const assignments = Object.fromEntries(mails.filter((m) => m.withList === "wait" && m.sender !== "Trường Chính trị tỉnh").map((m) => [m.file, m.sender]));
    const c = consolidate(inputs, { expected, assignments });
    expect(c.waiting).toEqual([]);
    expect(c.missing.sort()).toEqual([...SENT_NOTHING].sort());
    expect(c.files.filter((f) => f.status === "unresolved").map((f) => f.fileName)).toEqual(["Truong Chinh tri tinh.xlsx"]);
  });

  it("a unit written twice in the list counts once, and the officer is told", () => {
    const c = consolidate(inputs, { expected: [...expected, { name: "Xã Di Linh" }, { name: "UBND xã Di Linh" }] });
    expect(c.expected).toHaveLength(UNITS.length);
    expect(c.repeatedUnits).toEqual(["Xã Di Linh", "UBND xã Di Linh"]);
    expectMailbox(c, "withList");
  });

  it("the status sheet says which units have a file waiting, apart from those with none", () => {
    const c = consolidate(inputs, { expected });
    const sheet = readXlsx(writeXlsx(buildMergeLayouts(c))).find((g) => g.name === STATUS_SHEET)!;
    const rows = sheet.rows.map((r) => r.map((x) => x?.value ?? null));
    const status = (unit: string) => rows.find((r) => r[1] === unit)?.[2];
    expect(status("UBND xã Lạc Dương")).toBe(WAITING_STATUS);
    expect(rows.find((r) => r[1] === "UBND xã Lạc Dương")?.[8]).toBe("Tệp ghi tên đơn vị này, đang chờ chọn đơn vị: “Lac Duong.xlsx”.");
    expect(status("Sở Xây dựng")).toBe("Chưa nộp");
    expect(status("Sở Y tế")).toBe("Đã nộp");
    const counts = rows[2].map(String);
    for (const count of [`Phải nộp: ${UNITS.length}`, `Đã nộp: ${c.units.length}`, `${WAITING_STATUS}: 2`, "Chưa nộp: 2"]) expect(counts).toContain(count);
  });
});

describe("reading a file name against known units", () => {
  const known = [...UNITS, "Sở Kế hoạch và Đầu tư", "Sở Lao động - Thương binh và Xã hội", "UBND xã Long Phú", "UBND xã Long Phú Tây"];
  it.each([
    ["SYT.xlsx", ["Sở Y tế"]],
    ["SKHDT_Q3.xlsx", ["Sở Kế hoạch và Đầu tư"]],
    ["SKHĐT quý 3.xlsx", ["Sở Kế hoạch và Đầu tư"]],
    ["BC LĐTBXH 2026.xlsx", ["Sở Lao động - Thương binh và Xã hội"]],
    ["Sở NN&MT.xlsx", ["Sở Nông nghiệp và Môi trường"]],
    ["Ban QL KCN.xlsx", ["Ban Quản lý các Khu công nghiệp tỉnh Lâm Đồng"]],
    ["VP UBND tinh.xlsx", ["Văn phòng UBND tỉnh"]],
    ["Đài PT-TH.xlsx".normalize("NFD"), ["Đài Phát thanh và Truyền hình tỉnh"]],
    ["xa Long Phu Tay.xlsx", ["UBND xã Long Phú Tây"]],
    ["xa Long Phu (1).xlsx", ["UBND xã Long Phú"]],
    ["phuong 12 final_v2.xlsx", ["UBND Phường 12"]],
    ["Phuong 1 - 2026.xlsx", ["UBND Phường 1"]],
    ["Dac khu Phu Quy.xlsx", ["UBND đặc khu Phú Quý"]],
    ["SCT gui SNV.xlsx", ["Sở Công Thương"]],
    ["Sở Tư pháp - Quý 3.xlsx", ["Sở Tư pháp"]],
    ["UBND Phường 12 (2).xlsx".normalize("NFD"), ["UBND Phường 12"]],
    // "quan", "xa", "huyen" inside a longer name are not places; words naming no known unit are noise.
    ["Ban_Quan_ly_cac_Khu_cong_nghiep_cu.xlsx", []],
    ["Bao hiem xa hoi huyen.xlsx", []],
    ["xa-sach-1.xlsx", []],
    ["Book1.xlsx", []],
    ["z5864203557311_8c1d0b7e5f2a4e19.xlsx", []],
    ["yt.xlsx", []],
  ])("%s", (file, names) => {
    expect(fileNameUnits(file, known)).toEqual(names);
  });
});

describe("cchc merge on the mailbox", () => {
  const tmp = mkdtempSync(join(tmpdir(), "cchc-mailbox-"));
  const files = mails.map((m, i) => {
    const path = join(tmp, m.file);
    writeFileSync(path, m.bytes);
    const t = new Date(Date.UTC(2026, 8, 20) + (m.modified ?? 100 + i) * 1000);
    utimesSync(path, t, t);
    return path;
  });
  const list = join(tmp, "don-vi.txt");
  writeFileSync(list, [...UNITS, "Xã Di Linh"].join("\n"));
  beforeAll(ensureCliBuilt);

  it("says who has a file waiting and who sent nothing, and counts a repeated line once", () => {
    const r = runCchc(tmp, "merge", ...files, "-o", join(tmp, "tong-hop.xlsx"), "--units", list);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${WAITING_STATUS} (2): `);
    expect(r.out).toContain(`Chưa nộp (2): Sở Xây dựng; UBND xã Quảng Tín`);
    expect(r.out).toContain("ghi lặp, chỉ tính một lần: Xã Di Linh");
    const j = JSON.parse(runCchc(tmp, "merge", ...files, "-o", join(tmp, "tong-hop-2.xlsx"), "--units", list, "--json").out) as { units: { name: string; file: string }[]; missing: string[]; waiting: string[] };
    for (const u of j.units) expect(u.name).toBe(mails.find((m) => m.file.normalize("NFC") === u.file)!.sender);
    expect(j.units).toHaveLength(mails.filter((m) => m.withList === "merged").length);
    expect(j.missing).toEqual(SENT_NOTHING);
  });
});
