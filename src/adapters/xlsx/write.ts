import { strToU8 } from "fflate";
import { address, columnLetter } from "../../core/grid";
import {
  LayoutCell,
  STYLES,
  STYLE_NAMES,
  SheetLayout,
  StyleName,
  VALIDATION_TITLE,
  validationError,
  withinExcel,
} from "../../core/layout/sheetLayout";
import { esc } from "../xml";
import { Deflater, ZipBuilder, ZipPart, fflateDeflater } from "./zipWrite";

/**
 * Writes sheet layouts as a real .xlsx (Office Open XML) that Excel and LibreOffice open without repair;
 * Node passes its native deflate, browsers use fflate's.
 */
export function writeXlsx(sheets: SheetLayout[], deflater: Deflater = fflateDeflater): Uint8Array {
  if (sheets.length === 0) throw new Error("Không có trang tính nào để ghi.");
  const strings = new SharedStrings();
  // The shared strings are filled by the sheets, so they come after them.
  const zip = new ZipBuilder(deflater);
  sheets.forEach((s, i) => sheetXml(withinExcel(s), strings, new PartText(zip.part(`xl/worksheets/sheet${i + 1}.xml`))));
  zip.add("[Content_Types].xml", strToU8(contentTypes(sheets.length)));
  zip.add(
    "_rels/.rels",
    strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ),
  );
  zip.add(
    "docProps/core.xml",
    strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Thống kê CCHC</dc:title><dc:creator>CCHC</dc:creator></cp:coreProperties>`,
    ),
  );
  zip.add(
    "docProps/app.xml",
    strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>CCHC</Application></Properties>`,
    ),
  );
  zip.add("xl/workbook.xml", strToU8(workbookXml(sheets)));
  zip.add("xl/_rels/workbook.xml.rels", strToU8(workbookRels(sheets.length)));
  zip.add("xl/styles.xml", strToU8(stylesXml()));
  strings.xml(new PartText(zip.part("xl/sharedStrings.xml")));
  return zip.finish();
}

const encoder = new TextEncoder();

/** The bytes of a part's text, handed to the zip a piece at a time (about a megabyte). */
const PIECE = 1 << 20;

/**
 * A part's text encoded and deflated as it is written, a row at a time: a consolidation's sheets are
 * tens of megabytes of XML, which would otherwise be held whole until the part is packed.
 */
class PartText {
  private readonly buffer = new Uint8Array(PIECE);
  private length = 0;

  constructor(private readonly part: ZipPart) {}

  push(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.length + 3 * s.length > PIECE) {
      this.flush();
      if (3 * s.length > PIECE) {
        this.part.write(encoder.encode(s));
        return;
      }
    }
    this.length += encoder.encodeInto(s, this.buffer.subarray(this.length)).written;
  }

  close(): void {
    this.flush();
    this.part.close();
  }

  private flush(): void {
    this.part.write(this.buffer.subarray(0, this.length));
    this.length = 0;
  }
}

class SharedStrings {
  private index = new Map<string, number>();
  private list: string[] = [];
  private count = 0;
  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  xml(part: PartText): void {
    part.push(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">`,
    );
    for (const s of this.list) part.push(`<si><t xml:space="preserve">${esc(s)}</t></si>`);
    part.push("</sst>");
    part.close();
  }
}

/** Each style's attribute as written (` s="3"`): a sheet has tens of thousands of styled cells. */
const STYLE_ATTR = new Map<StyleName, string>(STYLE_NAMES.map((n, i) => [n, ` s="${i + 1}"`]));

