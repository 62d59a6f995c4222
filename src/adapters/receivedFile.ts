import { Catalog } from "../core/catalog/catalog";
import { CheckResult, SourceFormat, checkGrids } from "../core/check/check";
import { Grid } from "../core/grid";
import { RuleSet } from "../core/rules/schema";
import { readDocx } from "./docx/read";
import { readOds } from "./ods/read";
import { ReceivedFileError } from "./readErrors";
import { WorkMeter } from "./xml";
import { ACCEPTED_FORMATS, ParsedWorkbookParts, XlsxReadError, readXlsx } from "./xlsx/read";
import { InflateRaw, unzipEntries } from "./xlsx/zip";

const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";
const EMPTY_FILE = `Tệp rỗng (0 byte): không có nội dung nào. Hãy xin đơn vị gửi lại báo cáo. ${ACCEPTED_FORMATS}`;
const LEGACY_WORD = "Tệp ở định dạng Word cũ (.doc); hãy lưu lại thành .docx (Tệp → Lưu thành → Tài liệu Word).";

/** What a received file is, from its content (the name may lie): a Word report, an OpenDocument sheet or a workbook. */
export function detectFormat(bytes: Uint8Array, inflateRaw?: InflateRaw): SourceFormat {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return "xlsx"; // OLE2 and the rest: the workbook reader explains
  let word = false;
  let mimetype: Uint8Array | undefined;
  try {
    mimetype = unzipEntries(
      bytes,
      (name) => {
        // The main part is found through the relationships later; any WordprocessingML part marks a Word package.
        if (name.startsWith("word/")) word = true;
        return name === "mimetype";
      },
      inflateRaw,
    ).mimetype;
  } catch {
    return "xlsx"; // a damaged zip: the workbook reader gives its message
  }
  if (mimetype && new TextDecoder().decode(mimetype).trim() === ODS_MIME) return "ods";
  return word ? "docx" : "xlsx";
}

/** Reads any received report file into grids; throws ReceivedFileError or XlsxReadError with the Vietnamese reason. */
export function readReceivedFile(bytes: Uint8Array, fileName: string, inflateRaw?: InflateRaw, options: ReadOptions = {}): { format: SourceFormat; grids: Grid[] } {
  if (!bytes.length) throw new ReceivedFileError(EMPTY_FILE);
  const format = detectFormat(bytes, inflateRaw);
  if (format === "docx") return { format, grids: readDocx(bytes, inflateRaw, options.meter) };
  if (format === "ods") return { format, grids: readOds(bytes, inflateRaw, options.meter) };
  const legacy = bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (legacy && /\.doc$/i.test(fileName)) throw new ReceivedFileError(LEGACY_WORD);
  return { format, grids: readXlsx(bytes, inflateRaw, options) };
}

/** What a read may share with the reads before it (a merge's parsed parts) and what counts its work. */
export interface ReadOptions {
  parsed?: ParsedWorkbookParts;
  meter?: WorkMeter;
}

/** Reads and checks one received file; an unreadable file becomes a result with its Vietnamese reason. */
export function checkReceivedFile(bytes: Uint8Array, fileName: string, catalog: Catalog, ruleSet: RuleSet, inflateRaw?: InflateRaw, options: ReadOptions = {}): CheckResult {
  let read: { format: SourceFormat; grids: Grid[] };
  try {
    read = readReceivedFile(bytes, fileName, inflateRaw, options);
  } catch (e) {
    if (e instanceof XlsxReadError || e instanceof ReceivedFileError) return { ok: false, fileName, reason: e.message };
    // Anything else a damaged file can trigger is reported the same way, never thrown at the officer.
    return { ok: false, fileName, reason: `Tệp bị hỏng, không đọc được. ${ACCEPTED_FORMATS}` };
  }
  return { ...checkGrids(read.grids, catalog, ruleSet, fileName), format: read.format };
}
