import { z } from "zod";
import { describeIssues } from "../issues";
import { foldText } from "../text";
import unitNamesData from "../../../catalog/unit-names.json";

/**
 * How officers write unit names (catalog/unit-names.json): the kinds of body that start a name, the
 * short forms they use, filler words, and the words of a file name that say nothing about the sender.
 */
export const UnitNameWords = z
  .object({
    /** "huyện", "xã", "sở": places are told apart by their whole name, bodies (place: false) by their first words. */
    kinds: z.array(z.object({ words: z.string().min(1), place: z.boolean() }).strict()).min(1),
    /** "UBND" → "Ủy ban nhân dân", "LĐTBXH" → "Lao động Thương binh Xã hội"; initials need no entry (see fileNameUnits). */
    shortForms: z.array(z.object({ short: z.string().min(1), full: z.string().min(1) }).strict()),
    /** Words a name may carry or drop ("và", "các"). */
    fillers: z.array(z.string().min(1)),
    /** Words of a file name that say nothing about the sender: period words, "báo cáo", "final", "Book"; "#" is a number. */
    fileNoise: z.array(z.string().min(1)),
    /** Words before a recipient ("gửi Sở Nội vụ"): the unit after them did not send the file. */
    recipients: z.array(z.string().min(1)),
    /** Documents a title line may cite that the sender did not issue ("Kèm theo Hướng dẫn số … của Sở Nội vụ"): their issuer is no sender. */
    guidance: z.array(z.string().min(1)),
    /** The word before the province's name ("tỉnh"): what follows it only says where the unit is. */
    province: z.array(z.string().min(1)),
  })
  .strict();
export type UnitNameWords = z.infer<typeof UnitNameWords>;

/** The vocabulary, folded: every list as word sequences. */
export interface UnitVocabulary {
  /** `label` is the kind as written in the data ("xã"), to show a name read from a file name. */
  kinds: { words: string[]; place: boolean; label: string }[];
  shortForms: { short: string[]; full: string[] }[];
  fillers: Set<string>;
  fileNoise: string[][];
  recipients: string[][];
  guidance: string[][];
  province: Set<string>;
}

const words = (s: string): string[] => foldText(s).split(" ").filter(Boolean);
/** A noise phrase's words; "#" stands for a number ("quý #": "Quý 3"). */
const noiseWords = (s: string): string[] => s.split(/\s+/).flatMap((w) => (w === "#" ? ["#"] : words(w)));

export function unitVocabulary(data: unknown): UnitVocabulary {
  const parsed = UnitNameWords.safeParse(data);
  if (!parsed.success) throw new Error(`Từ vựng tên đơn vị không hợp lệ: ${describeIssues(parsed.error, data, {})}`);
  const d = parsed.data;
  const longestFirst = <T extends { length: number }>(a: T, b: T): number => b.length - a.length;
  return {
    kinds: d.kinds.map((k) => ({ words: words(k.words), place: k.place, label: k.words })).sort((a, b) => longestFirst(a.words, b.words)),
    shortForms: d.shortForms.map((s) => ({ short: words(s.short), full: words(s.full) })).sort((a, b) => longestFirst(a.short, b.short)),
    fillers: new Set(d.fillers.flatMap(words)),
    fileNoise: d.fileNoise.map(noiseWords).sort(longestFirst),
    recipients: d.recipients.map(words).sort(longestFirst),
    guidance: d.guidance.map(words),
    province: new Set(d.province.flatMap(words)),
  };
}

export const VOCABULARY = unitVocabulary(unitNamesData);

/** Does `seq` occur in `tokens` at `at`? */
export function wordsAt(tokens: readonly string[], at: number, seq: readonly string[]): boolean {
  if (at + seq.length > tokens.length) return false;
  for (let i = 0; i < seq.length; i++) if (tokens[at + i] !== seq[i]) return false;
  return true;
}

/** Folded words with short forms written out and filler words dropped ("Sở TN&MT" → so tai nguyen moi truong). */
export function unitWords(text: string, v: UnitVocabulary = VOCABULARY): string[] {
  const t = words(text);
  const out: string[] = [];
  for (let i = 0; i < t.length; ) {
    const s = v.shortForms.find((f) => wordsAt(t, i, f.short));
    if (s) {
      for (const w of s.full) if (!v.fillers.has(w)) out.push(w);
      i += s.short.length;
    } else {
      if (!v.fillers.has(t[i])) out.push(t[i]);
      i++;
    }
  }
  return out;
}

const keyCache = new Map<string, string>();

/** Key to recognise the same unit across spellings ("Sở Tài chính tỉnh Sóc Trăng" = "SỞ TÀI CHÍNH"). */
export function unitKey(name: string): string {
  // A merge asks for each unit's key many times (evidence, duplicates, the expected list): work it out once.
  let k = keyCache.get(name);
  if (k === undefined) {
    if (keyCache.size >= 20_000) keyCache.clear();
    k = keyOf(name);
    keyCache.set(name, k);
  }
  return k;
}

function keyOf(name: string): string {
  const w = unitWords(name);
  // "… tỉnh Sóc Trăng" after a department's name only says where it is; a city's own committee keeps its name.
  const at = w.findIndex((x, i) => i > 0 && VOCABULARY.province.has(x) && w.slice(i + 1).every((y) => /^[a-z]+$/.test(y)));
  let k = (at > 0 ? w.slice(0, at) : w).join(" ");
  if (k.startsWith("so ")) k = k.replace(/\s+thanh pho\s+[a-z ]+$/, "");
  // "UBND huyện X" and "huyện X" are the same unit; "UBND" alone stays itself.
  return k.replace(/^uy ban nhan dan (?=\S)/, "");
}
