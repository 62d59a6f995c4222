import { deflateSync, zipSync } from "fflate";
import { nativeInflateRaw } from "../../src/adapters/node/nativeZip";
import { InflateLimitError, InflateRaw, ZipReader, fflateInflateRaw } from "../../src/adapters/xlsx/zip";

/** The unpacked size a zip declares sizes the output once; a false one never changes what is read. */
describe("inflating with the declared size", () => {
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);
  const raw = (s: string): Uint8Array => deflateSync(text(s), { level: 6 });
  const sheet = "<row>" + Array.from({ length: 3000 }, (_, i) => `<c r="B${i}"><v>${(i * 7919) % 1000}</v></c>`).join("") + "</row>";

  test("the reader hands the central directory's size to the inflater", () => {
    const seen: (number | undefined)[] = [];
    const spy: InflateRaw = (data, max, size) => (seen.push(size), fflateInflateRaw(data, max, size));
    const bytes = zipSync({ "xl/worksheets/sheet1.xml": text(sheet) });
    expect(new TextDecoder().decode(new ZipReader(bytes, spy).read("xl/worksheets/sheet1.xml"))).toBe(sheet);
    expect(seen).toEqual([text(sheet).length]);
  });

  test("the browser's inflater fills one buffer of the declared size", () => {
    const size = text(sheet).length;
    const out = fflateInflateRaw(raw(sheet), 100 * 1024 * 1024, size);
    expect(new TextDecoder().decode(out)).toBe(sheet);
    // One allocation: the declared size and the spare byte that detects a false size.
    expect(out.buffer.byteLength).toBe(size + 1);
  });

  test.each([
    ["fflate", fflateInflateRaw],
    ["zlib", nativeInflateRaw],
  ])("a declared size that is too small or too large still gives every byte (%s)", (_name, inflate) => {
    const size = text(sheet).length;
    for (const declared of [0, 10, size - 1, size + 1, size * 3])
      expect(new TextDecoder().decode(inflate(raw(sheet), 100 * 1024 * 1024, declared))).toBe(sheet);
  });

  test.each([
    ["fflate", fflateInflateRaw],
    ["zlib", nativeInflateRaw],
  ])("a bomb declaring a small size is still stopped at the budget (%s)", (_name, inflate) => {
    const bomb = raw("0".repeat(2_000_000));
    expect(() => inflate(bomb, 100_000, 10)).toThrow(InflateLimitError);
  });
});
