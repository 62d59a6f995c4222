import { zipSync } from "fflate";
import { FileLimitError, LIMITS } from "../../src/adapters/limits";
import { ParsedParts, ZipReader } from "../../src/adapters/xlsx/zip";

/** Parts a producer writes alike in every workbook are parsed once; nothing else is ever taken for them. */
describe("parts parsed once across workbooks", () => {
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);
  const zip = (parts: Record<string, string>, level: 0 | 6 = 6): Uint8Array =>
    zipSync(Object.fromEntries(Object.entries(parts).map(([name, s]) => [name, [text(s), { level }]])));
  const decoding = (): { parse: (b: Uint8Array) => string; calls: () => number } => {
    let calls = 0;
    return { parse: (b) => (calls++, new TextDecoder().decode(b)), calls: () => calls };
  };

  test("the same bytes in another workbook give the value parsed before, without parsing again", () => {
    const parts = new ParsedParts<string>();
    const { parse, calls } = decoding();
    const styles = "<styleSheet>" + "x".repeat(500) + "</styleSheet>";
    const first = new ZipReader(zip({ "xl/styles.xml": styles, "a.xml": "1" }));
    const second = new ZipReader(zip({ "xl/styles.xml": styles, "b.xml": "22" }));
    expect(first.readParsed("xl/styles.xml", parts, parse)).toBe(styles);
    expect(second.readParsed("xl/styles.xml", parts, parse)).toBe(styles);
    expect(calls()).toBe(1);
    expect(second.readParsed("missing.xml", parts, parse)).toBeUndefined();
  });

  test("bytes of the same length but another content are parsed on their own", () => {
    const parts = new ParsedParts<string>();
    const { parse, calls } = decoding();
    // Stored, not deflated: the two entries have exactly the same length.
    expect(new ZipReader(zip({ "p.xml": "<a>1</a>" }, 0)).readParsed("p.xml", parts, parse)).toBe("<a>1</a>");
    expect(new ZipReader(zip({ "p.xml": "<a>2</a>" }, 0)).readParsed("p.xml", parts, parse)).toBe("<a>2</a>");
    expect(calls()).toBe(2);
  });

  test("what is kept is a copy: changing the received bytes afterwards changes nothing", () => {
    const parts = new ParsedParts<string>();
    const { parse, calls } = decoding();
    const bytes = zip({ "p.xml": "<a>1</a>" }, 0);
    expect(new ZipReader(bytes).readParsed("p.xml", parts, parse)).toBe("<a>1</a>");
    bytes.set(text("<a>2</a>"), bytes.indexOf(text("<")[0]));
    expect(new ZipReader(bytes).readParsed("p.xml", parts, parse)).toBe("<a>2</a>");
    expect(calls()).toBe(2);
  });

  test("a part taken from before still counts against the file's limits", () => {
    const parts = new ParsedParts<string>();
    const { parse } = decoding();
    const big = "y".repeat(3000);
    new ZipReader(zip({ "p.xml": big })).readParsed("p.xml", parts, parse);
    const second = new ZipReader(zip({ "p.xml": big, "q.xml": big }), undefined, { ...LIMITS, fileBytes: 4000, partBytes: 4000 });
    expect(second.readParsed("p.xml", parts, parse)).toBe(big);
    expect(() => second.readParsed("p.xml", parts, parse)).toThrow(FileLimitError);
  });
});
