import { Catalog } from "../core/catalog/catalog";
import { CheckResult, SourceFormat, checkGrids } from "../core/check/check";
import { Grid } from "../core/grid";
import { STATUS_SHEET, UNITS_SHEET } from "../core/layout/mergeLayouts";
import { RuleSet } from "../core/rules/schema";
import { readDocx } from "./docx/read";
import { FOREIGN, compoundFileKind, plainFileKind, zipFileKind } from "./foreignFile";
import { readOds } from "./ods/read";
import { ReceivedFileError } from "./readErrors";
import { WorkMeter } from "./xml";
import { ACCEPTED_FORMATS, ParsedWorkbookParts, XlsxReadError, readXlsx } from "./xlsx/read";
import { InflateRaw, unzipEntries } from "./xlsx/zip";

const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";
const EMPTY_FILE = `Tệp rỗng (0 byte): không có nội dung nào. Hãy xin đơn vị gửi lại báo cáo. ${ACCEPTED_FORMATS}`;

/** What a received file is, from its content (the name may lie): a Word report, an OpenDocument sheet or a workbook. */
export function detectFormat(bytes: Uint8Array, inflateRaw?: InflateRaw): SourceFormat {
  const kind = packageKind(bytes, inflateRaw);
  return typeof kind === "string" ? kind : "xlsx";
}

/** The format of a zip package, or why it is none of them (a zip of reports, an .odt…). */
function packageKind(bytes: Uint8Array, inflateRaw?: InflateRaw): SourceFormat | { foreign: string } {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return "xlsx"; // OLE2 and the rest: the workbook reader explains
  let word = false;
  const names: string[] = [];
  let mimetype: Uint8Array | undefined;
  try {
    mimetype = unzipEntries(
      bytes,
      (name) => {
        // The main part is found through the relationships later; any WordprocessingML part marks a Word package.
        if (name.startsWith("word/")) word = true;
        names.push(name);
        return name === "mimetype";
      },
      inflateRaw,
    ).mimetype;
  } catch {
    return "xlsx"; // a damaged zip: the workbook reader gives its message
  }
  const type = mimetype && new TextDecoder().decode(mimetype).trim();
  // An OpenDocument spreadsheet template is laid out as a spreadsheet.
  if (type === ODS_MIME || type === `${ODS_MIME}-template`) return "ods";
  if (word) return "docx";
  if (names.some((n) => n.startsWith("xl/"))) return "xlsx";
  const foreign = zipFileKind(names, type);
  return foreign ? { foreign: foreign.message } : "xlsx";
}

/** Reads any received report file into grids; throws ReceivedFileError or XlsxReadError with the Vietnamese reason. */
export function readReceivedFile(bytes: Uint8Array, fileName: string, inflateRaw?: InflateRaw, options: ReadOptions = {}): { format: SourceFormat; grids: Grid[] } {
  if (!bytes.length) throw new ReceivedFileError(EMPTY_FILE);
  const format = packageKind(bytes, inflateRaw);
  if (typeof format !== "string") throw new ReceivedFileError(format.foreign);
  if (format === "docx") return { format, grids: readDocx(bytes, inflateRaw, options.meter) };
  if (format === "ods") return { format, grids: readOds(bytes, inflateRaw, options.meter) };
  const compound = compoundFileKind(bytes);
  // A compound file without a stream that tells is an old .doc when its name says so.
  if (compound?.kind === "legacyXls" && /\.(doc|dot)$/i.test(fileName)) throw new ReceivedFileError(FOREIGN.legacyDoc.message);
  if (compound) throw new ReceivedFileError(compound.message);
  const plain = plainFileKind(bytes, fileName);
  if (plain) throw new ReceivedFileError(plain.message);
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
  // A province's own consolidation is no unit's report: merged again it would count every unit twice.
  if (read.grids.some((g) => g.name === UNITS_SHEET) && read.grids.some((g) => g.name === STATUS_SHEET)) return { ok: false, fileName, reason: CONSOLIDATED_FILE };
  return { ...checkGrids(read.grids, catalog, ruleSet, fileName), format: read.format };
}

const CONSOLIDATED_FILE = `Đây là sổ tổng hợp (có trang “${STATUS_SHEET}” và “${UNITS_SHEET}”), không phải báo cáo của một đơn vị; không kiểm tra, không tổng hợp lại. Để so sánh với kỳ trước, chọn sổ này ở mục “So sánh với kỳ trước” (dòng lệnh: --previous).`;