function cellXml(r: number, c: number, cell: LayoutCell, strings: SharedStrings): string {
  const s = cell.style ? STYLE_ATTR.get(cell.style)! : "";
  const v = cell.value;
  if (cell.formula === undefined && (v === undefined || v === null || v === "") && !s) return "";
  const ref = address(r, c);
  if (cell.formula !== undefined) {
    // The cached result lets readers that do not calculate (and our own tests) see the value.
    const cached = cell.value;
    if (typeof cached === "number" && Number.isFinite(cached)) return `<c r="${ref}"${s}><f>${esc(cell.formula)}</f><v>${cached}</v></c>`;
    // An empty text result is a computed value too (t="str" with an empty <v>), not a missing one.
    if (typeof cached === "string") return `<c r="${ref}"${s} t="str"><f>${esc(cell.formula)}</f><v>${esc(cached)}</v></c>`;
    return `<c r="${ref}"${s}><f>${esc(cell.formula)}</f></c>`;
  }
  if (v === undefined || v === null || v === "") return `<c r="${ref}"${s}/>`;
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : "";
  return `<c r="${ref}"${s} t="s"><v>${strings.id(v)}</v></c>`;
}

function sheetXml(sh: SheetLayout, strings: SharedStrings, out: PartText): void {
  let lastCol = sh.columns.length - 1;
  for (const row of sh.rows) lastCol = Math.max(lastCol, row.length - 1);
  const dim = `A1:${address(Math.max(sh.rows.length - 1, 0), Math.max(lastCol, 0))}`;
  out.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`,
  );
  out.push(`${sh.printScale ? "" : `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`}<dimension ref="${dim}"/>`);
  out.push(`<sheetViews><sheetView workbookViewId="0">${frozenPane(sh.freezeRows ?? 0, sh.freezeColumns ?? 0)}</sheetView></sheetViews>`);
  out.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  if (sh.columns.length) {
    out.push("<cols>");
    sh.columns.forEach((c, i) => {
      out.push(`<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1"' : ""}/>`);
    });
    out.push("</cols>");
  }
  out.push("<sheetData>");
  sh.rows.forEach((row, r) => {
    const h = sh.rowHeights?.[r];
    let cells = "";
    for (let c = 0; c < row.length; c++) {
      const cell = row[c] as LayoutCell | undefined; // a row may have holes
      if (cell) cells += cellXml(r, c, cell, strings);
    }
    if (!cells && h === undefined) return;
    out.push(`<row r="${r + 1}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ""}>${cells}</row>`);
  });
  out.push("</sheetData>");
  if (sh.protect)
    out.push(
      `<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0" formatColumns="0" formatRows="0" autoFilter="0" sort="0"/>`,
    );
  if (sh.merges.length) out.push(`<mergeCells count="${sh.merges.length}">${sh.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`);
  if (sh.validations.length) {
    out.push(`<dataValidations count="${sh.validations.length}">`);
    for (const v of sh.validations) {
      const common = `allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="${esc(VALIDATION_TITLE)}" error="${esc(validationError(v))}"${v.prompt ? ` prompt="${esc(v.prompt.slice(0, 255))}"` : ""} sqref="${v.ref}"`;
      if (v.type === "list") out.push(`<dataValidation type="list" ${common}><formula1>${v.range ? esc(v.range) : `"${esc(v.items.join(","))}"`}</formula1></dataValidation>`);
      else if (v.type === "whole")
        out.push(`<dataValidation type="whole" operator="greaterThanOrEqual" ${common}><formula1>${v.min}</formula1></dataValidation>`);
      else out.push(`<dataValidation type="decimal" operator="between" ${common}><formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`);
    }
    out.push("</dataValidations>");
  }
  out.push(`<pageMargins left="0.5" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`);
  const fit = sh.printScale ? `scale="${sh.printScale}"` : `fitToWidth="1" fitToHeight="0"`;
  out.push(`<pageSetup paperSize="9" orientation="${sh.landscape ? "landscape" : "portrait"}" ${fit}/>`);
  out.push("</worksheet>");
  out.close();
}

/** The frozen rows above and columns left of the scrolling pane, as Excel writes them. */
function frozenPane(rows: number, cols: number): string {
  if (!rows && !cols) return "";
  const top = address(rows, cols);
  const pane = rows && cols ? "bottomRight" : rows ? "bottomLeft" : "topRight";
  return `<pane${cols ? ` xSplit="${cols}"` : ""}${rows ? ` ySplit="${rows}"` : ""} topLeftCell="${top}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${top}" sqref="${top}"/>`;
}

