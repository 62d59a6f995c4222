import { strToU8, zipSync } from "fflate";
import { readDocx } from "../../src/adapters/docx/read";
import { readOds } from "../../src/adapters/ods/read";
import { checkReceivedFile, detectFormat } from "../../src/adapters/receivedFile";
import { TABLE_LIMITS } from "../../src/adapters/limits";
import { ReceivedFileError } from "../../src/adapters/readErrors";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { Grid, cellText } from "../../src/core/grid";
import { catalog, ruleSet } from "../support/data";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

function docx(body: string, opts: { prefix?: string; target?: string; part?: string } = {}): Uint8Array {
  const p = opts.prefix ?? "w";
  const part = opts.part ?? "word/document.xml";
  return zipSync({
    "_rels/.rels": strToU8(`<?xml version='1.0'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'><Relationship Id='r1' Type='${REL}' Target='${opts.target ?? part}'/></Relationships>`),
    [part]: strToU8(`<?xml version="1.0" encoding="UTF-8"?><${p}:document xmlns:${p}="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><${p}:body>${body.replace(/<(\/?)w:/g, `<$1${p}:`).replace(/ w:/g, ` ${p}:`)}</${p}:body></${p}:document>`),
  });
}

const p = (inner: string): string => `<w:p>${inner}</w:p>`;
const r = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (inner: string, props = ""): string => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}${inner.startsWith("<w:") ? inner : p(r(inner))}</w:tc>`;
const tr = (...cells: string[]): string => `<w:tr>${cells.join("")}</w:tr>`;
const tbl = (...rows: string[]): string => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join("")}</w:tbl>`;
const HEADER = tr(tc("STT"), tc("Chỉ tiêu thống kê"), tc("Đơn vị tính"), tc("Số liệu"), tc("Ghi chú"));

const texts = (g: Grid): string[][] => g.rows.map((row) => row.map((c) => cellText(c)));
const tableRows = (g: Grid): string[][] => texts(g).slice(g.table?.rowOffset ?? 0);

