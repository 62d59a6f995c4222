import { decodeText } from "./textContent";

/**
 * What a received file is when it is none of the formats read (told by its bytes, never by its name),
 * and what the sender does to send a readable one. Officers attach what their programs give them:
 * an old Office file, a PDF, a web page or CSV that a program named .xls, a zip of several reports.
 */
export type ForeignKind = "encrypted" | "legacyXls" | "legacyDoc" | "legacyPpt" | "other";

export interface ForeignFile {
  kind: ForeignKind;
  message: string;
}

const SAVE_XLSX = "hãy mở bằng Excel rồi lưu lại thành .xlsx (Tệp → Lưu thành → Sổ làm việc Excel) và gửi lại";
const SAVE_DOCX = "hãy mở bằng Word rồi lưu lại thành .docx (Tệp → Lưu thành → Tài liệu Word) và gửi lại";
const ASK_ORIGINAL = "hãy xin đơn vị gửi tệp Excel (.xlsx) hoặc Word (.docx) gốc của báo cáo";

/** Said with every file the product cannot read: what it can. */
export const ACCEPTED_FORMATS = "Nhận báo cáo dạng sổ làm việc Excel (.xlsx), báo cáo Word (.docx) hoặc bảng tính OpenDocument (.ods).";

/** A file of another kind: what it is and what to do, then what is read. */
const other = (message: string): ForeignFile => ({ kind: "other", message: `${message} ${ACCEPTED_FORMATS}` });
const foreign = (kind: ForeignKind, message: string): ForeignFile => ({ kind, message });

export const FOREIGN = {
  encrypted: foreign("encrypted", "Tệp được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu (Tệp → Thông tin → Bảo vệ → Mã hóa bằng mật khẩu, xóa trống) rồi gửi lại."),
  legacyXls: foreign("legacyXls", "Tệp ở định dạng Excel cũ (.xls); hãy lưu lại thành .xlsx (Tệp → Lưu thành → Sổ làm việc Excel)."),
  legacyDoc: foreign("legacyDoc", "Tệp ở định dạng Word cũ (.doc); hãy lưu lại thành .docx (Tệp → Lưu thành → Tài liệu Word)."),
  legacyPpt: foreign("legacyPpt", `Tệp là bản trình chiếu PowerPoint, không phải báo cáo; ${ASK_ORIGINAL}.`),
};

const CFB = [0xd0, 0xcf, 0x11, 0xe0];

/** A compound file (.xls, .doc, .ppt, or an Office file encrypted with a password), by its streams. */
export function compoundFileKind(bytes: Uint8Array): ForeignFile | undefined {
  if (!startsWith(bytes, CFB)) return undefined;
  // A password-protected .xlsx/.docx is a compound file holding the encrypted package.
  if (hasUtf16(bytes, "EncryptionInfo", 1)) return FOREIGN.encrypted;
  if (hasStream(bytes, "WordDocument")) return FOREIGN.legacyDoc;
  if (hasStream(bytes, "PowerPoint Document")) return FOREIGN.legacyPpt;
  return FOREIGN.legacyXls;
}

/**
 * Anything that is not a zip package nor a compound file: a PDF, a picture, a web page, text. The
 * name only chooses the program the sender is told to save with (a web page named .doc came from Word).
 */
