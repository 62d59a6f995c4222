import { FileLimitError, LIMITS } from "../../src/adapters/limits";
import { resolveTarget } from "../../src/adapters/opc";
import { XlsxReadError, readXlsx } from "../../src/adapters/xlsx/read";
import { unzipEntries } from "../../src/adapters/xlsx/zip";
import { nativeInflateRaw } from "../../src/adapters/node/nativeZip";
import { Cell, Grid } from "../../src/core/grid";
import { MAIN_NS, REL_NS, xlsx, xlsxParts, zipParts } from "../support/package";

/** Every legal spelling of the same workbook reads the same; each expectation was reviewed by hand. */
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

const values = (g: Grid): (Cell["value"] | undefined)[][] => g.rows.map((r) => Array.from(r, (c) => c?.value));
const read = (bytes: Uint8Array): Grid[] => readXlsx(bytes, nativeInflateRaw);

function refusal(bytes: Uint8Array): string {
  try {
    read(bytes);
  } catch (e) {
    if (e instanceof XlsxReadError) return e.message;
    throw e;
  }
  throw new Error("read without error");
}

describe("cell spellings", () => {
  it("quoting, line breaks in tags, entities, character references, CDATA, xml:space", () => {
    const body =
      `<row r='1'><c r='A1' t='inlineStr'><is><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</t></is></c>` +
      `<c\n r="B1"\n\tt="inlineStr"><is><t>&#273;&#x1EA1;i</t></is></c>` +
      `<c r="C1" t="inlineStr"><is><t><![CDATA[x < y & z]]></t></is></c>` +
      `<c r="D1" t="inlineStr"><is><t xml:space="preserve">  hai khoảng  </t></is></c>` +
      `<c r="E1" t="str"><v xml:space="preserve"> v </v></c></row>`;
    const [g] = read(xlsx({ sheets: { S: body } }));
    expect(values(g)).toEqual([[`a & b <c> "d" 'e'`, "đại", "x < y & z", "  hai khoảng  ", " v "]]);
  });

  it("rich text and phonetic runs in shared and inline strings; _xHHHH_ escapes", () => {
    const sst = `<sst xmlns="${MAIN_NS}"><si><r><t>Số </t></r><r><rPr><b/></rPr><t>liệu</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></si><si><t>dòng_x000D_hai</t></si><si/></sst>`;
    const body =
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>` +
      `<c r="D1" t="inlineStr"><is><r><t>Chỉ </t></r><r><rPr><i/></rPr><t>tiêu</t></r><rPh><t>x</t></rPh></is></c></row>`;
    const [g] = read(xlsx({ sheets: { S: body }, parts: { "xl/sharedStrings.xml": sst } }));
    // An empty shared string stays the empty text Excel holds (the core treats it as blank).
    expect(values(g)).toEqual([["Số liệu", "dòng\rhai", "", "Chỉ tiêu"]]);
  });

  it("rows and cells without r follow the previous ones", () => {
    const body = `<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>`;
    const [g] = read(xlsx({ sheets: { S: body } }));
    expect(values(g)).toEqual([[1, 2], [], [], [undefined, undefined, 3, 4], [5]]);
  });

  it("numbers, booleans, errors, ISO dates, shared formulas", () => {
    const body =
      `<row r="1"><c r="A1"><v>1.5E3</v></c><c r="B1" t="n"><v> 42 </v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c>` +
      `<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F1" t="d"><v>2024-01-15T00:00:00</v></c><c r="G1" t="d"><v>1900-01-01</v></c></row>` +
      `<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">B1*2</f><v>84</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>0</v></c></row>`;
    const [g] = read(xlsx({ sheets: { S: body } }));
    expect(values(g)).toEqual([[1500, 42, true, false, "#DIV/0!", 45306, 1], [84], [0]]);
    expect(g.rows[1][0]?.formula).toBe("B1*2");
    expect(g.rows[2][0]?.uncomputed).toBeUndefined();
    expect(g.rows[0][5]?.format).toBe("yyyy-mm-dd hh:mm:ss");
  });

  it("a formula without a cached value is marked uncomputed, never 0; an empty text result is text", () => {
    const body = `<row r="1"><c r="A1"><f>1+1</f><v></v></c><c r="B1"><f>1+1</f></c><c r="C1" t="str"><f>""</f><v></v></c><c r="D1"><f>1+1</f><v>2</v></c></row>`;
    const [g] = read(xlsx({ sheets: { S: body } }));
    expect(g.rows[0].map((c) => [c?.value, !!c?.uncomputed])).toEqual([
      [null, true],
      [null, true],
      ["", false],
      [2, false],
    ]);
  });

  it("percent and date formats from styles: built-in 9, 10, 14 and custom codes", () => {
    const styles = `<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const parts = xlsxParts({ sheets: { S: `<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="2"><v>0.5652</v></c><c r="C1" s="3"><v>0.25</v></c><c r="D1" s="4"><v>45306</v></c><c r="E1" s="0"><v>7</v></c></row>` } });
    parts["xl/styles.xml"] = styles;
    parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string).replace("</Relationships>", `<Relationship Id="rIdT" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`);
    const [g] = read(zipParts(parts));
    expect(g.rows[0].map((c) => [c?.value, c?.format])).toEqual([
      [1, "0%"],
      [0.5652, "0.00%"],
      [0.25, "0.0%"],
      [45306, "mm-dd-yy"],
      [7, undefined],
    ]);
  });

  it("dates of a 1904 workbook are counted in the 1900 system, as every grid is; other numbers are left alone", () => {
    const styles = `<styleSheet xmlns="${MAIN_NS}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const parts = xlsxParts({ sheets: { S: `<row r="1"><c r="A1" s="1"><v>43844</v></c><c r="B1" t="d"><v>2024-01-15</v></c><c r="C1"><v>43844</v></c></row>` } });
    parts["xl/styles.xml"] = styles;
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string).replace("<sheets>", '<workbookPr date1904="1"/><sheets>');
    parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string).replace("</Relationships>", `<Relationship Id="rIdT" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`);
    expect(values(read(zipParts(parts))[0])).toEqual([[45306, 45306, 43844]]);
  });
});

