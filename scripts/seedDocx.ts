/**
 * Writes a seed report as a unit's Word file holds it (WordprocessingML through the zip writer the
 * workbooks use): the issuing body in a layout table, the narrative, the appendix title on a new page,
 * then the table with merged header cells (gridSpan, vMerge), header rows repeated on each page, and
 * optionally the table split in two at a page break, its second part starting with the header again.
 */
import { strToU8 } from "fflate";
import { esc } from "../src/adapters/xml";
import { writeZip } from "../src/adapters/xlsx/zipWrite";
import { parseSeed, stripMarkup } from "./seedTable";

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

export interface SeedDocxOptions {
  /** Split the table in two at a page break (the second part repeats the header rows). */
  split?: boolean;
}

const run = (text: string, bold = false): string => `<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;

/** A paragraph; a long text is written as several runs with a line break, as Word splits them. */
function para(text: string, opts: { bold?: boolean; center?: boolean; pageBreakBefore?: boolean } = {}): string {
  const ppr = opts.center || opts.pageBreakBefore ? `<w:pPr>${opts.pageBreakBefore ? "<w:pageBreakBefore/>" : ""}${opts.center ? '<w:jc w:val="center"/>' : ""}</w:pPr>` : "";
  return `<w:p>${ppr}${runs(text, opts.bold)}</w:p>`;
}

function runs(text: string, bold = false): string {
  if (text.length < 40) return text ? run(text, bold) : "";
  // Break a long label at a space: two runs and a soft line break, read back as one space.
  const at = text.indexOf(" ", Math.floor(text.length / 2));
  if (at < 0) return run(text, bold);
  return `${run(text.slice(0, at), bold)}<w:r><w:br/></w:r>${run(text.slice(at + 1), bold)}`;
}

function cell(text: string, width: number, props = ""): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${props}</w:tcPr>${para(text)}</w:tc>`;
}

const WIDTHS = [700, 5200, 1300, 1100, 2400];
const widthOf = (c: number): number => WIDTHS[c] ?? 1200;

const isHeaderTop = (r: string[]): boolean => r[0] === "STT";

/** The two header lines of the appendix with Word's merges: STT, Chỉ tiêu and Ghi chú span both lines; "Kết quả thống kê" spans two columns. */
function headerRows(top: string[], bottom: string[], columns: number): string {
  const trPr = "<w:trPr><w:tblHeader/></w:trPr>";
  let a = "";
  let b = "";
  for (let c = 0; c < columns; c++) {
    if (c === 2 && !top[3] && (bottom[2] || bottom[3])) {
      a += cell(top[2] ?? "", widthOf(2) + widthOf(3), '<w:gridSpan w:val="2"/>');
      b += cell(bottom[2] ?? "", widthOf(2)) + cell(bottom[3] ?? "", widthOf(3));
      c++;
      continue;
    }
    if (!bottom[c]) {
      a += cell(top[c] ?? "", widthOf(c), '<w:vMerge w:val="restart"/>');
      b += cell("", widthOf(c), "<w:vMerge/>");
    } else {
      a += cell(top[c] ?? "", widthOf(c));
      b += cell(bottom[c], widthOf(c));
    }
  }
  return `<w:tr>${trPr}${a}</w:tr><w:tr>${trPr}${b}</w:tr>`;
}

function table(rows: string[][], columns: number): string {
  const grid = Array.from({ length: columns }, (_, c) => `<w:gridCol w:w="${widthOf(c)}"/>`).join("");
  let body = "";
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (isHeaderTop(r) && rows[i + 1]) {
      body += headerRows(r, rows[i + 1], columns);
      i++;
      continue;
    }
    let tr = "";
    for (let c = 0; c < columns; c++) tr += cell(r[c] ?? "", widthOf(c));
    body += `<w:tr>${tr}</w:tr>`;
  }
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

/** Narrative paragraphs of the seed (the text above the appendix title), markdown removed. */
function narrative(text: string): string[] {
  const lines = text.split("\n");
  const first = lines.findIndex((l) => l.startsWith("STT\t"));
  let start = first;
  for (let i = first - 1; i >= Math.max(0, first - 12); i--) if (/PHỤ LỤC|Phụ lục|THỐNG KÊ|BẢNG TỔNG HỢP/.test(lines[i])) start = i;
  return lines
    .slice(0, start)
    .map((l) => stripMarkup(l.replace(/^#+\s*/, "").replace(/\*+/g, "")))
    .filter((l) => l);
}

export function seedDocx(text: string, opts: SeedDocxOptions = {}): Uint8Array {
  const seed = parseSeed(text);
  const columns = Math.max(5, ...seed.rows.map((r) => r.length));
  const layout = `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="6000"/></w:tblGrid><w:tr>${cell("CƠ QUAN BÁO CÁO", 4000)}${cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 6000)}</w:tr><w:tr>${cell("", 4000)}${cell("Độc lập - Tự do - Hạnh phúc", 6000)}</w:tr></w:tbl>`;
  let body = layout + narrative(text).map((l) => para(l)).join("");
  seed.titleLines.forEach((l, i) => (body += para(l, { bold: true, center: true, pageBreakBefore: i === 0 })));
  let parts = [seed.rows];
  if (opts.split) {
    // Split where the header repeats in the middle of the table, else in the middle (repeating the header).
    const repeats = seed.rows.map((r, i) => (i > 0 && isHeaderTop(r) ? i : -1)).filter((i) => i > 0);
    const at = repeats.length ? repeats[Math.floor(repeats.length / 2)] : Math.floor(seed.rows.length / 2);
    const second = repeats.length ? seed.rows.slice(at) : [...seed.rows.slice(0, 2), ...seed.rows.slice(at)];
    parts = [seed.rows.slice(0, at), second];
  }
  body += parts.map((rows) => table(rows, columns)).join('<w:p><w:r><w:br w:type="page"/></w:r></w:p>');
  body += '<w:p/><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>';
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}</w:body></w:document>`),
  };
  return writeZip(files);
}
