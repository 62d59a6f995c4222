import { foldText, similarity } from "../text";
import { unitKey } from "./unitNames";

/** Where a unit name was read: our stamp, a title line, the signature block, the file name, or the officer. */
export type UnitSource = "identity" | "title" | "signature" | "fileName" | "assigned";

export interface UnitCandidate {
  name: string;
  source: UnitSource;
  /** The cell ("A5") or "tên tệp", so the officer can see which line said it. */
  where: string;
}

export interface ExpectedUnit {
  name: string;
  unitType?: string;
}

export type UnitDecision =
  | { resolved: true; name: string; source: UnitSource }
  | { resolved: false; candidates: UnitCandidate[]; reason: string; suggestion?: string };

export const SOURCE_LABEL: Record<UnitSource, string> = {
  identity: "mã nhận dạng của biểu mẫu",
  title: "dòng tiêu đề",
  signature: "khối chữ ký",
  fileName: "tên tệp",
  assigned: "cán bộ chọn",
};

/** Where a name was read, said once: "dòng tiêu đề A4"; the file name and the identity mark need no place. */
export function candidatePlace(c: UnitCandidate): string {
  return c.source === "fileName" || c.source === "identity" ? SOURCE_LABEL[c.source] : `${SOURCE_LABEL[c.source]} ${c.where}`;
}

// Kinds of body that start a unit's name; places are told apart by their whole name, bodies by their first words.
const TYPE = /^(thi xa|thanh pho|thi tran|huyen|quan|xa|phuong|so|ban)\b\s*/;
/** Words in file names that say nothing about the sender; they end a name like a number does. */
const FILE_NOISE =
  /\b(bao cao|so lieu|phu luc|bieu mau|bieu|thong ke|cchc|cai cach hanh chinh|tong hop|ban sao|copy|final|quy (iv|iii|ii|i|[1-4])|q[1-4]|nam \d+|6 thang|9 thang|lan \d+|v\d+)\b/g;

interface Parts {
  type: string;
  words: string[];
}

/** A name split into its kind ("huyen", "so") and its distinctive words; "UBND huyện X" = "huyện X". */
function parts(name: string): Parts {
  const k = unitKey(name);
  const m = TYPE.exec(k);
  const type = m ? m[1] : "";
  const rest = m ? k.slice(m[0].length) : k;
  return { type, words: rest ? rest.split(" ") : [] };
}

/** Words that name nobody in particular ("của các cơ quan, đơn vị"). */
const GENERIC = /^(tinh|cac|co quan|don vi|dia phuong|to chuc|nganh)\b/;

/** A name that claims a unit: not empty, not a placeholder, not the province itself ("TỈNH SÓC TRĂNG"). */
export function isUnitClaim(name: string): boolean {
  const k = unitKey(name);
  if (!k || k === "uy ban nhan dan" || GENERIC.test(k) || !/[a-z]/.test(k)) return false;
  return parts(name).words.length > 0;
}

const startsWith = (a: string[], b: string[]): boolean => b.length <= a.length && b.every((w, i) => a[i] === w);

/** Two names for the same unit: same kind, and the same place, or the same body written shorter ("Sở Nông nghiệp"). */
export function sameUnit(a: string, b: string): boolean {
  if (unitKey(a) === unitKey(b)) return true;
  const pa = parts(a);
  const pb = parts(b);
  if (pa.type !== pb.type && pa.type && pb.type) return false;
  const [short, long] = pa.words.length <= pb.words.length ? [pa.words, pb.words] : [pb.words, pa.words];
  if (short.length < 2) return false;
  // A department is often written shorter ("Sở Tài nguyên" for "Sở Tài nguyên và Môi trường").
  if ((pa.type || pb.type) === "so" && short[0] === long[0] && short[1] === long[1]) return true;
  return startsWith(long, short);
}

const TITLE_OF = /\bcủa\s+([^()]+?)\s*\)?\s*\.?\s*$/iu;
const TITLE_AT = /\b(?:tại|trên địa bàn)\s+([^()]+?)\s*\)?\s*\.?\s*$/iu;
/** An issuing-body line ("SỞ NỘI VỤ", "UBND HUYỆN MỸ TÚ"), optionally after "TM." / "KT.". */
const BODY_LINE = /^(?:(?:T\/M|TM|KT|Q|TL)\.?\s+)?((?:ỦY BAN NHÂN DÂN|UBND|SỞ|BAN|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|XÃ|PHƯỜNG|THỊ TRẤN)\s+[^\d()]{2,80})$/u;

