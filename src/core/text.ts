const CACHE_LIMIT = 50_000;

/**
 * `make` of a text, made once and remembered for at most CACHE_LIMIT texts at a time: labels, units and
 * names repeat across rows, rules and the submissions of a province.
 */
function perText<T>(make: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let value = cache.get(s);
    if (value === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(s, (value = make(s)));
    }
    return value;
  };
}

let viCollator: Intl.Collator | undefined;

/** Vietnamese order, by one collator made at its first use (`localeCompare(x, "vi")` makes one per call). */
export function compareVi(a: string, b: string): number {
  viCollator ??= new Intl.Collator("vi");
  return viCollator.compare(a, b);
}

/** Folding of Vietnamese labels for tolerant matching: case, diacritics, punctuation, spacing, a leading "- ". */
export const foldText = perText(fold);

/** Collapses runs of white space; most labels have none, so they are returned as they are. */
export function squash(s: string): string {
  return needsSquash(s) ? s.replace(/\s+/g, " ") : s;
}

/**
 * A label or unit with its white space collapsed, one string per text. The labels and units of a
 * province's submissions are the same few hundred texts, but each file brings its own copies, which
 * lived until the merge ended (4 MB for 130 files, each copied twice by the engine's young-generation
 * collector); and a text met in an earlier file is found by its hash instead of being scanned again
 * (the scan was half of reading a sheet's rows).
 */
export const squashedText = perText(squash);

/** The characters beyond ASCII that `\s` matches. */
function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Two white-space characters in a row, or a tab or line break (a loop: every label and unit of every file). */
function needsSquash(s: string): boolean {
  let previous = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13) return true;
    const space = c === 32 || c === 11 || c === 12 || (c > 127 && isUnicodeSpace(c));
    if (space && previous) return true;
    previous = space;
  }
  return false;
}

/** Unicode's stream-safe text format allows 30 combining marks in a row; normalizing a longer run reorders it in quadratic time. */
const MAX_MARKS = 30;
const LONG_MARK_RUN = /\p{M}{31,}/gu;

/**
 * `s` decomposed (NFD), each run of combining marks first cut to MAX_MARKS: no text a person writes
 * has more, and a label made of a million marks then costs a linear pass, not minutes.
 */
export function decomposed(s: string): string {
  const bounded = s.length > MAX_MARKS ? s.replace(LONG_MARK_RUN, (run) => Array.from(run).slice(0, MAX_MARKS).join("")) : s;
  return bounded.normalize("NFD");
}

function fold(s: string): string {
  return decomposed(s)
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/<[^>]*>/g, " ")
    .replace(/^[\s\-–—•+*.]+/, "")
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

/** Similarity of two folded labels in [0, 1]: Dice coefficient over word bigrams plus words, tolerant of typos. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const grams = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    const t = ` ${s} `;
    for (let i = 0; i < t.length - 2; i++) {
      const g = t.slice(i, i + 3);
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of ga) {
    total += n;
    const k = gb.get(g);
    if (k) common += Math.min(n, k);
  }
  for (const n of gb.values()) total += n;
  return (2 * common) / total;
}

/** `items.map(f).join(separator)` without the array in between: rule messages join many short lists. */
export function joinMapped<T>(items: readonly T[], f: (item: T) => string, separator: string): string {
  let out = "";
  for (let i = 0; i < items.length; i++) out += (i > 0 ? separator : "") + f(items[i]);
  return out;
}

/** "1129" → "1.129", "56.52" → "56,52": numbers as Vietnamese officers write them. */
export function formatNumberVi(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  // Most numbers in a message are small counts: nothing to group or to turn into a decimal comma.
  if (Number.isInteger(rounded) && rounded > -1000 && rounded < 1000) return String(rounded);
  const [int, frac] = Math.abs(rounded).toString().split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${rounded < 0 ? "-" : ""}${grouped}${frac ? "," + frac : ""}`;
}

/** Control characters (C0 but tab, DEL, C1), bidi controls and line separators: what a terminal acts on or reorders. */
function isInvisible(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * Text from a received file as printed to a terminal: invisible characters shown as escapes (\x1b,
 * \u202e). For "lines", line breaks are kept (a multi-line review); for "json", text that is JSON keeps its
 * line breaks and shows the rest as JSON's own escapes (\u202e), so it stays the same JSON.
 */
export function visibleText(s: string, kind: "line" | "lines" | "json" = "line"): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (!isInvisible(code) || (code === 10 && kind !== "line")) continue;
    const hex = code.toString(16);
    out += s.slice(from, i) + (kind === "json" ? `\\u${hex.padStart(4, "0")}` : code <= 0xff ? `\\x${hex.padStart(2, "0")}` : `\\u${hex.padStart(4, "0")}`);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