/** Print titles and print area of one sheet, as workbook-level names local to it. */
function printNames(s: SheetLayout, i: number): string {
  const sheet = `'${esc(s.name.replace(/'/g, "''"))}'!`;
  const titles = [
    ...(s.printTitleColumns ? [`${sheet}$${columnLetter(s.printTitleColumns[0] - 1)}:$${columnLetter(s.printTitleColumns[1] - 1)}`] : []),
    ...(s.printTitleRows ? [`${sheet}$${s.printTitleRows[0]}:$${s.printTitleRows[1]}`] : []),
  ];
  let out = titles.length ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${titles.join(",")}</definedName>` : "";
  if (s.printArea) out = `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${sheet}${s.printArea.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}</definedName>${out}`;
  return out;
}

function workbookXml(sheets: SheetLayout[]): string {
  const names = sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const defined = sheets.map(printNames).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${names}</sheets>${defined ? `<definedNames>${defined}</definedNames>` : ""}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`;
}

function workbookRels(n: number): string {
  const rels: string[] = [];
  for (let i = 1; i <= n; i++)
    rels.push(`<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
}

function contentTypes(n: number): string {
  const sheets: string[] = [];
  for (let i = 1; i <= n; i++)
    sheets.push(`<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;
}

/** One cellXfs entry per StyleName, in STYLE_NAMES order after the default (index 0). */
function stylesXml(): string {
  const numFmts = new Map<string, number>();
  const fmtId = (code: string | undefined): number => {
    if (!code || code === "General") return 0;
    if (code === "#,##0") return 3;
    if (code === "0.00") return 2;
    if (code === "#,##0.00") return 4;
    let id = numFmts.get(code);
    if (id === undefined) numFmts.set(code, (id = 164 + numFmts.size));
    return id;
  };
  const fonts: string[] = [`<font><sz val="11"/><name val="Times New Roman"/><family val="1"/></font>`];
  const fills: string[] = [`<fill><patternFill patternType="none"/></fill>`, `<fill><patternFill patternType="gray125"/></fill>`];
  const borders: string[] = [`<border><left/><right/><top/><bottom/><diagonal/></border>`, `<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>`];
  const xfs: string[] = [`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`];
  for (const name of STYLE_NAMES) {
    const s = STYLES[name];
    fonts.push(
      `<font>${s.bold ? "<b/>" : ""}${s.italic ? "<i/>" : ""}<sz val="${s.size ?? 11}"/>${s.color ? `<color rgb="FF${s.color}"/>` : ""}<name val="Times New Roman"/><family val="1"/></font>`,
    );
    let fillId = 0;
    if (s.fill) {
      fills.push(`<fill><patternFill patternType="solid"><fgColor rgb="FF${s.fill}"/><bgColor indexed="64"/></patternFill></fill>`);
      fillId = fills.length - 1;
    }
    const align =
      s.wrap || s.hAlign || s.vAlign
        ? `<alignment${s.hAlign ? ` horizontal="${s.hAlign}"` : ""}${s.vAlign ? ` vertical="${s.vAlign}"` : ""}${s.wrap ? ' wrapText="1"' : ""}/>`
        : "";
    const prot = s.unlocked ? `<protection locked="0"/>` : "";
    const nf = fmtId(s.numFmt);
    xfs.push(
      `<xf numFmtId="${nf}" fontId="${fonts.length - 1}" fillId="${fillId}" borderId="${s.border ? 1 : 0}" xfId="0"${nf ? ' applyNumberFormat="1"' : ""} applyFont="1"${fillId ? ' applyFill="1"' : ""}${s.border ? ' applyBorder="1"' : ""}${align ? ' applyAlignment="1"' : ""}${prot ? ' applyProtection="1"' : ""}>${align}${prot}</xf>`,
    );
  }
  const nf = [...numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${nf ? `<numFmts count="${numFmts.size}">${nf}</numFmts>` : ""}<fonts count="${fonts.length}">${fonts.join("")}</fonts><fills count="${fills.length}">${fills.join("")}</fills><borders count="${borders.length}">${borders.join("")}</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

