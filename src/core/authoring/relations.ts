import { foldText } from "../text";
import { RelationVocabulary, defaultVocabulary } from "./vocabulary";

/**
 * How the rows of an appendix hang together, read from its structure (numbering, "- " items, "Trong đó")
 * and from the meaning of its labels (a rate's subject, subset pairs such as tiếp nhận ⊇ giải quyết).
 * "stated": the layout says it, so a rule built on it may mark a report wrong; "likely": the wording
 * suggests it, so a rule built on it only warns.
 */
export type Confidence = "stated" | "likely";

export interface RelRow {
  stt: string;
  label: string;
  unit: string;
  kind: "section" | "group" | "count" | "percent" | "coded" | "money" | "text";
}

export interface PartOf {
  part: number;
  whole: number;
  confidence: Confidence;
  evidence: string;
}

export interface RateTie {
  rate: number;
  numerator?: number;
  denominator?: number;
  confidence?: Confidence;
  evidence: string;
  /** Rows the rate might be computed from, best first, for the author to choose among. */
  candidates: number[];
}

export interface Relations {
  /** The row each row belongs to by the layout (numbering, items, "Trong đó", a list's "gồm:"). */
  parent: (number | undefined)[];
  /** At most one whole per count or amount, by the layout first, else by wording. */
  wholes: Map<number, PartOf>;
  rates: Map<number, RateTie>;
  /** Coded questions → the counts that detail them. */
  details: Map<number, number[]>;
}

const isHeading = (r: RelRow) => r.kind === "section" || r.kind === "group";
const isAmount = (r: RelRow) => r.kind === "count" || r.kind === "money";

/**
 * How deep a row sits as an item of the row above it: "a)", "b." lettered items 1, "- " items 2, "+ " items
 * 3; 0 for a numbered or plain row. The marker may open the label or stand alone in the STT column.
 */
export function itemLevel(r: { stt: string; label: string }): number {
  const stt = r.stt.trim();
  if (/^[a-zđ][).]$/i.test(stt)) return 1;
  const m = /^\s*([-–•+])/.exec(r.label) ?? /^([-–•+])$/.exec(stt);
  return !m ? 0 : m[1] === "+" ? 3 : 2;
}

const cleanStt = (stt: string) => stt.trim().replace(/\.+$/, "");