describe("the .docx reader", () => {
  it("expands gridSpan, vMerge, hMerge and gridBefore the way Word shows them", () => {
    const [g] = readDocx(
      docx(
        tbl(
          tr(tc("STT", '<w:vMerge w:val="restart"/>'), tc("Chỉ tiêu thống kê", '<w:vMerge w:val="restart"/>'), tc("Kết quả thống kê", '<w:gridSpan w:val="2"/>'), tc("Ghi chú", '<w:vMerge w:val="restart"/>')),
          tr(tc("", "<w:vMerge/>"), tc("", '<w:vMerge w:val="continue"/>'), tc("Đơn vị tính"), tc("Số liệu"), tc("", "<w:vMerge/>")),
          tr(tc("1"), tc("Số văn bản", '<w:hMerge w:val="restart"/>'), tc("", '<w:hMerge w:val="continue"/>'), tc("4"), tc("x")),
          `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc("Nhãn")}${tc("Văn bản")}${tc("5")}</w:tr>`,
        ),
      ),
    );
    expect(g.name).toBe("Bảng 1");
    expect(tableRows(g)).toEqual([
      ["STT", "Chỉ tiêu thống kê", "Kết quả thống kê", "", "Ghi chú"],
      ["", "", "Đơn vị tính", "Số liệu", ""],
      ["1", "Số văn bản", "", "4", "x"],
      ["", "Nhãn", "Văn bản", "5"],
    ]);
  });

  it("joins a cell's paragraphs and runs and keeps every legal spelling of its text", () => {
    const cell = [
      p(`${r("Số ")}<w:r><w:t>văn</w:t><w:br/><w:t>bản</w:t><w:tab/><w:t>đi</w:t><w:cr/><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:sym w:font="Symbol" w:char="F0B7"/></w:r>`),
      p(`<w:del w:id="1"><w:r><w:delText>XÓA</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>thêm</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>CŨ</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>mới</w:t></w:r></w:moveTo>`),
      p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD x </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("kết quả")}<w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="PAGE">${r("7")}</w:fldSimple>`),
      `<w:sdt><w:sdtPr><w:alias w:val="Ô nhập"/><w:placeholder><w:docPart w:val="X"/></w:placeholder></w:sdtPr><w:sdtContent>${p(r("&amp;&#x1EA1;<![CDATA[<c>]]>"))}</w:sdtContent></w:sdt>`,
      p(`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p(r("hộp"))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p(r("hộp"))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`),
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>${r(" cuối ")}</w:p>`,
    ].join("");
    const [g] = readDocx(docx(tbl(HEADER, tr(tc("1"), tc(cell), tc("Văn bản"), tc("1.129"), tc("")), tr(tc("2"), tc("Tỷ lệ"), tc("%"), tc("56,52"), tc("100%")))));
    const rows = tableRows(g);
    // Deleted and moved-away text is gone, the text box is read once (Choice, not also Fallback).
    expect(rows[1][1]).toBe("Số văn bản đi A-B\u00b7 thêmmới kết quả7 &ạ<c> hộp cuối");
    expect(rows[1][3]).toBe("1.129");
    expect(rows[2].slice(3)).toEqual(["56,52", "100%"]);
  });

  it.each([
    ["another prefix", { prefix: "ns0" }],
    ["an absolute target", { target: "/word/main.xml", part: "word/main.xml" }],
    ["a relative target", { target: "./content/doc.xml", part: "content/doc.xml" }],
  ])("finds the document through the package relationships (%s)", (_name, opts) => {
    const [g] = readDocx(docx(tbl(HEADER, tr(tc("1"), tc("Số văn bản"), tc("Văn bản"), tc("3"), tc(""))), opts));
    expect(tableRows(g)[1]).toEqual(["1", "Số văn bản", "Văn bản", "3", ""]);
  });

  it("puts the heading block and the title lines above the table, and joins a continued table", () => {
    const body = [
      tbl(tr(tc("SỞ TÀI CHÍNH"), tc("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")), tr(tc("Số: 12/BC-STC"), tc("Sóc Trăng, ngày 1 tháng 3 năm 2023"))),
      p(r("BÁO CÁO")),
      p(r(`Một đoạn tường thuật dài ${"rất dài ".repeat(40)} của một cơ quan khác.`)),
      `<w:p><w:pPr><w:pageBreakBefore/></w:pPr>${r("THỐNG KÊ SỐ LIỆU")}</w:p>`,
      p(r("QUÝ I NĂM 2023")),
      p(r("(Kèm theo Báo cáo số 12/BC-STC của Sở Tài chính)")),
      tbl(HEADER, tr(tc("1"), tc("A"), tc("Văn bản"), tc("1"), tc(""))),
      p('<w:r><w:br w:type="page"/></w:r>'),
      tbl(HEADER, tr(tc("2"), tc("B"), tc("Văn bản"), tc("2"), tc(""))),
      p(r("Ghi chú: bảng khác")),
      tbl(tr(tc("Họ tên"), tc("Chức vụ"), tc("Ký")), tr(tc("An"), tc("GĐ"), tc(""))),
    ].join("");
    const grids = readDocx(docx(body));
    expect(grids.map((g) => g.name)).toEqual(["Bảng 1", "Bảng 2"]);
    const [g] = grids;
    expect(texts(g).slice(0, g.table!.rowOffset).flat().filter((x) => x)).toEqual([
      "SỞ TÀI CHÍNH",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "BÁO CÁO",
      "THỐNG KÊ SỐ LIỆU",
      "QUÝ I NĂM 2023",
      "(Kèm theo Báo cáo số 12/BC-STC của Sở Tài chính)",
    ]);
    expect(tableRows(g).map((x) => x[1])).toEqual(["Chỉ tiêu thống kê", "A", "B"]);
  });

  it("reads a table nested in a layout table", () => {
    const inner = tbl(HEADER, tr(tc("1"), tc("Số văn bản"), tc("Văn bản"), tc("3"), tc("")));
    const grids = readDocx(docx(tbl(tr(`<w:tc>${p(r("PHỤ LỤC"))}${inner}${p("")}</w:tc>`))));
    expect(grids).toHaveLength(1);
    expect(tableRows(grids[0])[1]).toEqual(["1", "Số văn bản", "Văn bản", "3", ""]);
  });

  it("refuses files beyond the size caps with a Vietnamese reason", () => {
    const many = tbl(HEADER, ...Array.from({ length: TABLE_LIMITS.rows + 1 }, (_, i) => tr(tc(String(i)), tc("x"))));
    expect(() => readDocx(docx(many))).toThrow(/Tệp quá lớn so với một báo cáo \(bảng có hơn 5000 dòng\)/);
    const long = tbl(HEADER, tr(tc("1"), tc("x".repeat(TABLE_LIMITS.cellText + 1))));
    expect(() => readDocx(docx(long))).toThrow(ReceivedFileError);
  });

  it("explains a document without a table, a damaged one and an old .doc", () => {
    const none = checkReceivedFile(docx(p(r("Chỉ có chữ"))), "a.docx", catalog, ruleSet);
    expect(none).toMatchObject({ ok: false, reason: expect.stringContaining("không có bảng nào") });
    const whole = docx(tbl(HEADER));
    const cut = checkReceivedFile(whole.subarray(0, whole.length - 30), "a.docx", catalog, ruleSet);
    expect(cut).toMatchObject({ ok: false, reason: expect.stringMatching(/hỏng|không đầy đủ/) });
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0]);
    expect(checkReceivedFile(ole, "bao-cao.doc", catalog, ruleSet)).toMatchObject({ ok: false, reason: expect.stringContaining("Word cũ (.doc)") });
    expect(checkReceivedFile(ole, "bao-cao.xls", catalog, ruleSet)).toMatchObject({ ok: false, reason: expect.stringContaining("Excel cũ (.xls)") });
  });

  it("reads a tracked-changes table as it stands once accepted: a deleted row is gone", () => {
    const deleted = `<w:tr><w:trPr><w:del w:id="9" w:author="A"/></w:trPr>${tc("1")}${tc("Số văn bản đi")}${tc("Văn bản")}${tc("9999")}${tc("")}</w:tr>`;
    const [g] = readDocx(docx(tbl(HEADER, deleted, tr(tc("1"), tc("Số văn bản đi"), tc("Văn bản"), tc("12"), tc("")))));
    expect(tableRows(g).slice(1)).toEqual([["1", "Số văn bản đi", "Văn bản", "12", ""]]);
  });

  it("reads a content control still showing its placeholder as blank, and one typed into as its text", () => {
    const control = (text: string, placeholder: boolean): string =>
      `<w:tc><w:sdt><w:sdtPr>${placeholder ? "<w:showingPlcHdr/>" : ""}<w:text/></w:sdtPr><w:sdtContent>${p(r(text))}</w:sdtContent></w:sdt></w:tc>`;
    const [g] = readDocx(
      docx(
        tbl(
          HEADER,
          tr(tc("1"), tc("Số văn bản đi"), tc("Văn bản"), control("Bấm hoặc gõ vào đây để nhập văn bản.", true), tc("")),
          tr(tc("2"), tc("Số văn bản đến"), tc("Văn bản"), control("8", false), tc("")),
        ),
      ),
    );
    expect(tableRows(g).slice(1).map((row) => row[3])).toEqual(["", "8"]);
  });

  it("leaves out hidden text (w:vanish), which Word neither shows nor prints, but not text whose hiding was undone", () => {
    const hidden = `<w:r><w:rPr><w:vanish/></w:rPr><w:t>25</w:t></w:r>`;
    const unhidden = `<w:r><w:rPr><w:b/><w:rPrChange w:id="3"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>4</w:t></w:r>`;
    const [g] = readDocx(docx(tbl(HEADER, tr(tc("1"), tc("Số văn bản đi"), tc("Văn bản"), tc(p(`${hidden}${r("30")}`)), tc(p(`${unhidden}<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>2</w:t></w:r>`))))));
    expect(tableRows(g)[1].slice(3)).toEqual(["30", "42"]);
  });

  it("tells an empty document from a letter without the appendix table", () => {
    expect(checkReceivedFile(docx(p("") + tbl(tr(tc(""), tc("")))), "a.docx", catalog, ruleSet)).toMatchObject({ ok: false, reason: expect.stringContaining("Văn bản Word trống") });
    expect(checkReceivedFile(docx(p(r("Kính gửi Sở Nội vụ"))), "a.docx", catalog, ruleSet)).toMatchObject({ ok: false, reason: expect.stringContaining("thiếu phụ lục") });
  });

  it("tells a document made only of an imported web page (altChunk) to be saved again in Word", () => {
    const result = checkReceivedFile(docx('<w:altChunk r:id="c1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'), "a.docx", catalog, ruleSet);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("Lưu thành Tài liệu Word (.docx)") });
  });
});