describe("package spellings", () => {
  const sheetXml = (main: string, prefix: string): string => {
    const p = prefix ? `${prefix}:` : "";
    return `<${p}worksheet xmlns${prefix ? `:${prefix}` : ""}="${main}"><${p}sheetData><${p}row r="1"><${p}c r="A1" t="inlineStr"><${p}is><${p}t>Có</${p}t></${p}is></${p}c><${p}c r="B1"><${p}v>7</${p}v></${p}c></${p}row></${p}sheetData></${p}worksheet>`;
  };
  const workbookXml = (main: string, rel: string, prefix: string, target = "rId1"): string => {
    const p = prefix ? `${prefix}:` : "";
    return `<${p}workbook xmlns${prefix ? `:${prefix}` : ""}="${main}" xmlns:rr="${rel}"><${p}sheets><${p}sheet name="Biểu" sheetId="1" rr:id="${target}"/></${p}sheets></${p}workbook>`;
  };
  const expectOneSheet = (bytes: Uint8Array): void => {
    const grids = read(bytes);
    expect(grids.map((g) => [g.name, values(g)])).toEqual([["Biểu", [["Có", 7]]]]);
  };

  it("OpenXML SDK style: every element with an x: prefix, absolute targets", () => {
    expectOneSheet(
      zipParts({
        ...xlsxParts({}),
        "xl/workbook.xml": workbookXml(MAIN_NS, REL_NS, "x"),
        "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`,
        "xl/worksheets/sheet1.xml": sheetXml(MAIN_NS, "x"),
      }),
    );
  });

  it("strict OOXML namespaces (spreadsheet and relationships)", () => {
    expectOneSheet(
      zipParts({
        ...xlsxParts({}),
        "_rels/.rels": `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${STRICT_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        "xl/workbook.xml": workbookXml(STRICT_MAIN, STRICT_REL, ""),
        "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${STRICT_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        "xl/worksheets/sheet1.xml": sheetXml(STRICT_MAIN, ""),
      }),
    );
  });

  it("a workbook found only through _rels/.rels, with ../, ./ and %-encoded targets, case-insensitive names", () => {
    const parts: Record<string, string> = {
      "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
      "_rels/.rels": `<Relationships xmlns="${PKG}"><Relationship Id="a" Type="${REL_NS}/officeDocument" Target="./book/Main.xml"/></Relationships>`,
      "book/main.xml": workbookXml(MAIN_NS, REL_NS, "", "s1"),
      "book/_rels/main.xml.rels": `<Relationships xmlns="${PKG}"><Relationship Id="s1" Type="${REL_NS}/worksheet" Target="../data/trang%201.xml"/></Relationships>`,
      "data/trang 1.xml": sheetXml(MAIN_NS, ""),
    };
    expectOneSheet(zipParts(parts));
  });

  it("resolves relationship targets as OPC does", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/workbook.xml", "./../xl/./a%20b.xml")).toBe("xl/a b.xml");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
  });

  it("a .xlsm / .xltx content type is a workbook too", () => {
    const parts = xlsxParts({ sheets: { Biểu: `<row r="1"><c r="A1" t="inlineStr"><is><t>Có</t></is></c><c r="B1"><v>7</v></c></row>` } });
    for (const type of ["application/vnd.ms-excel.sheet.macroEnabled.main+xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"]) {
      const p: Record<string, string | Uint8Array> = { ...parts, "_rels/.rels": `<Relationships xmlns="${PKG}"/>` };
      p["[Content_Types].xml"] = (p["[Content_Types].xml"] as string).replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", type);
      expectOneSheet(zipParts(p));
    }
  });

  it("many sheet entries naming one part give one grid (each part is read once)", () => {
    const parts = xlsxParts({ sheets: { Biểu: `<row r="1"><c r="A1"><v>1</v></c></row>` } });
    parts["xl/workbook.xml"] = `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${[1, 2, 3].map((i) => `<sheet name="S${i}" sheetId="${i}" r:id="rId1"/>`).join("")}</sheets></workbook>`;
    expect(read(zipParts(parts)).map((g) => g.name)).toEqual(["S1"]);
  });
});

describe("hidden sheets", () => {
  const book = (states: (string | undefined)[]): Uint8Array => {
    const parts = xlsxParts({ sheets: Object.fromEntries(states.map((_s, i) => [`S${i + 1}`, `<row r="1"><c r="A1"><v>${i + 1}</v></c></row>`])) });
    parts["xl/workbook.xml"] = `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${states
      .map((state, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}"${state ? ` state="${state}"` : ""} r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`;
    return zipParts(parts);
  };

  it("a hidden or very hidden sheet (last period's copy) is not read beside the visible report", () => {
    expect(read(book(["hidden", undefined, "veryHidden", "visible"])).map((g) => g.name)).toEqual(["S2", "S4"]);
  });

  it("the sheet open when the workbook was saved comes first (this period's copy beside last period's)", () => {
    const parts = xlsxParts({ sheets: { "Quý IV": `<row r="1"><c r="A1"><v>4</v></c></row>`, "Quý I": `<row r="1"><c r="A1"><v>1</v></c></row>`, "Ghi chú": "" } });
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string).replace("<sheets>", '<bookViews><workbookView activeTab="1"/></bookViews><sheets>');
    expect(read(zipParts(parts)).map((g) => g.name)).toEqual(["Quý I", "Quý IV", "Ghi chú"]);
  });

  it("every sheet, hidden ones too, when asked (the conformance run compares every sheet)", () => {
    expect(readXlsx(book(["hidden", undefined, "veryHidden", "visible"]), undefined, { hiddenSheets: true }).map((g) => g.name)).toEqual(["S2", "S4", "S1", "S3"]);
  });

  it("hidden sheets are read when no visible sheet holds cells", () => {
    expect(read(book(["hidden", "veryHidden"])).map((g) => g.name)).toEqual(["S1", "S2"]);
  });
});

describe("files a spreadsheet program does not open get a clear Vietnamese reason", () => {
  it("old .xls and encrypted workbooks (OLE compound files)", () => {
    const cfb = new Uint8Array(512);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refusal(cfb)).toMatch(/định dạng Excel cũ \(\.xls\); hãy lưu lại thành \.xlsx/);
    const encrypted = new Uint8Array(1024);
    encrypted.set(cfb);
    encrypted.set(Buffer.from("EncryptionInfo", "utf16le"), 600);
    expect(refusal(encrypted)).toMatch(/mật khẩu/);
  });

  it(".xlsb", () => {
    const parts: Record<string, string | Uint8Array> = {
      "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>`,
      "_rels/.rels": `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
      "xl/workbook.bin": new Uint8Array([0x83, 0x01, 0x00]),
    };
    expect(refusal(zipParts(parts))).toMatch(/Excel nhị phân \(\.xlsb\); hãy lưu lại thành \.xlsx/);
  });

  it("not a zip, a truncated zip, a zip without a workbook, an undeclared prefix", () => {
    expect(refusal(Buffer.from("STT\tChỉ tiêu\n"))).toMatch(/văn bản thuần \(CSV hoặc TXT\).*lưu lại thành .xlsx/);
    const good = xlsx({ sheets: { S: `<row r="1"><c r="A1"><v>1</v></c></row>` } });
    expect(refusal(good.subarray(0, good.length - 30))).toMatch(/bị hỏng hoặc không đầy đủ/);
    expect(refusal(zipParts({ "word/document.xml": "<w:document/>" }))).toMatch(/không phải sổ làm việc Excel/);
    expect(refusal(xlsx({ parts: { "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN_NS}"><y:sheetData/></worksheet>` } }))).toMatch(
      /trang “Sheet1” không phải XML hợp lệ hoặc bị cắt cụt/,
    );
  });

  it("a DTD entity expansion (billion laughs) is refused, never expanded", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`;
    expect(refusal(xlsx({ parts: { "xl/worksheets/sheet1.xml": bomb } }))).toMatch(/không phải XML hợp lệ/);
  });
});

describe("the limit policy on both inflate paths", () => {
  const big = xlsx({ sheets: { Lớn: `<row r="1"><c r="A1" t="inlineStr"><is><t>${"x".repeat(50_000)}</t></is></c></row>` } });
  const small = { ...LIMITS, partBytes: 10_000 };

  it.each([
    ["fflate (browser)", undefined],
    ["native zlib (Node)", nativeInflateRaw],
  ])("%s stops inflating at the part limit", (_name, inflate) => {
    expect(() => readXlsx(big, inflate, { limits: small })).toThrow("Tệp quá lớn: trang “Lớn” giải nén ra hơn 0 MB");
    expect(readXlsx(big, inflate)[0].rows[0][0]?.value).toHaveLength(50_000);
  });

  it("unzipEntries, which the other readers use, is bounded too", () => {
    expect(() => unzipEntries(big, () => true, undefined, { limits: small })).toThrow(FileLimitError);
    expect(() => unzipEntries(big, () => true, nativeInflateRaw, { limits: { ...LIMITS, fileBytes: 20_000 } })).toThrow(/cho một tệp/);
  });
});
