import { strFromU8 } from "fflate";
import { Cell, Grid } from "../../core/grid";
import { attr, unesc } from "./xml";
import { InflateRaw, unzipEntries } from "./zip";

export type XlsxProblem = "encrypted" | "legacyXls" | "corrupt" | "notExcel" | "empty";

/** A file that cannot be read as a workbook, with the reason in Vietnamese. */
export class XlsxReadError extends Error {
  constructor(
    readonly problem: XlsxProblem,
    message: string,
  ) {
    super(message);
  }
}

const MESSAGES: Record<XlsxProblem, string> = {
  encrypted: "Tệp được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi gửi lại.",
  legacyXls: "Tệp ở định dạng Excel cũ (.xls); hãy lưu lại thành .xlsx (Tệp → Lưu thành → Sổ làm việc Excel).",
  corrupt: "Tệp bị hỏng hoặc không đầy đủ (có thể tải về chưa xong); không đọc được.",
  notExcel: "Tệp không phải sổ làm việc Excel (.xlsx).",
  empty: "Sổ làm việc không có trang tính nào.",
};

function fail(problem: XlsxProblem): never {
  throw new XlsxReadError(problem, MESSAGES[problem]);
}

/** Excel's built-in number formats that display a percent. */
const BUILTIN_PERCENT = new Set([9, 10]);

/**
 * Reads every worksheet of an .xlsx into grids, taking from the zip only the parts a check or a merge
 * needs (workbook, sheets, shared strings, number formats). The bytes are never modified.
 */
export function readXlsx(bytes: Uint8Array, inflateRaw?: InflateRaw): Grid[] {
  if (bytes.length < 4) fail(bytes.length === 0 ? "corrupt" : "notExcel");
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    fail(hasUtf16(bytes, "EncryptionInfo") ? "encrypted" : "legacyXls");
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) fail("notExcel");
  let files: Record<string, Uint8Array>;
  try {
    files = unzipEntries(
      bytes,
      (name) =>
        name === "xl/workbook.xml" ||
        name === "xl/_rels/workbook.xml.rels" ||
        name === "xl/sharedStrings.xml" ||
        name === "xl/styles.xml" ||
        (name.startsWith("xl/worksheets/") && name.endsWith(".xml") && !name.includes("/_rels/")),
      inflateRaw,
    );
  } catch {
    fail("corrupt");
  }
  const text = (name: string): string | undefined => (files[name] ? strFromU8(files[name]) : undefined);
  const workbook = text("xl/workbook.xml");
  if (!workbook) fail("notExcel");
  const rels = parseRels(text("xl/_rels/workbook.xml.rels") ?? "");
  const strings = parseSharedStrings(text("xl/sharedStrings.xml") ?? "");
  const formats = parseStyles(text("xl/styles.xml") ?? "");
  const grids: Grid[] = [];
  const sheetTag = /<sheet\b([^>]*)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = sheetTag.exec(workbook))) {
    const name = attr(m[1], "name") ?? `Sheet${grids.length + 1}`;
    const rid = attr(m[1], "r:id");
    const target = rid ? rels.get(rid) : undefined;
    if (!target) continue;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    const xml = text(path);
    if (xml === undefined) continue; // chart sheets and the like
    grids.push({ name, rows: parseSheet(xml, strings, formats) });
  }
  if (grids.length === 0) fail("empty");
  return grids;
}

function hasUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern: number[] = [];
  for (const ch of word) pattern.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

function parseRels(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  const re = /<Relationship\b([^>]*)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const id = attr(m[1], "Id");
    const target = attr(m[1], "Target");
    if (id && target) map.set(id, target);
  }
  return map;
}

function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const si = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  const t = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  let m: RegExpExecArray | null;
  while ((m = si.exec(xml))) {
    const body = m[1] ?? "";
    // Phonetic runs (<rPh>) are not part of the text.
    const clean = body.indexOf("<rPh") >= 0 ? body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : body;
    let s = "";
    let tm: RegExpExecArray | null;
    t.lastIndex = 0;
    while ((tm = t.exec(clean))) s += tm[1];
    out.push(unesc(s));
  }
  return out;
}

