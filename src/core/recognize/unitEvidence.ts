import { similarity } from "../text";
import { VOCABULARY, unitKey, unitWords, wordsAt } from "./unitNames";

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

interface Parts {
  type: string;
  words: string[];
}

/** The kind of body (see catalog/unit-names.json) that `words` start with at `at`, if any. */
function kindAt(words: readonly string[], at: number): string[] | undefined {
  return VOCABULARY.kinds.find((k) => wordsAt(words, at, k.words))?.words;
}

/** A name split into its kind ("huyen", "so") and its distinctive words; "UBND huyện X" = "huyện X". */
function parts(name: string): Parts {
  const k = unitKey(name);
  const all = k ? k.split(" ") : [];
  const kind = kindAt(all, 0) ?? [];
  return { type: kind.join(" "), words: all.slice(kind.length) };
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

const isPlace = (type: string): boolean => VOCABULARY.kinds.some((k) => k.place && k.words.join(" ") === type);

/** Two names for the same unit: same kind, and the same place, or the same body written shorter ("Sở Nông nghiệp"). */
export function sameUnit(a: string, b: string): boolean {
  const ka = unitKey(a);
  const kb = unitKey(b);
  if (ka === kb) return true;
  // One written with initials ("Ban Quản lý dự án ĐTXD" for "… đầu tư xây dựng").
  const [wa, wb] = [ka.split(" "), kb.split(" ")];
  if (spell(wa, 0, wb) === wa.length || spell(wb, 0, wa) === wb.length) return true;
  const pa = parts(a);
  const pb = parts(b);
  if (pa.type !== pb.type && pa.type && pb.type) return false;
  const [short, long] = pa.words.length <= pb.words.length ? [pa.words, pb.words] : [pb.words, pa.words];
  // A place is its whole name: "xã Long Phú" is not "xã Long Phú Tây".
  if (short.length < 2 || isPlace(pa.type || pb.type)) return short.length === long.length && startsWith(long, short);
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

/** A file name's words with what each says: noise (a period, "final", a number) or a word of a name. */
interface FileWords {
  words: string[];
  /** Words that cannot continue a unit's name: noise, numbers, single letters. */
  quiet: boolean[];
}

function fileWords(fileName: string): FileWords {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[a-z0-9]{1,5}$/i, "");
  const words = unitWords(base);
  const quiet = words.map((w) => w.length < 2 || /\d/.test(w));
  const isNumber = (w: string): boolean => /\d/.test(w);
  for (let i = 0; i < words.length; i++)
    for (const n of VOCABULARY.fileNoise)
      if (i + n.length <= words.length && n.every((x, j) => (x === "#" ? isNumber(words[i + j]) : words[i + j] === x))) {
        for (let j = 0; j < n.length; j++) quiet[i + j] = true;
        break;
      }
  return { words, quiet };
}

/** Where `pattern` ends if the file's words spell it from `at`: each word as written, or several as their initials ("syt"). */
function spell(words: readonly string[], at: number, pattern: readonly string[], from = 0): number {
  if (from === pattern.length) return at;
  if (at >= words.length) return -1;
  const w = words[at];
  if (w === pattern[from]) {
    const end = spell(words, at + 1, pattern, from + 1);
    if (end >= 0) return end;
  }
  for (let k = 2; k <= w.length && from + k <= pattern.length; k++) {
    if (k !== w.length) continue;
    let initials = "";
    for (let j = 0; j < k; j++) initials += pattern[from + j].charAt(0);
    if (initials === w) {
      const end = spell(words, at + 1, pattern, from + k);
      if (end >= 0) return end;
    }
  }
  return -1;
}

/** A recipient phrase ("gửi") ending just before `at`. */
function afterRecipient(words: readonly string[], at: number): boolean {
  return VOCABULARY.recipients.some((r) => at >= r.length && wordsAt(words, at - r.length, r));
}

/** Does the file name spell `name`, as a whole name (not part of a longer one, not a recipient)? */
function fileSpells(f: FileWords, name: string): boolean {
  const { type, words: own } = parts(name);
  const kind = type ? type.split(" ") : [];
  const { words, quiet } = f;
  // A word that would make the name another's ("Long Phú Tây", "Tân Long Phú", "Công an xã"); a kind before a name is its own.
  const plain = (i: number, kindIsPlain: boolean): boolean =>
    i >= 0 &&
    i < words.length &&
    !quiet[i] &&
    !VOCABULARY.province.has(words[i]) &&
    (kindIsPlain || !kindAt(words, i)) &&
    !VOCABULARY.recipients.some((r) => wordsAt(words, i, r));
  const kindEndingAt = (end: number): string[] | undefined => VOCABULARY.kinds.find((k) => end >= k.words.length && wordsAt(words, end - k.words.length, k.words))?.words;
  // "xã" inside "thị xã": a kind that starts before `at` and covers it.
  const insideKind = (at: number): boolean => [1, 2].some((d) => at - d >= 0 && (kindAt(words, at - d)?.length ?? 0) > d);
  for (let at = 0; at < words.length; at++) {
    for (const withKind of kind.length ? [true, false] : [false]) {
      // Without its kind a name needs two words ("Long Phú"); "xã Hòa" alone would match any "hoa".
      if (!withKind && own.length < 2) continue;
      const end = spell(words, at, withKind ? [...kind, ...own] : own);
      // One word for the whole name must be three letters at least ("syt"; "yt" is anything).
      if (end < 0 || (end - at === 1 && words[at].length < 3)) continue;
      let start = at;
      if (withKind) {
        if (insideKind(at)) continue;
      } else {
        const before = kindEndingAt(at);
        if (before ? before.join(" ") !== type : plain(at - 1, false)) continue;
        start -= before?.length ?? 0;
      }
      if (afterRecipient(words, start) || plain(end, true)) continue;
      return true;
    }
  }
  return false;
}

/**
 * The known units a file name names ("SYT_Quy 3_2026 (1).xlsx" → "Sở Y tế"), one name per unit. A file name
 * says who sent it only through a name known from elsewhere: words matching no known unit are noise.
 */
export function fileNameUnits(fileName: string, known: readonly string[]): string[] {
  const f = fileWords(fileName);
  const hits: string[] = [];
  for (const name of known) if (!hits.some((h) => sameUnit(h, name)) && isUnitClaim(name) && fileSpells(f, name)) hits.push(name);
  return hits;
}

const PRIORITY: UnitSource[] = ["assigned", "identity", "title", "signature", "fileName"];

export interface DecideContext {
  fileName: string;
  /** Units that must report; empty when the merge proposes the list from the files. */
  expected?: ExpectedUnit[];
  /** Without a list of units: the names other files of the batch give their senders. */
  known?: readonly string[];
  /** The officer's choice for this file. */
  assigned?: string;
}

/**
 * Who sent a file, from all the evidence. The stamp, title and signature must name one unit (and, when
 * there is a list of units, one of them). The file name is weak evidence: it confirms that unit, names
 * the sender when nothing else does, and holds the file back only when it names another known unit.
 */
export function decideUnit(candidates: UnitCandidate[], ctx: DecideContext): UnitDecision {
  const expected = ctx.expected ?? [];
  if (ctx.assigned?.trim()) {
    const a = ctx.assigned.trim();
    return { resolved: true, name: matchExpected(a, expected)?.name ?? a, source: "assigned" };
  }
  const known = expected.length ? expected.map((e) => e.name) : (ctx.known ?? []);
  const inName: UnitCandidate[] = fileNameUnits(ctx.fileName, known).map((name) => ({ name, source: "fileName", where: "tên tệp" }));
  const groups: UnitCandidate[][] = [];
  for (const c of candidates) {
    if (c.source === "fileName") continue;
    const g = groups.find((x) => sameUnit(x[0].name, c.name));
    if (g) g.push(c);
    else groups.push([c]);
  }
  const named = groups.length === 1 && inName.some((c) => sameUnit(c.name, groups[0][0].name));
  for (const c of inName) {
    const g = groups.find((x) => sameUnit(x[0].name, c.name));
    if (g) g.push(c);
    // A file name naming a known unit counts when nothing else names one, or against a single other name.
    else if (groups.length <= 1 && !named) groups.push([c]);
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
    return {
      resolved: false,
      candidates: [],
      reason: `Không thấy tên đơn vị trong tệp (mã nhận dạng, tiêu đề, chữ ký) và tên tệp không khớp đơn vị nào đã biết. Chưa tổng hợp; chọn đơn vị gửi tệp này.`,
    };
  }
  // The strongest source names the unit; among title lines the last ("Kèm theo … của …" sits under the heading).
  const rank = (c: UnitCandidate, i: number): number => PRIORITY.indexOf(c.source) * 1000 - i;
  const best = groups[0].map((c, i) => ({ c, r: rank(c, i) })).sort((a, b) => a.r - b.r)[0].c;
  if (!expected.length) return { resolved: true, name: best.name, source: best.source };
  const match = groups[0].map((c) => matchExpected(c.name, expected)).find((e) => e);
  if (match) return { resolved: true, name: match.name, source: best.source };
  const suggestion = closestExpected(best.name, expected);
  return {
    resolved: false,
    candidates: groups[0],
    reason: `Đơn vị lạ “${best.name}”: không có trong danh sách đơn vị phải báo cáo${suggestion ? `; gần nhất: “${suggestion}”` : ""}. Chưa tổng hợp; chọn đơn vị gửi tệp này.`,
    suggestion,
  };
}
