import { oncePer } from "../oncePer";
import { foldText, similarity } from "../text";
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
  | {
      resolved: false;
      candidates: UnitCandidate[];
      reason: string;
      suggestion?: string;
      /** The one unit the file names, which the list lacks (the list may be the one that is short). */
      unlisted?: string;
    };

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

/** A name as the matching sees it, worked out once per name. */
interface Parts {
  /** unitKey's words: the kind, then the distinctive words. */
  all: string[];
  /** The kind ("huyen", "so"), or "". */
  type: string;
  words: string[];
  place: boolean;
  /** Names a unit: not empty, not a placeholder, not the province itself ("TỈNH SÓC TRĂNG"). */
  claim: boolean;
}

/** The kind of body (see catalog/unit-names.json) that `words` start with at `at`, if any. */
function kindAt(words: readonly string[], at: number): { words: string[]; place: boolean; label: string } | undefined {
  return VOCABULARY.kinds.find((k) => wordsAt(words, at, k.words));
}

/** Words that name nobody in particular ("của các cơ quan, đơn vị"). */
const GENERIC = /^(tinh|cac|co quan|don vi|dia phuong|to chuc|nganh)\b/;

const partsCache = new Map<string, Parts>();
const KIND_WORDS = new Set(VOCABULARY.kinds.flatMap((k) => k.words));

/** A name split into its kind ("huyen", "so") and its distinctive words; "UBND huyện X" = "huyện X". */
function parts(name: string): Parts {
  let p = partsCache.get(name);
  if (p) return p;
  const k = unitKey(name);
  const all = k ? k.split(" ") : [];
  const kind = kindAt(all, 0);
  const words = all.slice(kind?.words.length ?? 0);
  // "UBND xã, phường, đặc khu", "UBND cấp xã": a tier of government, not one of its units.
  const tierOnly = words.every((w) => w === "cap" || w === "cac" || KIND_WORDS.has(w));
  const claim = !!k && k !== "uy ban nhan dan" && !GENERIC.test(k) && /[a-z]/.test(k) && words.length > 0 && !tierOnly;
  p = { all, type: kind?.words.join(" ") ?? "", words, place: !!kind?.place, claim };
  if (partsCache.size >= 20_000) partsCache.clear();
  partsCache.set(name, p);
  return p;
}

/** A name that claims a unit: not empty, not a placeholder, not the province itself ("TỈNH SÓC TRĂNG"). */
export function isUnitClaim(name: string): boolean {
  return parts(name).claim;
}

const startsWith = (a: string[], b: string[]): boolean => b.length <= a.length && b.every((w, i) => a[i] === w);

/** Two names for the same unit: same kind, and the same place, or the same body written shorter ("Sở Nông nghiệp"). */
export function sameUnit(a: string, b: string): boolean {
  const pa = parts(a);
  const pb = parts(b);
  const [wa, wb] = [pa.all, pb.all];
  if (wa.length === wb.length && startsWith(wa, wb)) return true;
  // One written with initials ("Ban Quản lý dự án ĐTXD" for "… đầu tư xây dựng").
  if (spell(wa, 0, wb) === wa.length || spell(wb, 0, wa) === wb.length) return true;
  if (pa.type !== pb.type && pa.type && pb.type) return false;
  const [short, long] = pa.words.length <= pb.words.length ? [pa.words, pb.words] : [pb.words, pa.words];
  // A place is its whole name: "xã Long Phú" is not "xã Long Phú Tây".
  if (short.length < 2 || pa.place || pb.place) return short.length === long.length && startsWith(long, short);
  // A department is often written shorter ("Sở Tài nguyên" for "Sở Tài nguyên và Môi trường").
  if ((pa.type || pb.type) === "so" && short[0] === long[0] && short[1] === long[1]) return true;
  return startsWith(long, short);
}