/** Style index → number format code (only what tells a percent from a plain number). */
function parseStyles(xml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const nf = /<numFmt\b([^>]*)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = nf.exec(xml))) {
    const id = Number(attr(m[1], "numFmtId"));
    const code = attr(m[1], "formatCode");
    if (code !== undefined) custom.set(id, code);
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!cellXfs) return [];
  const out: (string | undefined)[] = [];
  const xf = /<xf\b([^>]*?)\/?>/g;
  while ((m = xf.exec(cellXfs[1]))) {
    const id = Number(attr(m[1], "numFmtId") ?? 0);
    out.push(custom.get(id) ?? (BUILTIN_PERCENT.has(id) ? (id === 9 ? "0%" : "0.00%") : undefined));
  }
  return out;
}

/** "D83" → { r: 82, c: 3 } without a regular expression (this runs for every cell). */
function refToIndex(ref: string): { r: number; c: number } {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
  }
  return { r: Number(ref.slice(i)) - 1, c: c - 1 };
}

function between(s: string, open: string, close: string): string | undefined {
  const a = s.indexOf(open);
  if (a < 0) return undefined;
  const b = s.indexOf(close, a + open.length);
  return b < 0 ? undefined : s.slice(a + open.length, b);
}

const isNameEnd = (code: number): boolean => code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;

/** One pass over the sheet XML with indexOf: the merge reads 130 of these, so no regex per cell. */
function parseSheet(xml: string, strings: string[], formats: (string | undefined)[]): (Cell | undefined)[][] {
  const rows: (Cell | undefined)[][] = [];
  let pos = xml.indexOf("<sheetData");
  if (pos < 0) return rows;
  let nextRow = 0;
  let r = -1;
  let nextCol = 0;
  for (;;) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) break;
    if (xml.startsWith("<row", lt) && isNameEnd(xml.charCodeAt(lt + 4))) {
      const gt = xml.indexOf(">", lt);
      const rAttr = attr(xml.slice(lt + 4, gt), "r");
      r = rAttr ? Number(rAttr) - 1 : nextRow;
      nextRow = r + 1;
      nextCol = 0;
      pos = gt + 1;
      continue;
    }
    if (xml.startsWith("<c", lt) && isNameEnd(xml.charCodeAt(lt + 2))) {
      const gt = xml.indexOf(">", lt);
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const a = xml.slice(lt + 2, selfClosing ? gt - 1 : gt);
      const ref = attr(a, "r");
      const at = ref ? refToIndex(ref) : { r: Math.max(r, 0), c: nextCol };
      nextCol = at.c + 1;
      if (selfClosing) {
        pos = gt + 1;
        continue;
      }
      const close = xml.indexOf("</c>", gt);
      const inner = xml.slice(gt + 1, close < 0 ? undefined : close);
      pos = close < 0 ? xml.length : close + 4;
      const type = attr(a, "t");
      const s = attr(a, "s");
      const format = s !== undefined ? formats[Number(s)] : undefined;
      const v = between(inner, "<v>", "</v>");
      let value: Cell["value"] = null;
      if (type === "s") value = v !== undefined ? (strings[Number(v)] ?? null) : null;
      else if (type === "inlineStr") {
        const ts = inner.match(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g) ?? [];
        value = unesc(ts.map((x) => x.replace(/<\/?t[^>]*>/g, "")).join(""));
      } else if (type === "str" || type === "e" || type === "d") value = v !== undefined ? unesc(v) : null;
      else if (type === "b") value = v !== undefined ? v === "1" : null;
      else if (v !== undefined) value = Number(v);
      const cell: Cell = { value };
      if (format) cell.format = format;
      if (inner.indexOf("<f") >= 0) {
        const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(inner);
        if (f) cell.formula = unesc(f[1]);
      }
      const row = (rows[at.r] ??= []);
      row[at.c] = cell;
      continue;
    }
    if (xml.startsWith("</sheetData>", lt)) break;
    pos = lt + 1;
  }
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return rows;
}
