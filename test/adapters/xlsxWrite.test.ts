import { nativeInflateRaw, nativeZip } from "../../src/adapters/node/nativeZip";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { unzipEntries } from "../../src/adapters/xlsx/zip";
import { LayoutCell, SheetLayout } from "../../src/core/layout/sheetLayout";

const sheet = (name: string, rows: LayoutCell[][]): SheetLayout => ({ name, columns: [], rows, merges: [], validations: [], protect: false });

describe("writeXlsx encodes its parts as it writes them", () => {
  // Parts grow from 64 KB: this sheet and its shared strings pass that several times, in text of one,
  // two, three and four UTF-8 bytes per character.
  const texts = Array.from({ length: 3000 }, (_, i) => `Số cán bộ, công chức ${i} — ${"đạt".repeat(i % 7)} 𝔸 & <b> "q"`);
  const rows: LayoutCell[][] = texts.map((t, i) => [{ value: i }, { value: t }, { value: `${t}\u0001\uFFFE` }, { formula: `A${i + 1}*2`, value: 2 * i }]);
  const layouts = [sheet("Tổng hợp", rows), sheet("Trang 2", [[{ value: "\uD800 lẻ" }]])];

  it.each([
    ["native zlib", (l: SheetLayout[]) => writeXlsx(l, nativeZip)],
    ["fflate", (l: SheetLayout[]) => writeXlsx(l)],
  ])("reads back what it wrote, through %s", (_, write) => {
    const bytes = write(layouts);
    const parts = unzipEntries(bytes, (n) => n.endsWith(".xml"), nativeInflateRaw);
    expect(parts["xl/worksheets/sheet1.xml"].length).toBeGreaterThan(4 * 65536);
    expect(parts["xl/sharedStrings.xml"].length).toBeGreaterThan(4 * 65536);
    const [first, second] = readXlsx(bytes, nativeInflateRaw);
    expect(first.name).toBe("Tổng hợp");
    expect(first.rows.map((r) => r.map((c) => c?.value))).toEqual(texts.map((t, i) => [i, t, t, 2 * i]));
    // A lone surrogate is not UTF-8: it is written as U+FFFD, as TextEncoder writes it.
    expect(second.rows[0][0]?.value).toBe("\uFFFD lẻ");
  });
});