const TITLE_OF = /\bcủa\s+([^()]+?)\s*\)?\s*\.?\s*$/iu;
const TITLE_AT = /\b(?:tại|trên địa bàn)\s+([^()]+?)\s*\)?\s*\.?\s*$/iu;
/** An issuing-body line ("SỞ NỘI VỤ", "UBND HUYỆN MỸ TÚ"), optionally after "TM." / "KT.". */
const BODY_LINE = /^(?:(?:T\/M|TM|KT|Q|TL)\.?\s+)?((?:ỦY BAN NHÂN DÂN|UBND|SỞ|BAN|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+[^\d()]{2,80})$/u;

function tidyUnit(s: string): string {
  const t = s.replace(/\s+/g, " ").replace(/[)\].,;:]+$/, "").trim();
  return t === t.toUpperCase() ? namedCase(t) : t;
}

const capitalised = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/**
 * A name written in capitals as it is written in a sentence: short forms stay ("UBND"), kinds of body and
 * "tỉnh" are lower case, a place's name is capitalised word by word and a body's name at its first word:
 * "UBND XÃ ÁI TỬ" → "UBND xã Ái Tử", "SỞ TÀI CHÍNH TỈNH SÓC TRĂNG" → "Sở Tài chính tỉnh Sóc Trăng".
 */