function tidyUnit(s: string): string {
  const t = s.replace(/\s+/g, " ").replace(/[)\].,;:]+$/, "").trim();
  // Titles in capitals ("SỞ TÀI CHÍNH TỈNH SÓC TRĂNG") read better in sentence case.
  if (t === t.toUpperCase()) return t.charAt(0) + t.slice(1).toLowerCase();
  return t;
}

/** Every unit name in the lines above the table: "của …", "tại …", "trên địa bàn …", an issuing-body line. */
export function titleCandidates(lines: { text: string; where: string }[]): UnitCandidate[] {
  const out: UnitCandidate[] = [];
  for (const { text, where } of lines) {
    const line = text.replace(/\s+/g, " ").trim();
    const m = TITLE_OF.exec(line) ?? TITLE_AT.exec(line) ?? BODY_LINE.exec(line);
    if (!m || /^…|^\.\.\./.test(m[1])) continue;
    const name = tidyUnit(m[1]);
    if (isUnitClaim(name)) out.push({ name, source: "title", where });
  }
  return out;
}

/** Issuing-body lines below the table (the signature block: "TM. ỦY BAN NHÂN DÂN HUYỆN …"). */
export function signatureCandidates(lines: { text: string; where: string }[]): UnitCandidate[] {
  const out: UnitCandidate[] = [];
  for (const { text, where } of lines) {
    const line = text.replace(/\s+/g, " ").trim();
    // Capitals only: table labels ("Sở ngành thực hiện …") are sentences.
    if (line !== line.toUpperCase()) continue;
    const m = BODY_LINE.exec(line);
    if (!m) continue;
    const name = tidyUnit(m[1]);
    if (isUnitClaim(name)) out.push({ name, source: "signature", where });
  }
  return out;
}

const FILE_TYPE = /\b(thi xa|thanh pho|thi tran|huyen|quan|xa|phuong|so|tx|tp)\s+([a-z][a-z ]*)/;

/** The unit a file name names ("huyen-ke-sach-q1.xlsx" → "huyen ke sach"); "bao-cao-q1.xlsx" names nobody. */
export function fileNameCandidate(fileName: string): UnitCandidate | undefined {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[a-z0-9]+$/i, "");
  const f = foldText(base.replace(/[_\-.]+/g, " ")).replace(FILE_NOISE, " 0 ");
  const m = FILE_TYPE.exec(f);
  if (!m) return undefined;
  const name = `${m[1]} ${m[2].trim()}`;
  return isUnitClaim(name) ? { name, source: "fileName", where: "tên tệp" } : undefined;
}

/** An expected unit whose distinctive words the file name spells out ("ke-sach.xlsx" → "UBND huyện Kế Sách"). */
function expectedInFileName(fileName: string, expected: ExpectedUnit[]): UnitCandidate | undefined {
  const f = ` ${foldText(fileName.replace(/\.[a-z0-9]+$/i, "").replace(/[_\-.]+/g, " "))} `;
  const hits = expected.filter((e) => {
    const w = parts(e.name).words;
    return w.length >= 2 && f.includes(` ${w.join(" ")} `);
  });
  return hits.length === 1 ? { name: hits[0].name, source: "fileName", where: "tên tệp" } : undefined;
}

/** The expected unit a name stands for, if exactly one. */
export function matchExpected(name: string, expected: ExpectedUnit[]): ExpectedUnit | undefined {
  const key = unitKey(name);
  const exact = expected.find((e) => unitKey(e.name) === key);
  if (exact) return exact;
  const close = expected.filter((e) => sameUnit(name, e.name));
  return close.length === 1 ? close[0] : undefined;
}

/** The expected unit whose name is closest to `name` (a suggestion for an unknown unit). */
export function closestExpected(name: string, expected: ExpectedUnit[]): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const e of expected) {
    const score = similarity(unitKey(name), unitKey(e.name));
    if (!best || score > best.score) best = { name: e.name, score };
  }
  return best && best.score > 0.3 ? best.name : undefined;
}

const PRIORITY: UnitSource[] = ["assigned", "identity", "title", "signature", "fileName"];

