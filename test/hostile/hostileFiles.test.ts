import { createHash } from "crypto";
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { constants, deflateRawSync } from "zlib";
import { nativeInflateRaw } from "../../src/adapters/node/nativeZip";
import { unzipEntries } from "../../src/adapters/xlsx/zip";
import { FIXTURES, WORKBOOKS } from "../support/data";
import { MAIN_NS, docxPackage, odsPackage, xlsx, xlsxParts, zipParts } from "../support/package";

/*
 * Hostile and damaged files (issue 14): each is generated here, checked by the real CLI in a child
 * process whose peak memory and time are measured, and must give its Vietnamese reason alone, within
 * generous bounds, leaving the file's bytes unchanged.
 */
const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "cchc.js");
const dir = mkdtempSync(join(tmpdir(), "cchc-hostile-"));
const MAX_RSS_MB = 300;
// Generous: the machine running the tests may be shared; the bound is about hangs, not speed.
const MAX_SECONDS = 30;

interface Run {
  code: number | null;
  out: string;
  seconds: number;
  rssMb: number;
}

function measured(args: string[]): Run {
  const r = spawnSync("/usr/bin/time", ["-f", "TIME %e %M", "node", BIN, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  const line = r.stderr.split("\n").find((l) => l.startsWith("TIME "));
  if (!line) throw new Error(`no measurement: ${r.stderr}`);
  const [, sec, kb] = line.split(" ");
  return { code: r.status, out: r.stdout, seconds: Number(sec), rssMb: Number(kb) / 1024 };
}

const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

function write(name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

function fixtureParts(base: string): Record<string, string | Uint8Array> {
  const entries = unzipEntries(readFileSync(join(WORKBOOKS, `${base}.xlsx`)), () => true, nativeInflateRaw);
  const parts: Record<string, string | Uint8Array> = {};
  for (const [name, data] of Object.entries(entries)) parts[name] = name.endsWith(".xml") || name.endsWith(".rels") ? Buffer.from(data).toString("utf8") : data;
  return parts;
}

/**
 * A zip whose one sheet inflates to 2 GiB of XML (mostly spaces) in about 2 MB, built without ever
 * holding 2 GB: a full-flushed deflate segment is byte-aligned and history-free, so repeating its bytes
 * repeats its output; an empty final block ends the stream. `declaredSize` is what the headers claim.
 */
function bombZip(declaredSize: number): Uint8Array {
  const full = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const segment = deflateRawSync(Buffer.alloc(16 << 20, 0x20), full);
  const pieces = [deflateRawSync(Buffer.from(`<worksheet xmlns="${MAIN_NS}"><sheetData>`), full)];
  for (let i = 0; i < 128; i++) pieces.push(segment);
  pieces.push(deflateRawSync(Buffer.alloc(0)));
  const packed = Buffer.concat(pieces);
  const parts = xlsxParts({ sheets: { "Trang lớn": "" } });
  const sheetName = "xl/worksheets/sheet1.xml";
  delete parts[sheetName];
  const base = Buffer.from(zipParts(parts));
  // Append the crafted entry: local header + data, then a central directory covering all entries.
  const eocd = base.length - 22;
  const cdOffset = base.readUInt32LE(eocd + 16);
  const cdSize = base.readUInt32LE(eocd + 12);
  const count = base.readUInt16LE(eocd + 10);
  const name = Buffer.from(sheetName);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(cdOffset, 42);
  const entriesBefore = base.subarray(0, cdOffset);
  const oldCentral = base.subarray(cdOffset, cdOffset + cdSize);
  const newCdOffset = cdOffset + local.length + name.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(cdSize + central.length + name.length, 12);
  end.writeUInt32LE(newCdOffset, 16);
  return Buffer.concat([entriesBefore, local, name, packed, oldCentral, central, name, end]);
}

const TWO_GB = 2 ** 31;

/** A Word table whose first column is merged down `rows` rows, each continued cell holding `chars` characters. */
function vMergeChain(rows: number, chars: number): Uint8Array {
  const tc = (text: string, merge = "") => `<w:tc><w:tcPr>${merge}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const head = `<w:tr>${tc("STT")}${tc("Chỉ tiêu")}${tc("Số liệu")}</w:tr>`;
  const filler = "đ".repeat(chars);
  const body = Array.from({ length: rows }, (_x, i) => `<w:tr>${tc(filler, i === 0 ? '<w:vMerge w:val="restart"/>' : "<w:vMerge/>")}${tc(`Dòng ${i}`)}${tc(String(i))}</w:tr>`);
  return docxPackage(`<w:tbl>${head}${body.join("")}</w:tbl>`);
}

/** Red-team shapes of the second round: each costs a reader seconds and bounded memory, or is refused. */
const redTeam: { name: string; make: () => Uint8Array; reason: RegExp }[] = [
  {
    // 10 cells × 15 000 paragraphs × 32 767 spaces: 4.9 billion characters from about 60 KB.
    name: "ods-spaces-bomb.ods",
    make: () => {
      const cell = `<table:table-cell>${'<text:p><text:s text:c="32767"/></text:p>'.repeat(15_000)}</table:table-cell>`;
      return odsPackage(`<table:table table:name="T"><table:table-row>${cell.repeat(10)}</table:table-row></table:table>`);
    },
    reason: /^Tệp quá lớn so với một báo cáo \(một ô có nội dung quá dài\)/,
  },
  {
    // Each cell within one Excel cell's text, together 20 million characters from a few kilobytes.
    name: "ods-many-full-cells.ods",
    make: () => {
      const row = '<table:table-row><table:table-cell><text:p><text:s text:c="32000"/></text:p></table:table-cell></table:table-row>';
      return odsPackage(`<table:table table:name="T">${row.repeat(650)}</table:table>`);
    },
    reason: /^Tệp quá lớn so với một báo cáo \(hơn 4 194 304 ký tự chữ\)/,
  },
  {
    name: "docx-vmerge-chain.docx",
    make: () => vMergeChain(150, 19_000),
    reason: /^Tệp quá lớn so với một báo cáo \(một ô gộp có nội dung quá dài\)/,
  },
  {
    name: "docx-open-fields.docx",
    make: () => docxPackage(`<w:p>${'<w:r><w:fldChar w:fldCharType="begin"/></w:r>'.repeat(100_000)}${"<w:r><w:tab/></w:r>".repeat(100_000)}</w:p>`),
    reason: /^Văn bản Word trống/,
  },
  {
    name: "xlsx-300000-attributes.xlsx",
    make: () => xlsx({ sheets: { S: `<row r="1"><c r="A1" ${Array.from({ length: 300_000 }, (_x, i) => `a${i}="1"`).join(" ")}><v>1</v></c></row>` } }),
    reason: /^Tệp quá lớn: một thẻ XML có hơn 1 000 thuộc tính, vượt giới hạn 1 000 thuộc tính cho một thẻ\.$/,
  },
  {
    name: "ods-300000-attributes.ods",
    make: () => odsPackage(`<table:table table:name="T" ${Array.from({ length: 300_000 }, (_x, i) => `table:a${i}="1"`).join(" ")}/>`),
    reason: /^Tệp quá lớn: một thẻ XML có hơn 1 000 thuộc tính/,
  },
  {
    name: "xlsx-attribute-of-gt.xlsx",
    make: () => xlsx({ sheets: { S: `<row r="1"><c r="A1" x="${">".repeat(20 << 20)}"><v>1</v></c></row>` } }),
    reason: /^Tệp quá lớn: một thẻ XML dài hơn 4 194 304 ký tự/,
  },
];

const hostile: { name: string; make: () => Uint8Array; reason: RegExp }[] = [
  {
    name: "cell-at-row-1e9.xlsx",
    make: () => xlsx({ sheets: { Sheet1: `<row r="1000000000"><c r="A1000000000"><v>1</v></c></row>${"<!-- đệm -->".repeat(1000)}` } }),
    reason: /Tệp bị hỏng.*trang “Sheet1” có dòng 1 000 000 000 nằm ngoài lưới của Excel \(1 048 576 dòng × 16 384 cột\)/,
  },
  {
    name: "cell-at-row-1e8.xlsx",
    make: () => xlsx({ sheets: { Sheet1: `<row r="100000000"><c r="A100000000"><v>1</v></c></row>` } }),
    reason: /trang “Sheet1” có dòng 100 000 000 nằm ngoài lưới của Excel/,
  },
  {
    name: "cell-at-column-beyond-XFD.xlsx",
    make: () => xlsx({ sheets: { Sheet1: `<row r="1"><c r="XFE1"><v>1</v></c></row>` } }),
    reason: /trang “Sheet1” có cột 16 385 nằm ngoài lưới của Excel/,
  },
  ...[10_000, 100_000].map((n) => ({
    name: `${n}-sheet-entries-one-part.xlsx`,
    make: () => {
      const parts = xlsxParts({ sheets: { Sheet1: `<row r="1"><c r="A1"><v>1</v></c></row>` } });
      const entries = Array.from({ length: n }, (_x, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`).join("");
      parts["xl/workbook.xml"] = `<workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${entries}</sheets></workbook>`;
      return zipParts(parts);
    },
    reason: /^Tệp quá lớn: sổ làm việc có hơn 1 000 trang tính, vượt giới hạn 1 000 trang tính\.$/,
  })),
  {
    name: "one-10MB-string-referenced-100000-times.xlsx",
    make: () => {
      const rows: string[] = [];
      for (let r = 1; r <= 100_000; r++) rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>0</v></c></row>`);
      return xlsx({ sharedStrings: ["a".repeat(10 << 20)], sheets: { Sheet1: rows.join("") } });
    },
    reason: /^Tệp quá lớn: các ô chứa tổng cộng hơn 67 108 864 ký tự chữ, vượt giới hạn 67 108 864 ký tự\.$/,
  },
  {
    name: "2GB-sheet-declared.xlsx",
    make: () => bombZip(TWO_GB),
    reason: /^Tệp quá lớn: trang “Trang lớn” giải nén ra hơn 100 MB, vượt giới hạn 100 MB cho một phần của tệp\.$/,
  },
  {
    name: "2GB-sheet-lying-header.xlsx",
    make: () => bombZip(1000),
    reason: /^Tệp quá lớn: trang “Trang lớn” giải nén ra hơn 100 MB, vượt giới hạn 100 MB cho một phần của tệp\.$/,
  },
  {
    name: "truncated-sheet.xlsx",
    make: () => {
      const parts = fixtureParts(FIXTURES.taiNguyen);
      const sheet = parts["xl/worksheets/sheet1.xml"] as string;
      parts["xl/worksheets/sheet1.xml"] = sheet.slice(0, Math.floor(sheet.length / 2));
      return zipParts(parts);
    },
    reason: /^Tệp bị hỏng.*: trang “.+” không phải XML hợp lệ hoặc bị cắt cụt\.$/,
  },
  {
    name: "broken-tags.xlsx",
    make: () => {
      const parts = fixtureParts(FIXTURES.taiNguyen);
      parts["xl/worksheets/sheet1.xml"] = (parts["xl/worksheets/sheet1.xml"] as string).replace(/<\/c>/, "</cc>");
      return zipParts(parts);
    },
    reason: /^Tệp bị hỏng.*: trang “.+” không phải XML hợp lệ hoặc bị cắt cụt\.$/,
  },
];

describe("hostile files: a Vietnamese reason each, bounded memory and time, bytes unchanged", () => {
  const files = new Map<string, string>();
  beforeAll(() => {
    for (const h of [...hostile, ...redTeam]) files.set(h.name, write(h.name, h.make()));
  }, 300000);

  it.each([...hostile, ...redTeam].map((h) => [h.name, h]))("%s", (_name, h) => {
    const file = files.get(h.name)!;
    const before = sha(file);
    const r = measured(["check", file, "--json"]);
    const [report] = JSON.parse(r.out) as { error?: string }[];
    expect(report.error).toMatch(h.reason);
    expect(r.code).toBe(2);
    expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
    expect(r.seconds).toBeLessThan(MAX_SECONDS);
    expect(sha(file)).toBe(before);
  }, 120000);

  it("a 2 GB sheet fits in a small file (the bomb is real)", () => {
    expect(readFileSync(files.get("2GB-sheet-lying-header.xlsx")!).length).toBeLessThan(4 << 20);
  });

  it("a genuine report followed by a million extra rows is still recognised and merged", () => {
    const parts = fixtureParts(FIXTURES.nongNghiep);
    const sheet = parts["xl/worksheets/sheet1.xml"] as string;
    const last = Math.max(...Array.from(sheet.matchAll(/<row r="(\d+)"/g), (m) => Number(m[1])));
    const extra: string[] = [];
    for (let r = last + 1; r <= last + 1_000_000; r++) extra.push(`<row r="${r}"><c r="A${r}"><v>${r % 7}</v></c></row>`);
    parts["xl/worksheets/sheet1.xml"] = sheet.replace("</sheetData>", `${extra.join("")}</sheetData>`);
    const file = write("million-rows.xlsx", zipParts(parts));
    const before = sha(file);
    const out = join(dir, "tong-hop-million.xlsx");
    const r = measured(["merge", file, "-o", out, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { units: { file: string }[]; rejected: unknown[] };
    expect(json.units.map((u) => u.file)).toEqual(["million-rows.xlsx"]);
    // The grid shares one cell per distinct plain value and the recogniser stops after the table's
    // trailing rows; measured 268-275 MB (it was 380-440 MB).
    expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
    expect(r.seconds).toBeLessThan(MAX_SECONDS * 2);
    expect(sha(file)).toBe(before);
  }, 300000);

  it("the red-team files are small", () => {
    expect(readFileSync(files.get("ods-spaces-bomb.ods")!).length).toBeLessThan(100_000);
  });

  it("a label of 800 000 combining marks is read within seconds, and the files beside it are merged", () => {
    const label = `Số hồ sơ${"\u0301".repeat(800_000)}`;
    const marks = write("label-of-marks.xlsx", xlsx({ sharedStrings: [label], sheets: { S: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>` } }));
    const good = [FIXTURES.nongNghiep, FIXTURES.cuLaoDung].map((b) => join(WORKBOOKS, `${b}.xlsx`));
    const bad = redTeam.map((h) => files.get(h.name)!);
    const r = measured(["merge", good[0], marks, ...bad, good[1], "-o", join(dir, "red-team.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out) as { units: { file: string }[]; rejected: { file: string; reason: string }[] };
    expect(m.units.map((u) => u.file).sort()).toEqual(good.map((f) => f.slice(WORKBOOKS.length + 1)).sort());
    expect(m.rejected.map((x) => x.file).sort()).toEqual([marks, ...bad].map((f) => f.slice(dir.length + 1)).sort());
    for (const x of m.rejected) expect(x.reason).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
    expect(r.seconds).toBeLessThan(MAX_SECONDS);
  }, 300000);

  it("a province merge with five hostile files among good ones writes the good units' totals", () => {
    // Two units reporting the same period (Quý I 2023).
    const good = [FIXTURES.nongNghiep, FIXTURES.cuLaoDung].map((b) => join(WORKBOOKS, `${b}.xlsx`));
    const bad = ["cell-at-row-1e9.xlsx", "100000-sheet-entries-one-part.xlsx", "one-10MB-string-referenced-100000-times.xlsx", "2GB-sheet-lying-header.xlsx", "truncated-sheet.xlsx"].map(
      (n) => files.get(n)!,
    );
    const hashes = [...good, ...bad].map(sha);
    type Merge = { units: { file: string }[]; rejected: { file: string; reason: string }[]; indicators: { id: string; total: unknown }[] };
    const alone = measured(["merge", ...good, "-o", join(dir, "good.xlsx"), "--json"]);
    const mixed = measured(["merge", good[0], ...bad, good[1], "-o", join(dir, "mixed.xlsx"), "--json"]);
    expect(mixed.code).toBe(0);
    const a = JSON.parse(alone.out) as Merge;
    const m = JSON.parse(mixed.out) as Merge;
    expect(m.units.map((u) => u.file).sort()).toEqual(a.units.map((u) => u.file).sort());
    expect(m.indicators.map((i) => [i.id, i.total])).toEqual(a.indicators.map((i) => [i.id, i.total]));
    expect(m.rejected.map((x) => x.file).sort()).toEqual(bad.map((f) => f.slice(dir.length + 1)).sort());
    for (const x of m.rejected) expect(x.reason).toMatch(/^Tệp (quá lớn|bị hỏng)/);
    expect(mixed.rssMb).toBeLessThan(MAX_RSS_MB);
    expect(mixed.seconds).toBeLessThan(MAX_SECONDS * 2);
    expect([...good, ...bad].map(sha)).toEqual(hashes);
  }, 300000);
});
