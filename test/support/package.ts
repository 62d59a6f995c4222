import { nativeDeflater } from "../../src/adapters/node/nativeZip";
import { writeZip } from "../../src/adapters/xlsx/zipWrite";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface PackageOptions {
  /** Sheet XML bodies (what goes inside <sheetData>), by sheet name; ignored when `parts` replaces them. */
  sheets?: Record<string, string>;
  sharedStrings?: string[];
  /** Extra or replacement parts, by name (a value of null removes a part). */
  parts?: Record<string, string | Uint8Array | null>;
}

/** A minimal, valid .xlsx written the way Excel spells it, for tests to bend one thing at a time. */
export function xlsxParts(opts: PackageOptions): Record<string, string | Uint8Array> {
  const sheets = Object.entries(opts.sheets ?? { Sheet1: "" });
  const parts: Record<string, string | Uint8Array> = {
    "[Content_Types].xml": `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    "_rels/.rels": `${XML}<Relationships xmlns="${PKG_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets
      .map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML}<Relationships xmlns="${PKG_NS}">${sheets
      .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join("")}<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/sharedStrings.xml": `${XML}<sst xmlns="${MAIN_NS}">${(opts.sharedStrings ?? []).map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join("")}</sst>`,
  };
  sheets.forEach(([, body], i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = `${XML}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${body}</sheetData></worksheet>`));
  for (const [name, value] of Object.entries(opts.parts ?? {})) {
    if (value === null) delete parts[name];
    else parts[name] = value;
  }
  return parts;
}

export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, value] of Object.entries(parts)) files[name] = typeof value === "string" ? Buffer.from(value, "utf8") : value;
  return writeZip(files, nativeDeflater);
}

export function xlsx(opts: PackageOptions): Uint8Array {
  return zipParts(xlsxParts(opts));
}

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A minimal .docx whose document body is `body` (WordprocessingML with the `w` prefix). */
export function docxPackage(body: string): Uint8Array {
  return zipParts({
    "_rels/.rels": `${XML}<Relationships xmlns="${PKG_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/document.xml": `${XML}<w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`,
  });
}

export const ODS_NAMESPACES =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

/** A minimal .ods whose spreadsheet holds `tables` (`table:table` elements). */
export function odsPackage(tables: string): Uint8Array {
  return zipParts({
    mimetype: "application/vnd.oasis.opendocument.spreadsheet",
    "content.xml": `${XML}<office:document-content ${ODS_NAMESPACES}><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`,
  });
}