function has(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `);
}

class Words {
  private stop: Set<string>;
  private generic: Set<string>;
  constructor(private v: RelationVocabulary) {
    this.stop = new Set(v.stopWords);
    this.generic = new Set(v.genericWords.flatMap((g) => this.join(g).split(" ")));
  }

  /** Folded text with fillers gone and compounds joined ("ho_so", "so_hoa"). */
  text(label: string): string {
    let t = ` ${foldText(label)} `;
    for (const f of this.v.fillers) t = t.split(` ${f} `).join(" ");
    return this.join(t).replace(/\s+/g, " ").trim();
  }

  private join(t: string): string {
    for (const c of this.v.compounds) t = t.split(c).join(c.replace(/ /g, "_"));
    return t;
  }

  tokens(text: string): Set<string> {
    return new Set(text.split(" ").filter((w) => w && !this.stop.has(w) && !/^\d+$/.test(w)));
  }

  meaningful(s: Set<string>): Set<string> {
    const out = new Set([...s].filter((w) => !this.generic.has(w)));
    return out.size ? out : s;
  }

  isGeneric(w: string): boolean {
    return this.generic.has(w);
  }
}

/** The relations of an appendix's rows. */
export function inferRelations(rows: RelRow[], vocab: RelationVocabulary = defaultVocabulary()): Relations {
  const words = new Words(vocab);
  const folded = rows.map((r) => words.text(r.label));
  const startsPart = (i: number) => vocab.partMarkers.some((m) => folded[i] === m || folded[i].startsWith(`${m} `));
  const endsList = (i: number) => /:\s*$/.test(rows[i].label) || vocab.listEndings.some((m) => folded[i].endsWith(` ${m}`));

  // Structure: who each row belongs to, and how the layout says so.
  const parent: (number | undefined)[] = [];
  const how: string[] = [];
  const byStt = new Map<string, number>();
  rows.forEach((r, i) => {
    const stt = cleanStt(r.stt);
    const d = itemLevel(r);
    let p: number | undefined;
    let why = "";
    if (d) {
      for (let j = i - 1; j >= 0; j--) {
        if (isHeading(rows[j]) || itemLevel(rows[j]) < d) {
          p = j;
          break;
        }
      }
      why = `${d === 1 ? `mục ${r.stt.trim()}` : "gạch đầu dòng"} dưới “${rows[p ?? 0]?.label.trim()}”`;
    } else if (!stt && startsPart(i)) {
      for (let j = i - 1; j >= 0; j--) {
        if (isHeading(rows[j]) || (!itemLevel(rows[j]) && !startsPart(j))) {
          p = j;
          break;
        }
      }
      why = `“Trong đó” của “${rows[p ?? 0]?.label.trim()}”`;
    } else if (stt.includes(".")) {
      p = byStt.get(stt.slice(0, stt.lastIndexOf(".")));
      why = `STT ${stt} nằm trong mục ${stt.slice(0, stt.lastIndexOf("."))}`;
    } else if (!stt && i > 0) {
      if (!isHeading(rows[i - 1]) && endsList(i - 1)) p = i - 1;
      else if (!rows[i - 1].stt && !itemLevel(rows[i - 1]) && parent[i - 1] !== undefined && how[i - 1].startsWith("liệt kê")) p = parent[i - 1];
      if (p !== undefined) why = `liệt kê sau “${rows[p].label.trim()}”`;
    }
    if (stt) byStt.set(stt, i);
    parent.push(p);
    how.push(p === undefined ? "" : why);
  });

  // Tokens: a row's own words, and with those of the row it details ("- Trực tuyến" under "Số hồ sơ tiếp nhận").
  const own = folded.map((t) => words.tokens(stripPart(t, vocab)));
  const expanded: Set<string>[] = [];
  const phrases: string[] = [];
  rows.forEach((r, i) => {
    const p = parent[i];
    const inherits = p !== undefined && !isHeading(rows[p]) && !cleanStt(r.stt).includes(".");
    expanded.push(inherits ? new Set([...own[i], ...expanded[p]]) : own[i]);
    phrases.push((inherits ? `${folded[i]} ${phrases[p]}` : folded[i]).replace(/_/g, " "));
  });

  // Wholes stated by the layout: a count or amount under a count or amount of the same unit.
  const wholes = new Map<number, PartOf>();
  const sameUnit = (a: number, b: number) => foldText(rows[a].unit) === foldText(rows[b].unit);
  rows.forEach((r, i) => {
    const p = parent[i];
    if (p !== undefined && isAmount(r) && isAmount(rows[p]) && sameUnit(i, p)) wholes.set(i, { part: i, whole: p, confidence: "stated", evidence: how[i] });
  });

  // Wholes suggested by the wording, within a section: a narrower label, or the earlier stage of a subset pair.
  let section = -1;
  const sectionOf = rows.map((r, i) => (r.kind === "section" ? (section = i) : section));
  rows.forEach((r, i) => {
    if (!isAmount(r) || wholes.has(i)) return;
    for (let j = i - 1; j >= 0 && sectionOf[j] === sectionOf[i]; j--) {
      // An item under a total is not the whole of a later row: its total is.
      if (!isAmount(rows[j]) || !sameUnit(i, j) || wholes.get(j)?.confidence === "stated") continue;
      // A row narrower than its own whole ("trực tiếp" of all received) is the whole of a later row only
      // when that row is narrowed the same way; otherwise the later row belongs with the broader whole.
      const narrowedBy = narrowing(j);
      if (narrowedBy.length && !narrowedBy.every((x) => expanded[i].has(x))) continue;
      const why = subsetWhy(j, i);
      if (why) {
        wholes.set(i, { part: i, whole: j, confidence: "likely", evidence: why });
        return;
      }
    }
  });

  function narrowing(j: number): string[] {
    const w = wholes.get(j)?.whole;
    return w === undefined ? [] : [...own[j]].filter((x) => !expanded[w].has(x) && !words.isGeneric(x));
  }

  function subsetWhy(w: number, p: number): string | undefined {
    const [tw, tp] = [words.meaningful(expanded[w]), expanded[p]];
    const extra = [...tp].filter((x) => !tw.has(x) && !words.isGeneric(x));
    if (tw.size >= 2 && [...tw].every((x) => tp.has(x)) && extra.length)
      return `nhãn “${rows[p].label.trim()}” là “${rows[w].label.trim()}” thu hẹp thêm`;
    const [fw, fp] = [phrases[w], phrases[p]];
    for (const pair of vocab.subsetPairs) {
      const wm = pair.whole.find((m) => has(fw, m));
      const pm = pair.part.find((m) => has(fp, m));
      // Both rows at both stages ("tiếp nhận … giải quyết" twice) is no subset.
      if (!wm || !pm || (has(fw, pm) && has(fp, wm))) continue;
      const markers = new Set([...pair.whole, ...pair.part].flatMap((m) => m.split(" ")));
      const obj = (s: Set<string>) => new Set([...s].filter((x) => !markers.has(x) && !words.isGeneric(x)));
      const [ow, op] = [obj(tw), obj(tp)];
      const inter = [...ow].filter((x) => op.has(x));
      if (inter.length && (inter.length === ow.size || inter.length === op.size))
        return `cặp “${pair.label}”: “${rows[p].label.trim()}” không vượt “${rows[w].label.trim()}”`;
    }
    return undefined;
  }

  const ancestorsOf = (i: number): number[] => {
    const out: number[] = [];
    for (let w = wholes.get(i)?.whole; w !== undefined && !out.includes(w); w = wholes.get(w)?.whole) out.push(w);
    return out;
  };

  // Rates: the numerator carries the rate's subject; the denominator is named, or is the numerator's whole.
  let heading = -1;
  const groupOf = rows.map((r, i) => (isHeading(r) ? (heading = i) : heading));
  const amounts = rows.map((_r, i) => i).filter((i) => isAmount(rows[i]));
  const rates = new Map<number, RateTie>();
  const cov = (x: Set<string>, c: number) => {
    const m = words.meaningful(x);
    let n = 0;
    for (const w of m) if (expanded[c].has(w)) n++;
    return n / m.size;
  };
  const extras = (x: Set<string>, c: number) => [...own[c]].filter((w) => !x.has(w) && !words.isGeneric(w)).length;
  const label = (i: number) => `“${rows[i].label.trim()}”`;

  rows.forEach((r, i) => {
    if (r.kind !== "percent") return;
    let t = folded[i];
    for (const w of vocab.rateWords) if (t.startsWith(`${w} `)) t = t.slice(w.length + 1);
    let denText = "";
    for (const m of vocab.denominatorMarkers) {
      const at = ` ${t} `.indexOf(` ${m} `);
      if (at > 0) {
        denText = t.slice(at + m.length).trim();
        t = t.slice(0, at - 1).trim();
        break;
      }
    }
    const S = words.tokens(t);
    const D = words.tokens(denText);
    if (!S.size) {
      rates.set(i, { rate: i, evidence: "nhãn tỷ lệ không nêu chủ đề", candidates: [] });
      return;
    }
    const ranked = amounts
      .map((c) => ({ c, s: cov(S, c) + (groupOf[c] === groupOf[i] ? 0.1 : 0) - 0.02 * extras(S, c) - 0.0005 * Math.abs(c - i) }))
      .filter((x) => cov(S, x.c) >= 0.5)
      .sort((a, b) => b.s - a.s);
    if (!ranked.length) {
      rates.set(i, { rate: i, evidence: "không có dòng số nào mang chủ đề của tỷ lệ", candidates: [] });
      return;
    }
    let num = ranked[0].c;
    const candidates = ranked.slice(0, 4).map((x) => x.c);
    if (ranked[1] && ranked[0].s - ranked[1].s < 0.03 && !D.size) {
      rates.set(i, { rate: i, evidence: `nhiều dòng cùng khớp chủ đề: ${label(ranked[0].c)}, ${label(ranked[1].c)}`, candidates });
      return;
    }
    let den: number | undefined;
    let denWhy = "";
    let denStated = false;
    if (D.size) {
      const ancestors = ancestorsOf(num);
      const dens = amounts
        .filter((c) => c !== num && cov(D, c) >= 0.5)
        .map((c) => ({ c, s: cov(D, c) + (ancestors.includes(c) ? 0.2 : 0) - 0.02 * extras(D, c) - 0.0005 * Math.abs(c - i) }))
        .sort((a, b) => b.s - a.s);
      if (dens.length) {
        den = dens[0].c;
        denStated = cov(D, den) === 1;
        denWhy = `mẫu số do nhãn tỷ lệ nêu tên: ${label(den)}`;
      }
    } else {
      const w = wholes.get(num);
      if (w) {
        den = w.whole;
        denStated = w.confidence === "stated";
        denWhy = `mẫu số là dòng chứa tử số (${w.evidence})`;
      } else {
        // "Tỷ lệ giải ngân kế hoạch vốn": the subject names the whole and a word only one of its parts has.
        const part = [...wholes.values()].find((p) => p.whole === num && [...S].some((x) => expanded[p.part].has(x) && !expanded[num].has(x)));
        if (part) {
          den = num;
          num = part.part;
          denStated = part.confidence === "stated";
          denWhy = `tử số là phần của ${label(den)} mà chủ đề nêu (${part.evidence})`;
        }
      }
    }
    if (den === undefined) {
      rates.set(i, { rate: i, numerator: undefined, evidence: `tử số có thể là ${label(num)} nhưng không rõ mẫu số`, candidates });
      return;
    }
    const exact = cov(S, num) === 1;
    rates.set(i, {
      rate: i,
      numerator: num,
      denominator: den,
      confidence: exact && denStated ? "stated" : "likely",
      evidence: `tử số ${label(num)} ${exact ? "mang đúng chủ đề của tỷ lệ" : `gần nhất với chủ đề (${Math.round(cov(S, num) * 100)}%)`}; ${denWhy}`,
      candidates,
    });
  });

  // Coded questions: the counts under them, by the layout, or the unnumbered counts right after a numbered one.
  const details = new Map<number, number[]>();
  rows.forEach((r, i) => {
    if (r.kind !== "coded") return;
    const out: number[] = [];
    for (let j = i + 1; j < rows.length; j++) {
      if (parent[j] === i && isAmount(rows[j])) out.push(j);
      else if (r.stt && !rows[j].stt && !itemLevel(rows[j]) && isAmount(rows[j]) && out.length === j - i - 1) out.push(j);
      else if (isHeading(rows[j]) || (rows[j].stt && !cleanStt(rows[j].stt).startsWith(`${cleanStt(r.stt)}.`))) break;
    }
    if (out.length) details.set(i, out);
  });
  return { parent, wholes, rates, details };
}

function stripPart(t: string, v: RelationVocabulary): string {
  for (const m of v.partMarkers) if (t.startsWith(`${m} `)) return t.slice(m.length + 1);
  return t;
}