export function plainFileKind(bytes: Uint8Array, fileName = ""): ForeignFile | undefined {
  if (startsWith(bytes, [0x50, 0x4b]) || startsWith(bytes, CFB)) return undefined;
  if (startsWith(bytes, ascii("%PDF"))) return other(`Tệp PDF chỉ để xem và in, không đọc được số liệu trong bảng; ${ASK_ORIGINAL}.`);
  if (startsWith(bytes, ascii("{\\rtf"))) return other(`Tệp ở định dạng RTF; ${SAVE_DOCX}.`);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, ascii("GIF8")))
    return other(`Tệp là ảnh (ảnh chụp hoặc bản quét), không đọc được số liệu; ${ASK_ORIGINAL}.`);
  if (startsWith(bytes, ascii("Rar!")) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]))
    return other("Tệp nén (.rar, .7z); hãy giải nén rồi chọn từng báo cáo (.xlsx, .docx, .ods) trong đó.");
  // Text: only its beginning is looked at (a cut UTF-8 character at the end is not an error). Text in
  // an 8-bit code page (Excel's CSV on Windows) is no UTF-8: its bytes are read one to a character.
  const first = bytes.subarray(0, 4096);
  const head = decodeText(first) ?? decodeText(first.subarray(0, 4093)) ?? decodeText(first.subarray(0, 4094)) ?? decodeText(first.subarray(0, 4095)) ?? String.fromCharCode(...first);
  // eslint-disable-next-line no-control-regex -- control characters mark a binary file, not text
  if (/[\x00-\x08\x0e-\x1f\x7f]/.test(head)) return undefined;
  const start = head.replace(/^\uFEFF/, "").trimStart().slice(0, 2048).toLowerCase();
  const word = /\.(docx?|dotx?|rtf)$/i.test(fileName) || /urn:schemas-microsoft-com:office:word|wordprocessingml|office\/word\/2003/.test(start);
  const save = word ? SAVE_DOCX : SAVE_XLSX;
  if (start.includes("office/word/2003/wordml")) return other(`Tệp ở định dạng Word XML 2003; ${SAVE_DOCX}.`);
  if (start.includes("schemas.microsoft.com/office/2006/xmlpackage")) return other(`Tệp Office dạng XML một tệp (Flat OPC); ${save}.`);
  // A web archive (.mht, .mhtml): what Word and Excel save as "Single File Web Page", and what some
  // document systems export under a .doc or .xls name.
  if (/^mime-version:/.test(start) || start.includes("multipart/related"))
    return other(`Tệp là trang web lưu thành một tệp (.mht), thường do phần mềm xuất ra với tên .doc hoặc .xls; ${save}.`);
  if (start.includes("urn:schemas-microsoft-com:office:spreadsheet"))
    return other(`Tệp ở định dạng Bảng tính XML 2003 (thường do phần mềm xuất ra với tên .xls hoặc .xml); ${SAVE_XLSX}.`);
  if (start.includes("urn:oasis:names:tc:opendocument"))
    return other("Tệp OpenDocument dạng XML phẳng (.fods, .fodt); hãy mở bằng LibreOffice rồi lưu lại thành .ods, .xlsx hoặc .docx và gửi lại.");
  if (/^<(!doctype html|html|head|body|table|meta|style)\b/.test(start) || (start.startsWith("<") && /<(html|table)\b/.test(start)) || start.includes("urn:schemas-microsoft-com:office:excel"))
    return other(`Tệp là trang web (HTML), thường do phần mềm xuất ra với tên .xls hoặc .doc; ${save}.`);
  if (start.startsWith("<")) return undefined;
  return other(`Tệp là văn bản thuần (CSV hoặc TXT), không còn bảng biểu mẫu; ${SAVE_XLSX}.`);
}

/** A zip that is not an Office or OpenDocument package, from the names of its entries. */
export function zipFileKind(names: readonly string[], mimetype: string | undefined): ForeignFile | undefined {
  if (mimetype === "application/vnd.oasis.opendocument.text" || mimetype === "application/vnd.oasis.opendocument.text-template")
    return other("Tệp là văn bản OpenDocument (.odt); hãy lưu lại thành .docx (Tệp → Lưu thành → Word 2007-365) và gửi lại.");
  if (mimetype?.startsWith("application/vnd.oasis.opendocument.presentation"))
    return other(`Tệp là bản trình chiếu OpenDocument (.odp), không phải báo cáo; ${ASK_ORIGINAL}.`);
  if (names.some((n) => n.startsWith("ppt/"))) return other(`Tệp là bản trình chiếu PowerPoint (.pptx), không phải báo cáo; ${ASK_ORIGINAL}.`);
  if (names.some((n) => /(^|\/)Index\/Document\.iwa$/.test(n) || n === "Index.zip"))
    return other("Tệp Apple Numbers; hãy xuất sang Excel (Tệp → Xuất sang → Excel) rồi gửi tệp .xlsx.");
  const packaged = names.some((n) => n === "[Content_Types].xml" || n === "mimetype");
  const reports = names.filter((n) => /\.(xlsx|xlsm|xls|docx|doc|ods|pdf)$/i.test(n) && !n.startsWith("__MACOSX/"));
  if (!packaged && reports.length > 0) {
    const shown = reports.slice(0, 3).map((n) => n.slice(n.lastIndexOf("/") + 1));
    const more = reports.length > shown.length ? ` và ${reports.length - shown.length} tệp khác` : "";
    return other(`Tệp nén (.zip) chứa ${reports.length} tệp (${shown.join(", ")}${more}); hãy giải nén rồi chọn từng báo cáo trong đó.`);
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** `word` in UTF-16LE at an offset that is a multiple of `align`. */
function hasUtf16(bytes: Uint8Array, word: string, align: number): boolean {
  const first = word.charCodeAt(0);
  outer: for (let i = 0; i + 2 * word.length <= bytes.length; i += align) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < word.length; j++) if (bytes[i + 2 * j] !== word.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/**
 * A stream of that name in the compound file's directory: entries are 128 bytes, sector-aligned after
 * the 512-byte header, and name their length (with its terminating NUL, in bytes) at offset 64.
 */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const length = 2 * (name.length + 1);
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    if (bytes[at + 64] !== length || bytes[at + 65] !== 0 || bytes[at + 66] !== 2) continue;
    let same = true;
    for (let j = 0; j < name.length && same; j++) same = bytes[at + 2 * j] === name.charCodeAt(j) && bytes[at + 2 * j + 1] === 0;
    if (same) return true;
  }
  return false;
}