export function namedCase(capitals: string): string {
  const raw = capitals.split(" ").filter(Boolean);
  const folded = raw.map((w) => foldText(w));
  const shorts = new Set(VOCABULARY.shortForms.filter((f) => f.short.length === 1).map((f) => f.short[0]));
  const out: string[] = [];
  let mode: "plain" | "place" | "body" = "plain";
  let afterKind = false;
  for (let i = 0; i < raw.length; ) {
    const kind: (typeof VOCABULARY.kinds)[number] | undefined = !afterKind ? VOCABULARY.kinds.find((k) => (mode !== "place" || k.place) && wordsAt(folded, i, k.words)) : undefined;
    if (kind) {
      for (let j = 0; j < kind.words.length; j++) out.push(raw[i + j].toLowerCase());
      i += kind.words.length;
      [mode, afterKind] = [kind.place ? "place" : "body", true];
      continue;
    }
    // "ỦY BAN NHÂN DÂN" before the kind is the body's title, not a body named "Nhân dân".
    const full = mode === "plain" ? VOCABULARY.shortForms.find((f) => f.full.length > 1 && wordsAt(folded, i, f.full)) : undefined;
    if (full) {
      for (let j = 0; j < full.full.length; j++) out.push(raw[i + j].toLowerCase());
      i += full.full.length;
      continue;
    }
    const w = raw[i];
    if (!afterKind && VOCABULARY.province.has(folded[i])) [mode, afterKind] = ["place", true];
    else afterKind = false;
    if (shorts.has(folded[i]) || /\d/.test(w)) out.push(w);
    else if (mode === "place" && !afterKind) out.push(capitalised(w));
    else if (mode === "body" && out.length && VOCABULARY.kinds.some((k) => !k.place && k.words.join(" ") === foldText(out[out.length - 1]))) out.push(capitalised(w));
    else out.push(w.toLowerCase());
    i++;
  }
  const text = out.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A place named at the end of a title, after its period or a dash ("… NĂM 2026 - PHƯỜNG ĐÔNG HÀ"). */
const TITLE_TAIL = /(?:\b20\d{2}|\s[-–:])\s*[-–:]?\s*((?:(?:ỦY BAN NHÂN DÂN|UBND)\s+)?(?:XÃ|PHƯỜNG|ĐẶC KHU|THỊ TRẤN|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ)\s+[^\d()]{2,60})$/iu;

/** Does the text before "của" cite a document the sender did not issue ("Kèm theo Hướng dẫn số …")? */
function citesGuidance(text: string): boolean {
  const w = foldText(text).split(" ");
  const cites = (phrases: string[][]) => w.some((_x, i) => phrases.some((g) => wordsAt(w, i, g)));
  return cites(VOCABULARY.guidance) && !cites([["bao", "cao"]]);
}

/** Every unit name in the lines above the table: "của …", "tại …", "trên địa bàn …", an issuing-body line, a place ending the title. */
export function titleCandidates(lines: { text: string; where: string }[]): UnitCandidate[] {
  const out: UnitCandidate[] = [];
  let previous = "";
  for (const { text, where } of lines) {
    const line = text.replace(/\s+/g, " ").trim();
    const before = previous;
    previous = line;
    const of = TITLE_OF.exec(line);
    // The issuer of the guidance the table came with, on its line or the line it wraps from.
    if (of && citesGuidance(`${of.index === 0 ? before : ""} ${line.slice(0, of.index)}`)) continue;
    const at = of ? null : TITLE_AT.exec(line);
    const m = of ?? at ?? BODY_LINE.exec(line) ?? TITLE_TAIL.exec(line);
    if (!m || /^…|^\.\.\./.test(m[1])) continue;
    const name = tidyUnit(m[1]);
    // "tại …" also points into the document ("chi tiết tại phụ lục kèm theo"): there only a named body or place is the sender.
    if (isUnitClaim(name) && (!at || parts(name).type)) out.push({ name, source: "title", where });
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
  const key = unitKey(name);
  // Numbered units ("Phường 1", "Ban Quản lý số 11") are told apart by their number alone.
  const numbers = (k: string): string => (k.match(/\d+/g) ?? []).join(" ");
  for (const e of expected) {
    const other = unitKey(e.name);
    if (numbers(other) !== numbers(key)) continue;
    const score = similarity(key, other);
    if (!best || score > best.score) best = { name: e.name, score };
  }
  return best && best.score > 0.3 ? best.name : undefined;
}

/** A file name's words, with what each position says, worked out once per file. */
interface FileWords {
  words: string[];
  /** A word at i that would make a name ending before it another's ("Long Phú Tây", "Công an xã"). */
  plainAfter: boolean[];
  /** A word at i that would make a name starting after it another's ("Tân Long Phú"); a kind is the name's own. */
  plainBefore: boolean[];
  /** The kind whose words end just before i ("thi xa" before "Nga Nam"). */
  kindBefore: (string | undefined)[];
  /** Position i lies inside a kind that starts earlier ("xã" of "thị xã"). */
  insideKind: boolean[];
  /** A recipient phrase ("gửi") ends just before i. */
  afterRecipient: boolean[];
}

function fileWords(fileName: string): FileWords {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[a-z0-9]{1,5}$/i, "");
  const words = unitWords(base);
  const n = words.length;
  // Noise (a period, "final", a number, a single letter) cannot continue a name.
  const quiet = words.map((w) => w.length < 2 || /\d/.test(w));
  for (let i = 0; i < n; i++) {
    const noise = VOCABULARY.fileNoise.find((p) => i + p.length <= n && p.every((x, j) => (x === "#" ? /\d/.test(words[i + j]) : words[i + j] === x)));
    if (noise) for (let j = 0; j < noise.length; j++) quiet[i + j] = true;
  }
  const kindBefore: (string | undefined)[] = new Array(n + 1).fill(undefined);
  const insideKind: boolean[] = new Array(n + 1).fill(false);
  const afterRecipient: boolean[] = new Array(n + 1).fill(false);
  const kindStart: boolean[] = new Array(n).fill(false);
  const recipientStart: boolean[] = new Array(n).fill(false);
  for (let i = 0; i < n; i++) {
    const kind = kindAt(words, i);
    if (kind) {
      kindStart[i] = true;
      const end = i + kind.words.length;
      kindBefore[end] ??= kind.words.join(" ");
      for (let j = i + 1; j < end; j++) insideKind[j] = true;
    }
    const r = VOCABULARY.recipients.find((x) => wordsAt(words, i, x));
    if (r) {
      recipientStart[i] = true;
      afterRecipient[i + r.length] = true;
    }
  }
  const plainAfter = words.map((w, i) => !quiet[i] && !VOCABULARY.province.has(w) && !recipientStart[i]);
  const plainBefore = plainAfter.map((p, i) => p && !kindStart[i]);
  return { words, plainAfter, plainBefore, kindBefore, insideKind, afterRecipient };
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
  // A word of k letters may be the initials of the next k words.
  const k = w.length;
  if (k < 2 || from + k > pattern.length) return -1;
  for (let j = 0; j < k; j++) if (pattern[from + j].charAt(0) !== w.charAt(j)) return -1;
  return spell(words, at + 1, pattern, from + k);
}

/** One way a known name may be written in a file name: with its kind ("xã Long Phú") or without ("Long Phú"). */
interface Spelling {
  index: number;
  pattern: string[];
  withKind: boolean;
  type: string;
}

/** The known names by how a file name's word can start them: the same first word, or initials of the first two. */
interface KnownIndex {
  names: readonly string[];
  byFirst: Map<string, Spelling[]>;
  byInitials: Map<string, Spelling[]>;
}

const knownIndex = oncePer((names: readonly string[]): KnownIndex => {
  const byFirst = new Map<string, Spelling[]>();
  const byInitials = new Map<string, Spelling[]>();
  const add = (map: Map<string, Spelling[]>, key: string, s: Spelling): void => {
    const list = map.get(key);
    if (list) list.push(s);
    else map.set(key, [s]);
  };
  names.forEach((name, index) => {
    const p = parts(name);
    if (!p.claim) return;
    // Without its kind a name needs two words ("xã Hòa" alone would match any "hoa").
    const spellings = [p.all.length > p.words.length ? p.all : undefined, p.words.length >= 2 ? p.words : undefined];
    spellings.forEach((pattern, i) => {
      if (!pattern) return;
      const s: Spelling = { index, pattern, withKind: i === 0, type: p.type };
      add(byFirst, pattern[0], s);
      if (pattern.length >= 2) add(byInitials, pattern[0].charAt(0) + pattern[1].charAt(0), s);
    });
  });
  return { names, byFirst, byInitials };
});

/** Does the file's spelling of a name from `at` to `end` stand as a whole name (not part of a longer one, not a recipient)? */
function wholeName(f: FileWords, s: Spelling, at: number, end: number): boolean {
  // One word for the whole name must be three letters at least ("syt"; "yt" is anything).
  if (end - at === 1 && f.words[at].length < 3) return false;
  if (end < f.words.length && f.plainAfter[end]) return false;
  if (s.withKind) return !f.insideKind[at] && !f.afterRecipient[at];
  const before = f.kindBefore[at];
  if (before) return before === s.type && !f.afterRecipient[at - before.split(" ").length];
  return !(at > 0 && f.plainBefore[at - 1]) && !f.afterRecipient[at];
}

/**
 * The known units a file name names ("SYT_Quy 3_2026 (1).xlsx" → "Sở Y tế"), one name per unit. A file name
 * says who sent it only through a name known from elsewhere: words matching no known unit are noise.
 */
export function fileNameUnits(fileName: string, known: readonly string[]): string[] {
  const f = fileWords(fileName);
  const idx = knownIndex(known);
  const found = new Set<number>();
  f.words.forEach((w, at) => {
    for (const list of [idx.byFirst.get(w), w.length >= 2 ? idx.byInitials.get(w.slice(0, 2)) : undefined])
      for (const s of list ?? []) {
        if (found.has(s.index)) continue;
        const end = spell(f.words, at, s.pattern);
        if (end >= 0 && wholeName(f, s, at, end)) found.add(s.index);
      }
  });
  const hits: string[] = [];
  for (const i of [...found].sort((a, b) => a - b)) if (!hits.some((h) => sameUnit(h, known[i]))) hits.push(known[i]);
  return hits;
}

/**
 * The unit-shaped names a file name gives on its own, known or not: a kind word that starts a name, then the
 * name's own words ("xa Ham Thuan Bac" → "Xã Ham Thuan Bac", "UBND_phuong_3" → "Phường 3"). A kind inside a
 * longer name ("Bao hiem xa hoi") starts nothing; noise words end the name.
 */
export function fileNameClaims(fileName: string): string[] {
  const f = fileWords(fileName);
  const out: string[] = [];
  for (let i = 0; i < f.words.length; i++) {
    const kind = kindAt(f.words, i);
    if (!kind || !f.plainAfter[i] || f.insideKind[i] || f.afterRecipient[i] || (i > 0 && f.plainBefore[i - 1])) continue;
    let j = i + kind.words.length;
    const name: string[] = [];
    // A place may be a number ("phường 3"); elsewhere a number is noise.
    if (kind.place && /^\d{1,3}$/.test(f.words[j] ?? "")) name.push(f.words[j++]);
    while (j < f.words.length && f.plainAfter[j]) name.push(f.words[j++]);
    const claim = [kind.label.charAt(0).toUpperCase() + kind.label.slice(1), ...name.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join(" ");
    if (name.length && isUnitClaim(claim)) out.push(claim);
    i = j - 1;
  }
  return out;
}

/** A name read from a file name that stands for `unit`: the same unit, or its name cut short ("phuong Lam Vien"). */
function agreesWith(claim: string, unit: string): boolean {
  const [c, u] = [parts(claim), parts(unit)];
  return sameUnit(claim, unit) || (c.type === u.type && startsWith(u.words, c.words));
}

/**
 * What a file name says against the unit its sheet names, when other files of the batch are given to that unit
 * too: a unit-shaped name that is not that unit and that the other files' names do not give. Two senders, not
 * one unit sending twice (a neighbour's file filled in and its title left as it was).
 */
function otherSender(fileName: string, unit: string, rivals: readonly string[]): string | undefined {
  if (fileNameUnits(fileName, [unit]).length) return undefined;
  const claims = fileNameClaims(fileName);
  if (claims.some((c) => agreesWith(c, unit))) return undefined;
  return claims.find((c) => !rivals.some((r) => fileNameClaims(r).some((x) => sameUnit(x, c))));
}

/** The names of a list of units, once per list (a merge reads every file against the same list). */
const expectedNames = oncePer((expected: ExpectedUnit[]): string[] => expected.map((e) => e.name));

const PRIORITY: UnitSource[] = ["assigned", "identity", "title", "signature", "fileName"];

export interface DecideContext {
  fileName: string;
  /** Units that must report; empty when the merge proposes the list from the files. */
  expected?: ExpectedUnit[];
  /** Without a list of units: the names other files of the batch give their senders. */
  known?: readonly string[];
  /** The officer's choice for this file. */
  assigned?: string;
  /** The names of the batch's other files whose evidence gives them to the same unit as this one. */
  rivals?: readonly string[];
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
  const known = expected.length ? expectedNames(expected) : (ctx.known ?? []);
  const inName: UnitCandidate[] = fileNameUnits(ctx.fileName, known).map((name) => ({ name, source: "fileName", where: "tên tệp" }));
  const groups: UnitCandidate[][] = [];
  for (const c of candidates) {
    // The file name is read below, against the known units only.
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
  const resolved = (name: string): UnitDecision => {
    const rivals = ctx.rivals ?? [];
    const other = rivals.length ? otherSender(ctx.fileName, name, rivals) : undefined;
    if (!other) return { resolved: true, name, source: best.source };
    const said = [...new Set(groups[0].map((c) => SOURCE_LABEL[c.source]))].join(", ");
    return {
      resolved: false,
      candidates: [...groups[0], { name: other, source: "fileName", where: "tên tệp" }],
      reason: `${said.charAt(0).toUpperCase()}${said.slice(1)} ghi “${name}”, tên tệp ghi “${other}”, và tệp “${rivals.join("”, “")}” cũng là của “${name}”: có thể đơn vị khác đã điền vào bản sao báo cáo của “${name}”. Chưa tổng hợp; chọn đơn vị gửi tệp này.`,
      suggestion: matchExpected(other, expected)?.name,
    };
  };
  if (!expected.length) return resolved(best.name);
  const match = groups[0].map((c) => matchExpected(c.name, expected)).find((e) => e);
  if (match) return resolved(match.name);
  const suggestion = closestExpected(best.name, expected);
  return {
    resolved: false,
    candidates: groups[0],
    reason: `Đơn vị lạ “${best.name}”: không có trong danh sách đơn vị phải báo cáo${suggestion ? `; gần nhất: “${suggestion}”` : ""}. Chưa tổng hợp; chọn đơn vị gửi tệp này.`,
    suggestion,
    unlisted: best.name,
  };
}