const ODS_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

function ods(tables: string): Uint8Array {
  return zipSync({
    mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
    "META-INF/manifest.xml": strToU8(
      '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    ),
    "content.xml": strToU8(`<?xml version="1.0"?><office:document-content ${ODS_NS}><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`),
  });
}

describe("the .ods reader", () => {
  it("reads typed values, text spellings, repeats and covered cells", () => {
    const [g, h] = readOds(
      ods(
        `<table:table table:name="Phụ lục"><table:table-column table:number-columns-repeated="1024"/>` +
          `<table:table-row><table:table-cell office:value-type="string"><text:p>Số<text:s text:c="2"/>văn <text:span>bản</text:span></text:p><text:p>đi<text:line-break/>đến</text:p><office:annotation><text:p>ghi chú</text:p></office:annotation></table:table-cell>` +
          `<table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="1129"><text:p>1.129</text:p></table:table-cell>` +
          `<table:table-cell table:number-columns-spanned="2" office:value-type="percentage" office:value="0.5652"><text:p>56,52%</text:p></table:table-cell><table:covered-table-cell/>` +
          `<table:table-cell table:formula="of:=[.B1]*2" office:value-type="float" office:value="2258"><text:p>2.258</text:p></table:table-cell>` +
          `<table:table-cell office:value-type="boolean" office:boolean-value="true"/><table:table-cell table:number-columns-repeated="1016"/></table:table-row>` +
          `<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>` +
          `<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string" office:string-value="x"/></table:table-row>` +
          `<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>` +
          `<table:table table:name="Trống"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>`,
      ),
    );
    expect(g.name).toBe("Phụ lục");
    expect(g.rows).toHaveLength(5);
    const row = g.rows[0];
    expect(row[0]?.value).toBe("Số  văn bản\nđi\nđến");
    expect([row[1]?.value, row[2]?.value]).toEqual([1129, 1129]);
    expect(row[3]).toEqual({ value: 0.5652, format: "0%" });
    expect(row[4]).toBeUndefined();
    expect(row[5]).toEqual({ value: 2258, formula: "[.B1]*2" });
    expect(row[6]?.value).toBe(true);
    expect(row).toHaveLength(7);
    expect(g.rows[3][0]?.value).toBe("x");
    expect(g.rows[4][0]?.value).toBe("x");
    expect(h).toEqual({ name: "Trống", rows: [] });
  });

  it("reads a formula's error as its shown text, as an .xlsx error cell, never as a blank or a 0", () => {
    const CALC = 'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"';
    const [g] = readOds(
      ods(
        `<table:table table:name="S" ${CALC}><table:table-row>` +
          `<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>` +
          `<table:table-cell table:formula="of:=[.Z9]" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>Err:502</text:p></table:table-cell>` +
          `</table:table-row></table:table>`,
      ),
    );
    expect(g.rows[0].map((c) => c?.value)).toEqual(["#DIV/0!", "Err:502"]);
  });

  it("leaves out a sheet hidden through its table style, unless no sheet is visible", () => {
    const STYLES = 'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"';
    const styles = `<office:automatic-styles ${STYLES}><style:style style:name="ta1" style:family="table"><style:table-properties table:display="false"/></style:style><style:style style:name="ta2" style:family="table"><style:table-properties table:display="true"/></style:style></office:automatic-styles>`;
    const sheet = (name: string, style: string): string => `<table:table table:name="${name}" table:style-name="${style}"><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>`;
    const book = (tables: string): Uint8Array =>
      zipSync({
        mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
        "content.xml": strToU8(`<?xml version="1.0"?><office:document-content ${ODS_NS}>${styles}<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`),
      });
    expect(readOds(book(sheet("Năm trước", "ta1") + sheet("Phụ lục", "ta2"))).map((g) => g.name)).toEqual(["Phụ lục"]);
    expect(readOds(book(sheet("Năm trước", "ta1"))).map((g) => g.name)).toEqual(["Năm trước"]);
  });

  it("puts the sheet open when the file was saved (settings.xml ActiveTable) first", () => {
    const CONFIG = 'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"';
    const settings = `<office:document-settings ${ODS_NS} ${CONFIG}><office:settings><config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views"><config:config-item-map-entry><config:config-item config:name="ViewId" config:type="string">view1</config:config-item><config:config-item config:name="ActiveTable" config:type="string">Quý I</config:config-item></config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>`;
    const sheet = (name: string): string => `<table:table table:name="${name}"><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>`;
    const book = zipSync({
      mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
      "settings.xml": strToU8(settings),
      "content.xml": strToU8(`<?xml version="1.0"?><office:document-content ${ODS_NS}><office:body><office:spreadsheet>${sheet("Quý IV")}${sheet("Quý I")}</office:spreadsheet></office:body></office:document-content>`),
    });
    expect(readOds(book).map((g) => g.name)).toEqual(["Quý I", "Quý IV"]);
  });

  it("tells a spreadsheet saved with a password, whose parts are encrypted", () => {
    const manifest = `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry></manifest:manifest>`;
    const locked = zipSync({
      mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
      "META-INF/manifest.xml": strToU8(manifest),
      "content.xml": new Uint8Array(300).map((_, i) => (i * 151 + 7) % 256),
    });
    expect(checkReceivedFile(locked, "bao-cao.ods", catalog, ruleSet)).toMatchObject({ ok: false, reason: expect.stringContaining("mật khẩu") });
  });

  it("refuses a sheet that repeats a filled row a million times", () => {
    const bomb = `<table:table table:name="A"><table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>`;
    expect(() => readOds(ods(bomb))).toThrow(/Tệp quá lớn so với một báo cáo/);
  });

  it("tells the formats apart by content, not by name", () => {
    expect(detectFormat(ods(""))).toBe("ods");
    expect(detectFormat(docx(""))).toBe("docx");
    expect(detectFormat(writeXlsx([{ name: "A", columns: [], rows: [[{ value: 1 }]], merges: [], validations: [], protect: false }]))).toBe("xlsx");
  });
});

describe("a table continued without its header", () => {
  it("joins a part of the same width that follows with nothing between, not one with its own header", () => {
    const part2 = tbl(tr(tc("2"), tc("B"), tc("Văn bản"), tc("2"), tc("")));
    const other = tbl(tr(tc("STT"), tc("Chỉ tiêu khác"), tc("ĐVT"), tc("Số"), tc("")), tr(tc("1"), tc("C"), tc("Văn bản"), tc("3"), tc("")));
    const grids = readDocx(docx([tbl(HEADER, tr(tc("1"), tc("A"), tc("Văn bản"), tc("1"), tc(""))), part2, other].join("")));
    expect(grids.map((g) => tableRows(g).map((r) => r[1]))).toEqual([
      ["Chỉ tiêu thống kê", "A", "B"],
      ["Chỉ tiêu khác", "C"],
    ]);
  });
});
