import { nativeDeflater, nativeInflateRaw } from "../../src/adapters/node/nativeZip";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { unzipEntries } from "../../src/adapters/xlsx/zip";
import { ZipBuilder, crc32, fflateDeflater } from "../../src/adapters/xlsx/zipWrite";
import { LayoutCell, STYLE_NAMES, SheetLayout } from "../../src/core/layout/sheetLayout";

const sheet = (name: string, rows: LayoutCell[][]): SheetLayout => ({ name, columns: [], rows, merges: [], validations: [], protect: false });

describe("writeXlsx encodes and deflates its parts as it writes them", () => {
  // Parts go to the zip a megabyte at a time: this sheet and its shared strings span several pieces,
  // in text of one, two, three and four UTF-8 bytes per character.
  const texts = Array.from({ length: 20000 }, (_, i) => `Số cán bộ, công chức ${i} — ${"đạt".repeat(i % 7)} 𝔸 & <b> "q"`);
  const rows: LayoutCell[][] = texts.map((t, i) => [{ value: i }, { value: t }, { value: `${t}\u0001\uFFFE` }, { formula: `A${i + 1}*2`, value: 2 * i }]);
  const layouts = [sheet("Tổng hợp", rows), sheet("Trang 2", [[{ value: "\uD800 lẻ" }]])];

  it.each([
    ["native zlib", (l: SheetLayout[]) => writeXlsx(l, nativeDeflater)],
    ["fflate", (l: SheetLayout[]) => writeXlsx(l)],
  ])("reads back what it wrote, through %s", (_, write) => {
    const bytes = write(layouts);
    const parts = unzipEntries(bytes, (n) => n.endsWith(".xml"), nativeInflateRaw);
    expect(parts["xl/worksheets/sheet1.xml"].length).toBeGreaterThan(2 << 20);
    expect(parts["xl/sharedStrings.xml"].length).toBeGreaterThan(2 << 20);
    const [first, second] = readXlsx(bytes, nativeInflateRaw);
    expect(first.name).toBe("Tổng hợp");
    expect(first.rows.map((r) => r.map((c) => c?.value))).toEqual(texts.map((t, i) => [i, t, t, 2 * i]));
    // A lone surrogate is not UTF-8: it is written as U+FFFD, as TextEncoder writes it.
    expect(second.rows[0][0]?.value).toBe("\uFFFD lẻ");
  });
});

describe("a zip part written in pieces", () => {
  it.each([
    ["native zlib", nativeDeflater],
    ["fflate", fflateDeflater],
  ])("is the bytes of its pieces joined, through %s, with the buffer reused between pieces", (_, deflater) => {
    const zip = new ZipBuilder(deflater);
    const part = zip.part("a.txt");
    const buffer = new Uint8Array(70000);
    const expected: number[] = [];
    for (let piece = 0; piece < 5; piece++) {
      for (let i = 0; i < buffer.length; i++) buffer[i] = (i * (piece + 3)) % 251;
      const length = piece === 3 ? 0 : buffer.length - piece * 1000;
      part.write(buffer.subarray(0, length));
      expected.push(...buffer.subarray(0, length));
    }
    part.close();
    zip.add("b.txt", new TextEncoder().encode("phần sau"));
    const parts = unzipEntries(zip.finish(), () => true, nativeInflateRaw);
    expect(Buffer.from(parts["a.txt"]).equals(Buffer.from(expected))).toBe(true);
    expect(new TextDecoder().decode(parts["b.txt"])).toBe("phần sau");
  });
});

describe("the zip writer's CRC-32", () => {
  it("continues from the CRC of the bytes before, as zlib's does", () => {
    const bytes = new TextEncoder().encode("Số liệu thống kê CCHC ".repeat(100));
    const whole = crc32(bytes);
    expect(crc32(bytes.subarray(700), crc32(bytes.subarray(0, 700)))).toBe(whole);
    expect(nativeDeflater.crc32(bytes.subarray(700), nativeDeflater.crc32(bytes.subarray(0, 700)))).toBe(whole);
  });

  it("gives the standard check value and zlib's value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    const bytes = new TextEncoder().encode("Số liệu thống kê CCHC ".repeat(1000));
    expect(crc32(bytes)).toBe(nativeDeflater.crc32(bytes));
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe("a sheet's rows and cells as written", () => {
  it("leaves out empty rows and cells, keeps styled blanks, row heights and formulas with their results", () => {
    const style = STYLE_NAMES[1];
    const s = STYLE_NAMES.indexOf(style) + 1;
    const layout: SheetLayout = {
      ...sheet("S", [
        [{ value: 7 }, { value: "" }, {}, { value: 1.5, style }],
        [{}, { value: null }],
        [],
        [{ style }, undefined as unknown as LayoutCell, { value: "chữ" }],
        [{ formula: "A1*2", value: 14 }, { formula: "IF(A1,\"\",1)", value: "" }, { formula: "NOW()" }],
      ]),
      rowHeights: { 2: 30 },
    };
    const parts = unzipEntries(writeXlsx([layout], nativeDeflater), (n) => n.endsWith("sheet1.xml"), nativeInflateRaw);
    const xml = new TextDecoder().decode(parts["xl/worksheets/sheet1.xml"]);
    expect(xml.slice(xml.indexOf("<sheetData>"), xml.indexOf("</sheetData>") + 12)).toBe(
      `<sheetData><row r="1"><c r="A1"><v>7</v></c><c r="D1" s="${s}"><v>1.5</v></c></row>` +
        `<row r="3" ht="30" customHeight="1"></row>` +
        `<row r="4"><c r="A4" s="${s}"/><c r="C4" t="s"><v>0</v></c></row>` +
        `<row r="5"><c r="A5"><f>A1*2</f><v>14</v></c><c r="B5" t="str"><f>IF(A1,&quot;&quot;,1)</f><v></v></c><c r="C5"><f>NOW()</f></c></row></sheetData>`,
    );
  });
});
