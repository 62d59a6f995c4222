import { readDocx } from "../../src/adapters/docx/read";
import { nativeInflateRaw } from "../../src/adapters/node/nativeZip";
import { readOds } from "../../src/adapters/ods/read";
import { WorkMeter, checkNamespaces, parseXml } from "../../src/adapters/xml";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { foldText } from "../../src/core/text";
import { docxPackage, odsPackage, xlsx } from "../support/package";

/*
 * Hostile shapes at growing sizes: the work of reading them must grow in step with the bytes (×2, ×4),
 * never with their square. Work is counted, not timed: the steps the tokenizer and the readers count
 * (characters examined, names compared), plus what the built-in string and array methods they call walk
 * over (each call's length; a normalization's length times its longest run of combining marks, which
 * it reorders pairwise).
 */
const SIZES = [1, 2, 4];
/** Allowed drift from exact proportion: fixed costs and rounding, not a square. */
const SLACK = 1.25;

function longestMarkRun(s: string): number {
  let longest = 0;
  let run = 0;
  for (const ch of s) {
    run = /\p{M}/u.test(ch) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** The work `read` does: its meter's steps plus what the built-in methods it calls walk over. */
function workOf(read: (meter: WorkMeter) => void): number {
  const meter: WorkMeter = { steps: 0 };
  let builtIn = 0;
  const restore: (() => void)[] = [];
  const counted = (proto: object, name: string, cost: (self: unknown) => number): void => {
    const methods = proto as Record<string, (...a: unknown[]) => unknown>;
    const original = methods[name];
    methods[name] = function (this: unknown, ...args: unknown[]) {
      builtIn += cost(this);
      return original.apply(this, args);
    };
    restore.push(() => (methods[name] = original));
  };
  const length = (self: unknown): number => (self as { length: number }).length;
  for (const name of ["trim", "trimEnd", "trimStart"] as const) counted(String.prototype, name, length);
  counted(String.prototype, "normalize", (self) => length(self) * (1 + longestMarkRun(String(self))));
  for (const name of ["some", "every", "map", "filter", "join", "includes", "indexOf"] as const) counted(Array.prototype, name, length);
  try {
    read(meter);
  } catch {
    // Refusing a shape is an answer too; what it cost until then is what counts.
  } finally {
    for (const r of restore) r();
  }
  return meter.steps + builtIn;
}

function expectLinear(make: (n: number) => (meter: WorkMeter) => void): void {
  const [w1, w2, w4] = SIZES.map((k) => workOf(make(k)));
  expect(w1).toBeGreaterThan(0);
  expect(w2 / w1).toBeLessThan(2 * SLACK);
  expect(w4 / w1).toBeLessThan(4 * SLACK);
}

const text = (xml: string) => (meter: WorkMeter) => parseXml(Buffer.from(xml, "utf8"), {}, undefined, meter);

describe("the tokenizer's work grows linearly", () => {
  it("with the attributes of one element", () => {
    expectLinear((k) => text(`<a ${Array.from({ length: 200 * k }, (_x, i) => `x${i}="${i}"`).join(" ")}/>`));
  });

  it("with the attributes of one element, checked for namespaces", () => {
    const attrs = (n: number) => Array.from({ length: n }, (_x, i) => `p:x${i}="${i}"`).join(" ");
    expectLinear((k) => (meter) => parseXml(Buffer.from(`<a xmlns:p="urn:p" ${attrs(200 * k)}/>`), { open: checkNamespaces }, undefined, meter));
  });

  it("with an attribute value of '>' spread over many pieces", () => {
    expectLinear((k) => text(`<a v="${">".repeat(256 * 1024 * k)}"/>`));
  });

  it("with a comment and a processing instruction spread over many pieces", () => {
    expectLinear((k) => text(`<a><!--${"->".repeat(128 * 1024 * k)}--><?pi ${"?".repeat(256 * 1024 * k)}?></a>`));
  });

  it("with a document type and an end tag spread over many pieces", () => {
    expectLinear((k) => text(`<!DOCTYPE a [${" ".repeat(256 * 1024 * k)}]><a></a${" ".repeat(256 * 1024 * k)}>`));
  });
});

describe("the readers' work grows linearly", () => {
  const cell = (inner: string) => `<w:tc><w:p>${inner}</w:p></w:tc>`;
  const row = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;
  const table = (rows: string) => `<w:tbl>${row(cell("<w:r><w:t>TT</w:t></w:r>"), cell("<w:r><w:t>Nội dung</w:t></w:r>"), cell(""))}${rows}</w:tbl>`;

  it(".docx: open fields, then text", () => {
    expectLinear((k) => {
      const n = 2000 * k;
      const body = `<w:p>${'<w:r><w:fldChar w:fldCharType="begin"/></w:r>'.repeat(n)}${"<w:r><w:tab/></w:r>".repeat(n)}</w:p>${table("")}`;
      const bytes = docxPackage(body);
      return (meter) => readDocx(bytes, nativeInflateRaw, meter);
    });
  });

  it(".docx: a chain of vertically merged cells, each continued one with text", () => {
    expectLinear((k) => {
      const merged = (first: boolean) => `<w:tc><w:tcPr><w:vMerge${first ? ' w:val="restart"' : ""}/></w:tcPr><w:p><w:r><w:t>mười ký tự</w:t></w:r></w:p></w:tc>`;
      const rows = Array.from({ length: 500 * k }, (_x, i) => row(cell(`<w:r><w:t>${i}</w:t></w:r>`), merged(i === 0), cell(""))).join("");
      const bytes = docxPackage(table(rows));
      return (meter) => readDocx(bytes, nativeInflateRaw, meter);
    });
  });

  it(".ods: cells of many paragraphs of spaces", () => {
    expectLinear((k) => {
      const paragraph = '<text:p><text:s text:c="1000"/></text:p>';
      const cells = `<table:table-cell>${paragraph.repeat(20 * k)}</table:table-cell>`.repeat(10);
      const bytes = odsPackage(`<table:table table:name="T"><table:table-row>${cells}</table:table-row></table:table>`);
      return (meter) => readOds(bytes, nativeInflateRaw, meter);
    });
  });

  it(".ods: many rows", () => {
    expectLinear((k) => {
      const rows = Array.from({ length: 2000 * k }, (_x, i) => `<table:table-row><table:table-cell><text:p>Dòng ${i}</text:p></table:table-cell></table:table-row>`).join("");
      const bytes = odsPackage(`<table:table table:name="T">${rows}</table:table>`);
      return (meter) => readOds(bytes, nativeInflateRaw, meter);
    });
  });

  it(".xlsx: rows of cells, one with a thousand attributes", () => {
    expectLinear((k) => {
      const attrs = Array.from({ length: 100 * k }, (_x, i) => `x${i}="1"`).join(" ");
      const rows = Array.from({ length: 1000 * k }, (_x, i) => `<row r="${i + 1}"><c r="A${i + 1}" ${i === 0 ? attrs : ""}><v>${i}</v></c></row>`).join("");
      const bytes = xlsx({ sheets: { S: rows } });
      return (meter) => readXlsx(bytes, nativeInflateRaw, { meter });
    });
  });
});

describe("folding text", () => {
  it("grows linearly with a run of combining marks", () => {
    expectLinear((k) => {
      const label = `Số${"\u0301".repeat(20_000 * k)} hồ sơ ${k}`;
      return () => foldText(label);
    });
  });

  it("keeps the letters and drops the marks, however many", () => {
    expect(foldText(`Tổng${"\u0323".repeat(100_000)} số`)).toBe("tong so");
  });
});

