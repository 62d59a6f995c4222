import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { strToU8, zipSync } from "fflate";
import { tmpdir } from "os";
import { join } from "path";
import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { ACCEPTED_FORMATS, XlsxReadError, readXlsx } from "../../src/adapters/xlsx/read";
import { catalog, ruleSet } from "../support/data";

/** The reason a received file is refused with, under the name the officer gave it. */
function reason(bytes: Uint8Array, name: string): string {
  const r = checkReceivedFile(bytes, name, catalog, ruleSet);
  if (r.ok) throw new Error(`${name} was read`);
  return r.reason;
}

const GENERIC = "Tệp không phải sổ làm việc Excel";

/** A compound file whose directory (second sector) holds one stream of that name. */
function compoundFile(stream: string): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const entry = 512 + 128;
  for (let i = 0; i < stream.length; i++) bytes[entry + 2 * i] = stream.charCodeAt(i);
  bytes[entry + 64] = 2 * (stream.length + 1);
  bytes[entry + 66] = 2;
  return bytes;
}

describe("files attached by mistake are named, with what to do", () => {
  it("names an old Word file, whatever it is called, apart from an old workbook and a presentation", () => {
    expect(reason(compoundFile("WordDocument"), "bao-cao.xlsx")).toContain("Word cũ (.doc)");
    expect(reason(compoundFile("Workbook"), "bao-cao.docx")).toContain("Excel cũ (.xls)");
    expect(reason(compoundFile("PowerPoint Document"), "bao-cao.xlsx")).toContain("PowerPoint");
    expect(() => readXlsx(compoundFile("WordDocument"))).toThrow(/Word cũ \(\.doc\)/);
  });

  it("tells a PDF, an RTF, a picture and a web page or CSV named .xls what to send instead", () => {
    const enc = (s: string): Uint8Array => strToU8(s);
    const cases: [Uint8Array, string, RegExp][] = [
      [enc("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "bao-cao.pdf", /PDF.*gốc/],
      [enc("{\\rtf1\\ansi\\deff0 {\\fonttbl}"), "bao-cao.doc", /RTF.*\.docx/],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "bao-cao.xlsx", /ảnh/],
      [enc("\uFEFF<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><body><table><tr><td>STT</td></tr></table>"), "xuat-tu-phan-mem.xls", /trang web \(HTML\).*\.xlsx/],
      [enc('<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'), "bao-cao.xls", /XML 2003.*\.xlsx/],
      [enc("STT;Chỉ tiêu thống kê;Đơn vị tính;Số liệu\r\n1;Số văn bản đi;Văn bản;12\r\n"), "bao-cao.csv", /CSV.*\.xlsx/],
      // Excel's CSV on a Vietnamese Windows: one byte a character, not UTF-8.
      [new Uint8Array([...enc("STT,Ch"), 0xec, ...enc(" ti"), 0xea, ...enc("u\r\n1,S"), 0xd2, ...enc(",12\r\n")]), "bao-cao.xlsx", /CSV.*\.xlsx/],
    ];
    for (const [bytes, name, expected] of cases) expect(reason(bytes, name)).toMatch(expected);
  });

  it("tells a web archive (.mht), a Word XML 2003 and a web page saved from Word to be saved again in Word", () => {
    const mht = strToU8('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n------=_NextPart\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n<html><table><tr><td>STT</td></tr></table></html>');
    expect(reason(mht, "bao-cao.doc")).toMatch(/\(\.mht\).*Tài liệu Word/);
    expect(reason(mht, "bao-cao.xls")).toMatch(/\(\.mht\).*Sổ làm việc Excel/);
    const wordXml = strToU8('<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"/>');
    expect(reason(wordXml, "bao-cao.xml")).toMatch(/Word XML 2003.*Tài liệu Word/);
    const fromWord = strToU8('<html xmlns:w="urn:schemas-microsoft-com:office:word"><body><table><tr><td>STT</td></tr></table></body></html>');
    expect(reason(fromWord, "bao-cao.htm")).toMatch(/trang web \(HTML\).*Tài liệu Word/);
  });

  it("lists the reports inside a zip, and names an .odt, a .pptx and an Apple Numbers file", () => {
    const zip = zipSync({ "Bao cao quy I/So Xay dung.xlsx": strToU8("x"), "Bao cao quy I/So Y te.docx": strToU8("x"), "Bao cao quy I/So Cong Thuong.xlsx": strToU8("x"), "Bao cao quy I/So Du lich.pdf": strToU8("x") });
    expect(reason(zip, "bao-cao.zip")).toBe(`Tệp nén (.zip) chứa 4 tệp (So Xay dung.xlsx, So Y te.docx, So Cong Thuong.xlsx và 1 tệp khác); hãy giải nén rồi chọn từng báo cáo trong đó. ${ACCEPTED_FORMATS}`);
    const odt = zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }], "content.xml": strToU8("<x/>") });
    expect(reason(odt, "bao-cao.docx")).toMatch(/OpenDocument \(\.odt\).*\.docx/);
    expect(reason(zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "ppt/presentation.xml": strToU8("<p/>") }), "a.xlsx")).toContain("PowerPoint");
    expect(reason(zipSync({ "Index/Document.iwa": strToU8("x") }), "a.numbers")).toContain("Apple Numbers");
  });

  it("keeps the general reason for what it cannot name", () => {
    const noise = new Uint8Array(2048).map((_, i) => (i * 7919 + 13) % 256);
    expect(reason(noise, "a.xlsx")).toContain(GENERIC);
    let problem = "";
    try {
      readXlsx(strToU8("Kính gửi Sở Nội vụ"));
    } catch (e) {
      if (e instanceof XlsxReadError) problem = e.problem;
    }
    expect(problem).toBe("notExcel");
  });
});

describe("the same files as LibreOffice writes them", () => {
  const dir = mkdtempSync(join(tmpdir(), "cchc-foreign-"));
  const soffice = (args: string[]): void => {
    const r = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, ...args, "--outdir", dir], { encoding: "utf8", timeout: 240000 });
    if (r.error) throw new Error(`LibreOffice (soffice) không chạy được: ${r.error.message}`);
  };

  it("an old .doc renamed .xlsx is told to be saved as .docx; an old .xls renamed .docx as .xlsx", () => {
    writeFileSync(join(dir, "bang.html"), "<html><body><p>PHỤ LỤC</p><table><tr><td>STT</td><td>Chỉ tiêu thống kê</td><td>Số liệu</td></tr><tr><td>1</td><td>Số văn bản đi</td><td>12</td></tr></table></body></html>");
    soffice(["--writer", "--convert-to", "doc", join(dir, "bang.html")]);
    expect(reason(readFileSync(join(dir, "bang.doc")), "bang.xlsx")).toContain("Word cũ (.doc)");
    writeFileSync(join(dir, "bang.csv"), "STT,Chỉ tiêu thống kê,Số liệu\n1,Số văn bản đi,12\n");
    soffice(["--convert-to", "xls", join(dir, "bang.csv")]);
    expect(reason(readFileSync(join(dir, "bang.xls")), "bang.docx")).toContain("Excel cũ (.xls)");
  });
});
