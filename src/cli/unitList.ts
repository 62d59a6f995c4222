import { foldText } from "../core/text";
import { ExpectedUnit } from "../core/recognize/unitEvidence";

/** Header cells of a unit list as officers write them ("STT;Tên đơn vị;Loại đơn vị"), folded. */
const NUMBER_HEADERS = new Set(["stt", "tt", "so tt", "so thu tu"]);
const NAME_HEADERS = new Set(["ten don vi", "don vi", "ten co quan", "co quan", "co quan don vi", "ten co quan don vi", "don vi bao cao", "ten"]);
const TYPE_HEADERS = new Set(["loai", "loai don vi", "ma loai", "ma loai don vi"]);

/** A cell that is only an ordinal: "1", "01.", "2)", "III". */
const ORDINAL = /^(\d{1,4}|[IVXLC]{1,6})\s*[.)\-–:]?$/;
/** An ordinal written before the name in the same cell: "1. Sở Y tế", "02) Sở Tư pháp", "3 - UBND xã …". */
const LEADING_NUMBER = /^\d{1,4}\s*[.)\-–:]?\s+(?=\p{L})|^\d{1,4}[.)](?=\p{L})/u;
/** A group heading numbered with a Roman numeral ("I. Sở, ban, ngành", "II - UBND cấp xã"): no unit. */
const ROMAN_HEADING = /^[IVXLC]{1,6}\s*[.)\-–:]\s*\S/;

/** Lines or rows above the header that a list may have (a title, an agency, a date). */
const HEADER_SEARCH_ROWS = 10;

/**
 * The units of a text list: one a line, optionally numbered, with a unit type after a tab or ";" (or
 * after "," when the header is comma-separated, as a spreadsheet saves a CSV).
 */
export function unitsFromText(text: string): ExpectedUnit[] {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() && !l.trim().startsWith("#"));
  const split = splitterOf(lines.slice(0, HEADER_SEARCH_ROWS));
  return unitsFromRows(lines.map(split));
}

/**
 * The units of a list's rows (a text list's lines, a sheet's rows). A header row among the first ones
 * (STT, Tên đơn vị, Loại đơn vị) says which column holds what, and what stands above it is a title; without
 * one the first cell that is not an ordinal is the name and the next the type. Blank rows, STT numbers and
 * Roman-numbered group headings are no units.
 */
export function unitsFromRows(rows: readonly (readonly string[])[]): ExpectedUnit[] {
  const cleaned = rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c));
  const at = cleaned.slice(0, HEADER_SEARCH_ROWS).findIndex(isHeaderRow);
  let columns: { name: number; type?: number } | undefined;
  if (at >= 0) {
    const header = cleaned[at];
    columns = { name: header.findIndex((c) => NAME_HEADERS.has(foldText(c))), type: indexOrUndefined(header.findIndex((c) => TYPE_HEADERS.has(foldText(c)))) };
  }
  const units: ExpectedUnit[] = [];
  for (const cells of cleaned.slice(at + 1)) {
    let name: string | undefined;
    let unitType: string | undefined;
    if (columns) {
      name = cells[columns.name];
      unitType = columns.type !== undefined ? cells[columns.type] : undefined;
    } else {
      const rest = cells.filter((c, i) => c && !(i === 0 && ORDINAL.test(c) && cells.length > 1));
      [name, unitType] = rest;
    }
    // A row numbered I, II… in its own STT cell heads a group of units.
    if (cells.length > 1 && /^[IVXLC]{1,6}\.?$/.test(cells[0])) continue;
    if (!name || ROMAN_HEADING.test(name) || ORDINAL.test(name)) continue;
    name = name.replace(LEADING_NUMBER, "").trim();
    if (name) units.push({ name, unitType: unitType?.trim() || undefined });
  }
  return units;
}

function isHeaderRow(cells: readonly string[]): boolean {
  return cells.some((c) => NAME_HEADERS.has(foldText(c))) && cells.every((c) => !c || isHeaderCell(c));
}

function isHeaderCell(cell: string): boolean {
  const k = foldText(cell);
  return NUMBER_HEADERS.has(k) || NAME_HEADERS.has(k) || TYPE_HEADERS.has(k) || k === "ghi chu";
}

function indexOrUndefined(i: number): number | undefined {
  return i < 0 ? undefined : i;
}

/** Tab or ";" always separate columns (no unit name holds them); "," only in a file whose header is comma-separated. */
function splitterOf(firstLines: readonly string[]): (line: string) => string[] {
  const commaHeader = firstLines.some((l) => !/[\t;]/.test(l) && isHeaderRow(splitCsv(l).map((c) => unquote(c.trim()))));
  return (line) => (commaHeader ? splitCsv(line) : line.split(/\t|;/)).map((c) => unquote(c.trim()).trim());
}

/** A comma-separated line whose fields may be quoted ("Sở Văn hóa, Thể thao và Du lịch"). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  const re = /\s*("(?:[^"]|"")*"|[^,]*)\s*(?:,|$)/g;
  for (let m = re.exec(line); m && m.index < line.length; m = re.exec(line)) {
    out.push(m[1]);
    if (m[0] === "") break;
  }
  return out;
}

function unquote(cell: string): string {
  return cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}