export interface DecideContext {
  fileName: string;
  /** Units that must report; empty when the merge proposes the list from the files. */
  expected?: ExpectedUnit[];
  /** The officer's choice for this file. */
  assigned?: string;
}

/**
 * Who sent a file, from all the evidence: every candidate must name the same unit (and, when there is a
 * list of units, one of them). Otherwise the file is unresolved and waits for the officer.
 */
export function decideUnit(candidates: UnitCandidate[], ctx: DecideContext): UnitDecision {
  const expected = ctx.expected ?? [];
  if (ctx.assigned?.trim()) {
    const a = ctx.assigned.trim();
    return { resolved: true, name: matchExpected(a, expected)?.name ?? a, source: "assigned" };
  }
  const claims = [...candidates];
  if (expected.length && !claims.some((c) => c.source === "fileName")) {
    const inName = expectedInFileName(ctx.fileName, expected);
    if (inName) claims.push(inName);
  }
  const groups: UnitCandidate[][] = [];
  for (const c of claims) {
    const g = groups.find((x) => sameUnit(x[0].name, c.name));
    if (g) g.push(c);
    else groups.push([c]);
  }
  if (groups.length > 1) {
    // The name more kinds of evidence agree on first (a fixed title line and the file name beat two stale lines).
    const support = (g: UnitCandidate[]): number => new Set(g.map((c) => c.source)).size * 100 + g.length;
    groups.sort((a, b) => support(b) - support(a));
    const said = groups.map((g) => `“${g[0].name}” (${[...new Set(g.map((c) => SOURCE_LABEL[c.source]))].join(", ")})`);
    return {
      resolved: false,
      candidates: groups.flat(),
      reason: `Các nguồn ghi tên đơn vị khác nhau: ${said.join("; ")}. Chưa tổng hợp; chọn đơn vị gửi tệp này.`,
      suggestion: matchExpected(groups[0][0].name, expected)?.name,
    };
  }
  if (!groups.length) {
    if (!expected.length) return { resolved: true, name: fallbackName(ctx.fileName), source: "fileName" };
    const suggestion = closestExpected(fallbackName(ctx.fileName), expected);
    return {
      resolved: false,
      candidates: [],
      reason: `Không thấy tên đơn vị trong tệp (tiêu đề, tên tệp). Chưa tổng hợp; chọn đơn vị gửi tệp này.`,
      suggestion,
    };
  }
  // The strongest source names the unit; among title lines the last ("Kèm theo … của …" sits under the heading).
  const rank = (c: UnitCandidate, i: number): number => PRIORITY.indexOf(c.source) * 1000 - i;
  const best = groups[0].map((c, i) => ({ c, r: rank(c, i) })).sort((a, b) => a.r - b.r)[0].c;
  // A file name says it in its own spelling ("UBND-xa-An-Binh_Q2.xlsx" → "UBND xa An Binh").
  if (!expected.length) return { resolved: true, name: best.source === "fileName" ? fallbackName(ctx.fileName) : best.name, source: best.source };
  const known = groups[0].map((c) => matchExpected(c.name, expected)).find((e) => e);
  if (known) return { resolved: true, name: known.name, source: best.source };
  const suggestion = closestExpected(best.name, expected);
  return {
    resolved: false,
    candidates: groups[0],
    reason: `Đơn vị lạ “${best.name}”: không có trong danh sách đơn vị phải báo cáo${suggestion ? `; gần nhất: “${suggestion}”` : ""}. Chưa tổng hợp; chọn đơn vị gửi tệp này.`,
    suggestion,
  };
}

/** The file's base name without period words: the unit's name when nothing else names it. */
export function unitFromFileName(fileName: string): string | undefined {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[a-z0-9]+$/i, "");
  const cleaned = base
    .replace(/[_\-.]+/g, " ")
    .replace(/\b(qu[yý]\s*(iv|iii|ii|i|[1-4])|q[1-4]|n[aă]m|6\s*th[aá]ng|9\s*th[aá]ng|20\d{2}|bao cao|báo cáo|bc|cchc|phu luc|phụ lục)\b/giu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return cleaned.length >= 3 ? cleaned : undefined;
}

function fallbackName(fileName: string): string {
  return unitFromFileName(fileName) ?? fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
}
