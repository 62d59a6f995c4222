/** The `cchc` command on files as officers name and list them (numbered unit lists, folders, names). */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { syntheticSubmission } from "../../scripts/syntheticSubmissions";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { ensureCliBuilt, runCchc } from "../support/cli";
import { catalog } from "../support/data";

const tmp = mkdtempSync(join(tmpdir(), "cchc-officer-"));
const run = (...args: string[]) => runCchc(tmp, ...args);
const dept = catalog.byId.get("so-nganh-2023")!;
const Q2 = { kind: "q2", year: 2027 } as const;
const NAMES = ["Sở Văn hóa, Thể thao và Du lịch tỉnh Điện Biên", "Sở Nội vụ tỉnh Điện Biên", "Ban Dân tộc tỉnh Điện Biên"];

function writeReports(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return NAMES.slice(0, 2).map((name, i) => {
    const file = join(dir, `bao-cao-${i + 1}.xlsx`);
    writeFileSync(file, syntheticSubmission(dept, name, i, Q2));
    return file;
  });
}

function merged(...args: string[]): { units: { name: string; file: string }[]; missing: string[]; unresolved: unknown[] } {
  const r = run("merge", ...args, "--json");
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

beforeAll(ensureCliBuilt);

describe("--units lists as officers write them", () => {
  const reports = writeReports(join(tmp, "lists"));

  it.each([
    ["numbered lines", "1. Sở Văn hóa, Thể thao và Du lịch tỉnh Điện Biên\n2) Sở Nội vụ tỉnh Điện Biên\n3 - Ban Dân tộc tỉnh Điện Biên\n"],
    ["a CSV with an STT header, BOM, CRLF and a blank line", "\uFEFFSTT;Tên đơn vị;Ghi chú\r\n1;Sở Văn hóa, Thể thao và Du lịch tỉnh Điện Biên;\r\n\r\n2;Sở Nội vụ tỉnh Điện Biên;gửi muộn\r\n3;Ban Dân tộc tỉnh Điện Biên;\r\n"],
    ["a comma-separated CSV with quoted names", 'TT,Đơn vị\n1,"Sở Văn hóa, Thể thao và Du lịch tỉnh Điện Biên"\n2,Sở Nội vụ tỉnh Điện Biên\n3,Ban Dân tộc tỉnh Điện Biên\n'],
    ["group headings numbered I, II", "I. Sở, ban, ngành\n1. Sở Văn hóa, Thể thao và Du lịch tỉnh Điện Biên\n2. Sở Nội vụ tỉnh Điện Biên\nII. Cơ quan khác\n1. Ban Dân tộc tỉnh Điện Biên\n"],
  ])("reads %s: the units, not their numbers", (_what, text) => {
    const units = join(tmp, "lists", "don-vi.csv");
    writeFileSync(units, text);
    const j = merged(...reports, "-o", join(tmp, "lists", "tong-hop.xlsx"), "--units", units);
    expect(j.units.map((u) => u.name).sort()).toEqual(NAMES.slice(0, 2).sort());
    expect(j.unresolved).toEqual([]);
    expect(j.missing).toEqual([NAMES[2]]);
  });
});

describe("--units as a workbook the officer keeps", () => {
  const reports = writeReports(join(tmp, "excel-list"));
  const rows: (string | number | null)[][] = [
    ["DANH SÁCH CƠ QUAN, ĐƠN VỊ GỬI BÁO CÁO CCHC", null, null],
    [null, null, null],
    ["STT", "Tên cơ quan, đơn vị", "Ghi chú"],
    ["I", "Sở, ban, ngành", null],
    [1, NAMES[0], null],
    [2, NAMES[1], "gửi qua hệ thống"],
    ["II", "Cơ quan khác", null],
    [1, NAMES[2], null],
  ];

  it("reads the units of its first sheet under the header, not the title, numbers or group headings", () => {
    const list = join(tmp, "excel-list", "danh-sach.xlsx");
    writeFileSync(list, writeXlsx([{ name: "DS", columns: [{ width: 6 }, { width: 50 }, { width: 20 }], rows: rows.map((r) => r.map((value) => ({ value }))), merges: [], validations: [], protect: false }]));
    const j = merged(...reports, "-o", join(tmp, "excel-list", "tong-hop.xlsx"), "--units", list);
    expect(j.units.map((u) => u.name).sort()).toEqual(NAMES.slice(0, 2).sort());
    expect(j.missing).toEqual([NAMES[2]]);
  });

  it("refuses a report given as the list", () => {
    const r = run("merge", reports[0], "-o", join(tmp, "excel-list", "tong-hop-2.xlsx"), "--units", reports[1]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("là một báo cáo, không phải danh sách đơn vị");
  });
});

describe("a folder of received files", () => {
  const dir = join(tmp, "hop-thu");
  const [first] = writeReports(dir);
  mkdirSync(join(dir, "Ban Dân tộc"));
  writeFileSync(join(dir, "Ban Dân tộc", "Phụ lục.xlsx".normalize("NFD")), syntheticSubmission(dept, NAMES[2], 2, Q2));
  // What Excel leaves beside an open workbook, and what a Mac leaves on a shared folder.
  writeFileSync(join(dir, "~$bao-cao-1.xlsx"), Buffer.from("\u0006nguyen                                                "));
  writeFileSync(join(dir, "._bao-cao-1.xlsx"), Buffer.from([0, 5, 22, 7, 0, 2, 0, 0]));
  symlinkSync(first, join(tmp, "lien-ket.xlsx"));

  it("merges the reports in it and its sub-folders, leaves out temporary and hidden files, reads one file once", () => {
    const out = join(dir, "tong-hop.xlsx");
    const r = run("merge", dir, join(tmp, "lien-ket.xlsx"), "-o", out, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { units: { name: string }[]; rejected: unknown[]; duplicates: unknown[] };
    expect(j.units.map((u) => u.name).sort()).toEqual([...NAMES].sort());
    expect(j.rejected).toEqual([]);
    expect(j.duplicates).toEqual([]);
    expect(r.err).toContain("bỏ qua 2 tệp ẩn hoặc tệp tạm");
    expect(r.err).toContain("là cùng một tệp với");
    // Run again: the consolidated workbook now in the folder is the output, not a report.
    expect(run("merge", dir, "-o", out).code).toBe(0);
  });

  it("checks a folder, and a wildcard left unexpanded as Windows' command prompt does", () => {
    const r = run("check", dir, "--json");
    expect(JSON.parse(r.out).map((x: { unitName: string }) => x.unitName).sort()).toEqual([...NAMES].sort());
    const w = run("check", join(dir, "BAO-CAO-*.xlsx"), "--json");
    expect(JSON.parse(w.out).map((x: { unitName: string }) => x.unitName).sort()).toEqual(NAMES.slice(0, 2).sort());
  });

  it("tells an open workbook's “~$” file for what it is instead of reading it as a report", () => {
    const r = run("check", join(dir, "~$bao-cao-1.xlsx"), first);
    expect(r.err).toContain("tệp tạm Excel/Word");
    expect(r.out).not.toContain("KHÔNG ĐỌC ĐƯỢC");
  });

  it("with nothing left to check, --json still prints a JSON list, exit 2", () => {
    const r = run("check", join(dir, "~$bao-cao-1.xlsx"), "--json");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual([]);
  });
});

describe("asking for help and mistyping", () => {
  it.each(["templates", "template", "check", "merge", "convert", "rules"])("cchc %s --help prints that command's usage, exit 0", (command) => {
    for (const flag of ["--help", "-h"]) {
      const r = run(command, flag);
      expect([r.code, r.err]).toEqual([0, ""]);
      expect(r.out).toMatch(new RegExp(`^Cách dùng:\\n  cchc ${command} `));
      expect(r.out).not.toMatch(/\\x[0-9a-f]{2}/);
    }
  });

  it("merge's usage names every option the command takes", () => {
    const usage = run("merge", "--help").out;
    for (const option of ["-o", "--json", "--units", "--assign", "--previous", "--period", "--year", "--report", "--province", "--report-number", "--report-date", "--rules", "--package"]) expect(usage).toMatch(new RegExp(`[\\s[]${option}[\\s\\]]`));
  });

  it("cchc package --help and a wrong package command print real lines, not escapes", () => {
    const help = run("package", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("\n  cchc package add-template ");
    const wrong = run("package", "xuat");
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("Lệnh không hợp lệ: package xuat\n\nCách dùng:\n");
    expect(wrong.err).not.toContain("\\x0a");
  });

  it("a mistyped command is answered with the nearest one", () => {
    const r = run("chek", "bao-cao.xlsx");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Không có lệnh “chek”. Có phải “cchc check”?");
  });

  it("a file named with a leading dash is told how to be named", () => {
    writeFileSync(join(tmp, "-bao-cao-quy-2.xlsx"), syntheticSubmission(dept, NAMES[0], 0, Q2));
    const r = run("check", "-bao-cao-quy-2.xlsx");
    expect(r.code).toBe(2);
    expect(r.err).toContain("“-bao-cao-quy-2.xlsx” là một tệp: hãy viết ./-bao-cao-quy-2.xlsx hoặc đặt sau --");
    expect(run("check", "--", "-bao-cao-quy-2.xlsx").out).toContain(NAMES[0]);
  });
});

describe("file names in decomposed Unicode, as a Mac or a zip tool writes them", () => {
  const dir = join(tmp, "giai-nen");
  const composed = "Báo cáo Sở Nội vụ quý II.xlsx";
  mkdirSync(dir);
  writeFileSync(join(dir, composed.normalize("NFD")), syntheticSubmission(dept, NAMES[1], 1, Q2));

  it("a name typed composed finds the file, --assign and the JSON use the same composed name", () => {
    const r = run("merge", join(dir, composed), "-o", join(tmp, "nfd.xlsx"), "--assign", `${composed}=${NAMES[1]}`, "--json");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const j = JSON.parse(r.out) as { units: { name: string; file: string }[] };
    expect(j.units).toEqual([expect.objectContaining({ name: NAMES[1], file: composed })]);
  });

  it("found through its folder, the file is named composed too", () => {
    const r = run("merge", dir, "-o", join(tmp, "nfd-2.xlsx"), "--assign", `${composed}=${NAMES[1]}`, "--json");
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).units[0].file).toBe(composed);
  });
});

describe("each unit's report under the same name in its own folder", () => {
  const dir = join(tmp, "theo-don-vi");
  NAMES.forEach((name, i) => {
    mkdirSync(join(dir, `don-vi-${i + 1}`), { recursive: true });
    writeFileSync(join(dir, `don-vi-${i + 1}`, "Phụ lục.xlsx"), syntheticSubmission(dept, name, i, Q2, { unstamped: true }));
  });

  it("names the files apart by their folders, and --assign of the shared name alone is refused as ambiguous", () => {
    const j = merged(dir, "-o", join(tmp, "theo-don-vi.xlsx"));
    expect(j.units.map((u) => u.file).sort()).toEqual(["don-vi-1/Phụ lục.xlsx", "don-vi-2/Phụ lục.xlsx", "don-vi-3/Phụ lục.xlsx"]);
    const r = run("merge", dir, "-o", join(tmp, "theo-don-vi.xlsx"), "--assign", `Phụ lục.xlsx=${NAMES[0]}`);
    expect(r.code).toBe(2);
    expect(r.err).toContain("có 3 tệp cùng tên");
    const one = run("merge", dir, "-o", join(tmp, "theo-don-vi.xlsx"), "--assign", `${join(dir, "don-vi-1", "Phụ lục.xlsx")}=${NAMES[0]}`);
    expect([one.code, one.err]).toEqual([0, ""]);
  });
});

describe("last quarter's consolidated workbook among the received files", () => {
  it("is told for what it is, in check and in merge, instead of being a report of an unknown unit", () => {
    const dir = join(tmp, "co-tong-hop");
    const reports = writeReports(dir);
    const last = join(tmp, "tong-hop-quy-1.xlsx");
    expect(run("merge", ...reports, "-o", last).code).toBe(0);
    const r = run("check", last, "--json");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)[0].error).toContain("Đây là sổ tổng hợp");
    const m = run("merge", ...reports, last, "-o", join(tmp, "tong-hop-quy-2.xlsx"), "--json");
    const j = JSON.parse(m.out) as { units: unknown[]; rejected: { file: string; reason: string }[]; unresolved: unknown[] };
    expect(j.units).toHaveLength(2);
    expect(j.unresolved).toEqual([]);
    expect(j.rejected).toEqual([{ file: "tong-hop-quy-1.xlsx", reason: expect.stringContaining("--previous") }]);
  });
});

describe("periods and templates as officers type them", () => {
  it("--period Q2 is read as q2 by template and merge", () => {
    const out = join(tmp, "mau-q2.xlsx");
    expect(run("template", "--template", "so-nganh-2023", "--period", "Q2", "--year", "2027", "-o", out).code).toBe(0);
    const reports = writeReports(join(tmp, "ky-hoa"));
    const j = merged(...reports, "-o", join(tmp, "ky-hoa.xlsx"), "--period", "Q2", "--year", "2027");
    expect(j.units).toHaveLength(2);
  });

  it("a wrong period lists the valid ones; a missing --template says it is missing", () => {
    const r = run("merge", join(tmp, "x.xlsx"), "-o", join(tmp, "y.xlsx"), "--period", "quy3", "--year", "2027");
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("(kỳ: q1, q2, q3, q4, h1, m9, year")]);
    const t = run("template", "-o", join(tmp, "z.xlsx"));
    expect([t.code, t.err]).toEqual([2, expect.stringContaining("Thiếu mã biểu mẫu (--template <mã>)")]);
  });
});
