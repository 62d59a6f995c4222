import { Accumulation, Aggregate, Code, Template, TemplateRow, ValueKind, ValueRow, isValueRow } from "../catalog/schema";
import { Grid, cellText } from "../grid";
import { LoadedPackage } from "../package/package";
import { findHeader, readRows } from "../recognize/recognize";
import { SheetRow } from "../recognize/submission";
import { ruleIndicators } from "../rules/indicators";
import { Rule } from "../rules/schema";
import { foldText, similarity } from "../text";
import { Confidence, Relations, inferRelations, itemLevel } from "./relations";
import { defaultVocabulary } from "./vocabulary";

/** Same threshold as recognising a received report: a label this close is the same indicator. */
const FUZZY_MIN = 0.8;

export type RowKind = TemplateRow["kind"];

export const KIND_LABELS: Record<RowKind, string> = {
  section: "Mục",
  group: "Nhóm",
  count: "Số đếm",
  percent: "Tỷ lệ",
  coded: "Mã hóa",
  money: "Tiền",
  text: "Văn bản",
};

export interface AuthorOptions {
  /** e.g. "cap-xa". */
  unitType: string;
  /** e.g. "UBND cấp xã". */
  unitTypeLabel: string;
  /** e.g. "2026". */
  version: string;
  name?: string;
  /** Default: `${unitType}-${version}`. */
  templateId?: string;
  /** Where the table came from (file name), for reviewers. */
  source?: string;
  /** Corrections from the review, by row position (0-based among the table's rows). */
  edits?: Map<number, RowEdit>;
  /** Inferred rules the reviewer struck out, by rule ID. */
  droppedRules?: Set<string>;
}

export interface RowEdit {
  kind?: RowKind;
  id?: string;
  unit?: string;
  /** A rate tied by the author: the IDs of its numerator and denominator rows. */
  numerator?: string;
  denominator?: string;
}

export type RowStatus = "heading" | "reused" | "new";

/** One line of the review: what was inferred for a table row, and from what. */
export interface ReviewRow {
  /** 1-based row of the source sheet. */
  sheetRow: number;
  stt: string;
  label: string;
  unit: string;
  kind: RowKind;
  id?: string;
  status: RowStatus;
  /** Where a reused ID comes from: template and its row's label. */
  reusedFrom?: { template: string; label: string; score: number };
  aggregate?: string;
  evidence: string[];
}

export interface RuleProposal {
  rule: Rule;
  /** Already in the package's rule set (same indicators): not added again. */
  existing?: string;
  /** The existing rule's severity: it is the one reports meet, whatever this proposal's confidence. */
  existingSeverity?: Rule["severity"];
  /** Struck out by the reviewer: not added. */
  dropped?: boolean;
  evidence: string;
  /** "stated" by the layout (an error rule) or "likely" from the wording (a warning). */
  confidence: Confidence;
}

/** A rate the proposal could not tie to its two rows, with the rows it might use. */
export interface UntiedRate {
  /** Position among the table's rows. */
  index: number;
  id: string;
  label: string;
  why: string;
  /** Counts the author may choose from, best first (ID and label). */
  candidates: { id: string; label: string }[];
}

export interface Proposal {
  template: Template;
  /** Rules to add (new ones only). */
  rules: Rule[];
  review: ReviewRow[];
  ruleReview: RuleProposal[];
  untiedRates: UntiedRate[];
  stats: { rows: number; indicators: number; reused: number; newIds: number; headings: number };
}

export class AuthoringError extends Error {}

/** Known indicators of the package, with the context they sit in (section, group). */
interface KnownRow {
  template: Template;
  index: number;
  row: TemplateRow;
  names: string[];
  section: string;
  group: string;
}

function knownRows(p: LoadedPackage): KnownRow[] {
  const out: KnownRow[] = [];
  for (const t of p.catalog.templates) {
    let section = "";
    let group = "";
    t.rows.forEach((row, index) => {
      if (row.kind === "section") [section, group] = [foldText(row.label), ""];
      else if (row.kind === "group") group = foldText(row.label);
      out.push({ template: t, index, row, names: [row.label, ...(row.aliases ?? [])].map(foldText), section, group });
    });
  }
  return out;
}

const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)$/;

/** The tiers of government a folded label names ("cấp tỉnh", "UBND xã"). */
function levelsOf(folded: string): Set<string> {
  const t = ` ${folded} `;
  return new Set(defaultVocabulary().levels.filter((l) => l.phrases.some((p) => t.includes(` ${p} `))).map((l) => l.label));
}

/** A folded label without the tier it names ("… UBND cấp huyện …" and "… UBND cấp xã …" read alike). */
function withoutTier(folded: string): string {
  let t = ` ${folded.replace(/^[-+•\s]+/, "")} `;
  for (const l of defaultVocabulary().levels) for (const p of l.phrases) t = t.split(` ${p} `).join(" ");
  return t.replace(/\s+/g, " ").trim();
}

/**
 * Why a known row that resembles a label is of another tier, or undefined: the label names one tier, the
 * known row another, the known row's template splits the same group by tier (“- … cấp tỉnh”, “- … cấp
 * xã”) and the two labels differ beyond the tier, so the resemblance is the shared wording of siblings,
 * not the same indicator. A label that only swaps the tier (“… của UBND cấp huyện” reworded “… của UBND
 * cấp xã” for communes) is the unit's own figure, the same indicator.
 */
function otherTier(key: string, k: KnownRow, known: KnownRow[]): string | undefined {
  const mine = levelsOf(key);
  const theirs = levelsOf(k.names[0]);
  if (!mine.size || !theirs.size || [...mine].some((l) => theirs.has(l))) return undefined;
  if (withoutTier(key) === withoutTier(k.names[0])) return undefined;
  const split = known.some((o) => o.template === k.template && o !== k && o.group === k.group && o.section === k.section && [...levelsOf(o.names[0])].some((l) => mine.has(l)));
  return split ? `“${k.row.label.replace(/^[-–+•\s]+/, "")}” (${k.template.id}) là ${[...theirs].join(", ")}, dòng này là ${[...mine].join(", ")}` : undefined;
}

/** Does a folded label count only what arrived in the period ("hồ sơ tiếp nhận trong kỳ")? */
function newInPeriod(folded: string): boolean {
  const t = ` ${folded} `;
  return defaultVocabulary().newInPeriod.some((p) => t.includes(` ${p} `));
}

/**
 * Why a known row that resembles a label counts another span, or undefined: cases received in the period
 * leave out those carried over, which a plain count of received cases includes (and which the rules of
 * that count, such as solved ≤ received, rely on).
 */
function otherSpan(key: string, k: KnownRow): string | undefined {
  const mine = newInPeriod(key);
  if (mine === k.names.some(newInPeriod)) return undefined;
  const label = `“${k.row.label.replace(/^[-–+•\s]+/, "")}” (${k.template.id})`;
  return mine ? `${label} gồm cả số kỳ trước chuyển sang, dòng này chỉ tính số mới trong kỳ` : `${label} chỉ tính số mới trong kỳ, dòng này không nói vậy`;
}

/** "Không = 0, Có = 1" → codes; undefined when the unit lists fewer than two. */
export function parseCodes(unit: string): Code[] | undefined {
  const codes: Code[] = [];
  for (const m of unit.matchAll(/([^,;=]+?)\s*=\s*(-?\d+)/g)) codes.push({ label: m[1].trim(), value: Number(m[2]) });
  return codes.length >= 2 ? codes : undefined;
}

/** Kind from the ĐVT and the wording alone. */
function kindFromUnit(label: string, unit: string): { kind: ValueKind; why: string } | undefined {
  const fu = foldText(unit);
  if (parseCodes(unit)) return { kind: "coded", why: `ĐVT “${unit}” liệt kê mã trả lời` };
  if (unit.includes("%") || (fu === "" && /^ty le\b/.test(foldText(label)))) return { kind: "percent", why: unit ? `ĐVT “${unit}”` : "nhãn bắt đầu bằng “Tỷ lệ”" };
  if (/\bdong\b/.test(fu)) return { kind: "money", why: `ĐVT “${unit}” là tiền` };
  if (fu) return { kind: "count", why: `ĐVT “${unit}” là đơn vị đếm` };
  return undefined;
}

function depth(r: SheetRow): number {
  if (!r.stt) return 9;
  if (ROMAN.test(r.stt)) return 0;
  return r.stt.split(".").length;
}

/** A unit-less row with items under it (the next row is deeper or the label ends with ":"). */
function hasChildren(rows: SheetRow[], i: number): boolean {
  const r = rows[i];
  const next = rows[i + 1];
  if (!next) return false;
  if (/:\s*$/.test(r.label)) return true;
  if (ROMAN.test(next.stt)) return false;
  return depth(next) > depth(r) || itemLevel(next) > itemLevel(r);
}

function slug(label: string, max = 48): string {
  const stop = new Set(["so", "luong", "cac", "cua", "va", "duoc", "the", "nhung", "trong", "do", "theo", "tai", "voi", "cho", "la"]);
  const words = foldText(label)
    .replace(/%/g, " ")
    .split(" ")
    .filter((w) => w && !stop.has(w));
  let s = "";
  for (const w of words) {
    const next = s ? `${s}_${w}` : w;
    if (next.length > max) break;
    s = next;
  }
  s = s || "chi_tieu";
  return /^[a-z]/.test(s) ? s : `c_${s}`;
}

interface Draft {
  src: SheetRow;
  kind: RowKind;
  unit: string;
  id?: string;
  status: RowStatus;
  reusedFrom?: ReviewRow["reusedFrom"];
  known?: KnownRow;
  codes?: Code[];
  aggregate?: Aggregate;
  aggregateWhy?: string;
  /** The aggregate is the reused indicator's own. */
  fromCatalog?: boolean;
  evidence: string[];
  section: string;
  group: string;
}

/** Proposes a template (and its rules) from an appendix table as pasted from the province's guidance. */
export function proposeTemplate(grid: Grid, pkg: LoadedPackage, opts: AuthorOptions): Proposal {
  const header = findHeader(grid);
  if (!header) throw new AuthoringError(`Trang “${grid.name}” không có bảng chỉ tiêu (không thấy dòng tiêu đề “STT – Chỉ tiêu thống kê”).`);
  const rows = readRows(grid, header).filter((r) => r.label);
  if (rows.length < 2) throw new AuthoringError(`Bảng chỉ tiêu của trang “${grid.name}” không có dòng nào.`);
  const templateId = opts.templateId ?? `${opts.unitType}-${opts.version}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
  if (pkg.catalog.byId.has(templateId)) throw new AuthoringError(`Bộ biểu mẫu đã có biểu mẫu mã “${templateId}”; hãy chọn phiên bản khác.`);

  const known = knownRows(pkg);
  const exact = new Map<string, KnownRow[]>();
  for (const k of known) for (const n of k.names) exact.set(n, [...(exact.get(n) ?? []), k]);

  // National numbering (1, 1.1, 1.1.1, no Roman numerals): the top level holds the sections.
  const national = !rows.some((r) => ROMAN.test(r.stt)) && rows.some((r) => /^\d+\.\d/.test(r.stt));
  const usedIds = new Set<string>();
  const drafts: Draft[] = [];
  let section = "";
  let group = "";
  let prev: KnownRow | undefined;
  rows.forEach((src, i) => {
    const edit = opts.edits?.get(i);
    const unit = edit?.unit ?? src.unit;
    const fromUnit = kindFromUnit(src.label, unit);
    const evidence: string[] = [];
    let kind: RowKind | undefined = edit?.kind;
    if (kind) evidence.push("loại do người rà soát chọn");

    // Candidates: same label (or an alias), else a close one; ranked by context and order.
    const key = src.key;
    const candidates: { k: KnownRow; score: number }[] = (exact.get(key) ?? []).map((k) => ({ k, score: 1 }));
    if (!candidates.length) {
      for (const k of known) {
        let best = 0;
        for (const n of k.names) best = Math.max(best, similarity(key, n));
        if (best >= FUZZY_MIN) candidates.push({ k, score: best });
      }
    }
    const wantHeading = !fromUnit && (ROMAN.test(src.stt) || hasChildren(rows, i));
    const ranked = candidates
      .map((c) => {
        let s = 2 * c.score;
        if (group && c.k.group) s += 0.5 * similarity(group, c.k.group);
        if (section && c.k.section) s += 0.25 * similarity(section, c.k.section);
        if (prev && c.k.template === prev.template && c.k.index > prev.index && c.k.index - prev.index <= 5) s += 0.3 * (1 - (c.k.index - prev.index - 1) / 5);
        const heading = !isValueRow(c.k.row);
        if (fromUnit && isValueRow(c.k.row) && c.k.row.kind === fromUnit.kind) s += 0.2;
        if (!fromUnit && heading === wantHeading) s += 0.2;
        return { ...c, s };
      })
      .sort((a, b) => b.s - a.s);

    let match: { k: KnownRow; score: number } | undefined;
    const skipped: string[] = [];
    for (const c of ranked) {
      const r = c.k.row;
      const targetKind = kind ?? fromUnit?.kind;
      if (isValueRow(r)) {
        if (usedIds.has(r.id)) {
          skipped.push(`“${r.id}” đã dùng cho dòng trước`);
          continue;
        }
        if (targetKind && targetKind !== r.kind && !(targetKind === "section" || targetKind === "group")) {
          skipped.push(`“${r.id}” (${c.k.template.id}) là ${KIND_LABELS[r.kind].toLowerCase()}, ĐVT của dòng này cho ${KIND_LABELS[targetKind].toLowerCase()}`);
          continue;
        }
        if (targetKind === "section" || targetKind === "group") continue;
        const other = c.score < 1 ? (otherTier(key, c.k, known) ?? otherSpan(key, c.k)) : undefined;
        if (other) {
          skipped.push(other);
          continue;
        }
      } else if (targetKind && targetKind !== "section" && targetKind !== "group") continue;
      match = c;
      break;
    }

    let id: string | undefined;
    let status: RowStatus = "new";
    let reusedFrom: ReviewRow["reusedFrom"];
    if (!kind) {
      if (match && !isValueRow(match.k.row)) {
        kind = match.k.row.kind;
        evidence.push(`tiêu đề “${match.k.row.label}” của ${match.k.template.id}`);
      } else if (fromUnit) {
        kind = fromUnit.kind;
        evidence.push(fromUnit.why);
      } else if (match && isValueRow(match.k.row)) {
        kind = match.k.row.kind;
        evidence.push(`không có ĐVT; loại theo chỉ tiêu “${match.k.row.id}”`);
      } else if (ROMAN.test(src.stt)) {
        kind = "section";
        evidence.push(`STT “${src.stt}” là số La Mã`);
      } else if (national && /^\d+\.?$/.test(src.stt) && hasChildren(rows, i)) {
        kind = "section";
        evidence.push(`STT “${src.stt}” là cấp đầu của cách đánh số 1, 1.1, 1.1.1`);
      } else if (hasChildren(rows, i)) {
        kind = "group";
        evidence.push("không có ĐVT, có các dòng con bên dưới");
      } else {
        kind = "text";
        evidence.push("không có ĐVT và không có dòng con: nội dung văn bản");
      }
    }
    if (kind === "section") [section, group] = [foldText(src.label), ""];
    else if (kind === "group") group = foldText(src.label);
    if (kind === "section" || kind === "group") {
      status = "heading";
      if (match) prev = match.k;
    } else {
      if (edit?.id) {
        id = edit.id;
        evidence.push("mã do người rà soát nhập");
        const same = known.find((k) => isValueRow(k.row) && k.row.id === id);
        status = same ? "reused" : "new";
        if (same) reusedFrom = { template: same.template.id, label: same.row.label, score: 1 };
      } else if (match && isValueRow(match.k.row)) {
        id = match.k.row.id;
        status = "reused";
        reusedFrom = { template: match.k.template.id, label: match.k.row.label, score: match.score };
        evidence.push(
          match.score === 1
            ? `trùng nhãn với “${match.k.row.label}” (${match.k.template.id})`
            : `gần giống “${match.k.row.label}” (${match.k.template.id}, độ giống ${Math.round(match.score * 100)}%)`,
        );
        if (ranked.length > 1) evidence.push(`chọn trong ${ranked.length} dòng cùng nhãn theo nhóm, mục và thứ tự`);
        prev = match.k;
      }
      if (skipped.length) evidence.push(`không dùng ${skipped.slice(0, 2).join("; ")}`);
      if (id) usedIds.add(id);
    }
    drafts.push({
      src,
      kind,
      unit,
      id,
      status,
      reusedFrom,
      known: match?.k,
      codes: kind === "coded" ? parseCodes(unit) : undefined,
      evidence,
      section,
      group,
    });
  });

  // New IDs: a slug of the label under the namespace its section's known rows use; stable for the same table.
  const allIds = new Set<string>(usedIds);
  for (const k of known) if (isValueRow(k.row)) allIds.add(k.row.id);
  for (const d of drafts) {
    if (d.status !== "new" || d.id) continue;
    const ns = namespaceOf(drafts, d);
    let id = `${ns}.${slug(d.src.label)}`;
    for (let n = 2; allIds.has(id); n++) id = `${ns}.${slug(d.src.label)}_${n}`;
    allIds.add(id);
    d.id = id;
    d.evidence.push(`mã mới “${id}” từ nhãn (không có chỉ tiêu trùng hoặc gần giống${d.evidence.some((e) => e.startsWith("không dùng")) ? " phù hợp" : ""})`);
  }
  for (const d of drafts) if (d.kind === "coded" && !d.codes) d.evidence.push("CẦN SỬA: dòng mã hóa cần ĐVT dạng “Không = 0, Có = 1”");

  const relations = inferRelations(drafts.map((d) => ({ stt: d.src.stt, label: d.src.label, unit: d.unit, kind: d.kind })));
  const ties = rateTies(drafts, relations, opts.edits);
  inferAggregates(drafts, ties);
  const template = buildTemplate(drafts, grid, header.row, templateId, opts);
  const ruleReview = inferRules(drafts, relations, ties, templateId, pkg).map((r) => (opts.droppedRules?.has(r.rule.id) ? { ...r, dropped: true } : r));
  const untiedRates: UntiedRate[] = [];
  drafts.forEach((d, i) => {
    const tie = ties.get(i);
    if (d.kind !== "percent" || !d.id || d.aggregate?.type === "ratio" || !tie) return;
    const candidates = tie.candidates.length ? tie.candidates : drafts.map((_x, j) => j).filter((j) => drafts[j].kind === "count" && Math.abs(j - i) <= 6);
    untiedRates.push({
      index: i,
      id: d.id,
      label: d.src.label,
      why: tie.evidence,
      candidates: candidates.filter((j) => drafts[j].id).map((j) => ({ id: drafts[j].id!, label: drafts[j].src.label })),
    });
  });
  const review: ReviewRow[] = drafts.map((d) => ({
    sheetRow: d.src.r + 1,
    stt: d.src.stt,
    label: d.src.label,
    unit: d.unit,
    kind: d.kind,
    id: d.id,
    status: d.status,
    reusedFrom: d.reusedFrom,
    aggregate: d.aggregate ? describeAggregate(d.aggregate) : undefined,
    evidence: [...d.evidence, ...(d.aggregateWhy ? [d.aggregateWhy] : [])],
  }));
  const values = review.filter((r) => r.status !== "heading");
  return {
    template,
    rules: ruleReview.filter((r) => !r.existing && !r.dropped).map((r) => r.rule),
    review,
    ruleReview,
    untiedRates,
    stats: {
      rows: review.length,
      indicators: values.length,
      reused: values.filter((r) => r.status === "reused").length,
      newIds: values.filter((r) => r.status === "new").length,
      headings: review.length - values.length,
    },
  };
}

/** The first ID segment most reused rows of the same section have ("direction", "procedures"), else "chi_tieu". */
function namespaceOf(drafts: Draft[], d: Draft): string {
  const counts = new Map<string, number>();
  for (const o of drafts) if (o.section === d.section && o.status === "reused" && o.id) counts.set(o.id.split(".")[0], (counts.get(o.id.split(".")[0]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "chi_tieu";
}

const isValue = (d: Draft): boolean => d.kind !== "section" && d.kind !== "group";

/** A rate's two rows with the evidence and confidence behind them. */
interface Tie {
  numerator?: number;
  denominator?: number;
  confidence?: Confidence;
  evidence: string;
  candidates: number[];
}

/** Rates tied by the author in the review, else by the relations read from the table. */
function rateTies(drafts: Draft[], relations: Relations, edits: AuthorOptions["edits"]): Map<number, Tie> {
  const ties = new Map<number, Tie>(relations.rates);
  const at = (id: string | undefined) => (id ? drafts.findIndex((d) => d.id === id) : -1);
  edits?.forEach((e, i) => {
    const [n, d] = [at(e.numerator), at(e.denominator)];
    if (n >= 0 && d >= 0 && n !== d) ties.set(i, { numerator: n, denominator: d, confidence: "stated", evidence: "tử số và mẫu số do người rà soát chọn", candidates: [] });
  });
  return ties;
}

function inferAggregates(drafts: Draft[], ties: Map<number, Tie>): void {
  const ids = new Set(drafts.map((d) => d.id).filter(Boolean));
  drafts.forEach((d, i) => {
    if (!isValue(d)) return;
    const known = d.known && isValueRow(d.known.row) ? d.known.row : undefined;
    // A reused indicator keeps how it was merged, when what it needs is in this template too.
    if (known && known.kind === d.kind && (known.aggregate.type !== "ratio" || (ids.has(known.aggregate.numerator) && ids.has(known.aggregate.denominator)))) {
      if (known.aggregate.type !== "countCode" || d.codes?.some((c) => c.value === (known.aggregate as { code: number }).code)) {
        d.aggregate = known.aggregate;
        d.fromCatalog = true;
        d.aggregateWhy = `tổng hợp như chỉ tiêu có sẵn (${describeAggregate(known.aggregate)})`;
        return;
      }
    }
    switch (d.kind) {
      case "count":
      case "money":
        d.aggregate = { type: "sum" };
        d.aggregateWhy = "tổng hợp: cộng các đơn vị";
        return;
      case "text":
        d.aggregate = { type: "none", reason: "Nội dung văn bản, không tổng hợp số liệu" };
        d.aggregateWhy = "văn bản: không tổng hợp";
        return;
      case "coded": {
        const yes = d.codes?.find((c) => /^(co|da|tot|da thuc hien|co thuc hien)$/.test(foldText(c.label)));
        if (d.codes?.length === 2 && yes) {
          d.aggregate = { type: "countCode", code: yes.value };
          d.aggregateWhy = `tổng hợp: đếm số đơn vị trả lời “${yes.label}” (= ${yes.value})`;
        } else {
          d.aggregate = { type: "none", reason: "Mã lựa chọn, chỉ xem theo từng đơn vị" };
          d.aggregateWhy = "mã lựa chọn nhiều giá trị: không tổng hợp, xem theo từng đơn vị";
        }
        return;
      }
      case "percent": {
        const tie = ties.get(i);
        const [num, den] = [tie?.numerator === undefined ? undefined : drafts[tie.numerator], tie?.denominator === undefined ? undefined : drafts[tie.denominator]];
        if (tie && num?.id && den?.id) {
          d.aggregate = { type: "ratio", numerator: num.id, denominator: den.id };
          d.aggregateWhy = `tỷ lệ tính lại = 100 × “${num.src.label.trim()}” / “${den.src.label.trim()}” (${tie.evidence}; ${tie.confidence === "stated" ? "chắc chắn" : "phỏng đoán, cần xem lại"})`;
        } else {
          d.aggregate = { type: "none", reason: "Chưa gắn tỷ lệ với tử số và mẫu số" };
          d.aggregateWhy = `chưa gắn được tử số, mẫu số (${tie?.evidence ?? "không rõ chủ đề"}): tỷ lệ chỉ xem theo từng đơn vị cho đến khi người rà soát chọn`;
        }
      }
    }
  });
}

export function describeAggregate(a: Aggregate): string {
  switch (a.type) {
    case "sum":
      return "cộng";
    case "ratio":
      return `100 × ${a.numerator} / ${a.denominator}`;
    case "countCode":
      return `đếm mã ${a.code}`;
    case "none":
      return `không tổng hợp (${a.reason})`;
  }
}

/**
 * A first guess the author reviews: "lũy kế" and counts of the period accumulate; snapshots at the
 * reporting date (in force, present, assigned), coded answers, text and rates of parts are stocks.
 */
function guessAccumulation(kind: ValueKind, label: string): Accumulation {
  const t = foldText(label);
  if (t.includes("luy ke")) return "cumulative";
  if (kind === "coded" || kind === "text") return "stock";
  if (kind === "percent") return t.includes("hoan thanh") ? "cumulative" : "stock";
  return /dang co hieu luc|co mat|duoc giao|tai thoi diem|dang cung cap|du dieu kien|so luong lanh dao/.test(t) ? "stock" : "cumulative";
}

function buildTemplate(drafts: Draft[], grid: Grid, headerRow: number, id: string, opts: AuthorOptions): Template {
  const title = titleOf(grid, headerRow);
  const noteHeader = cellText(grid.rows[headerRow]?.find((c) => /^(ghi chu|co quan)/.test(foldText(cellText(c))))) || "Ghi chú";
  const rows: TemplateRow[] = drafts.map((d) => {
    if (!isValue(d)) return { stt: d.src.stt, label: d.src.label, kind: d.kind as "section" | "group" };
    const kind = d.kind as ValueKind;
    const row: ValueRow = { stt: d.src.stt, label: d.src.label, kind, id: d.id!, unit: d.unit, aggregate: d.aggregate!, accumulation: guessAccumulation(kind, d.src.label) };
    if (d.kind === "coded") row.codes = d.codes ?? [{ value: 0, label: "Không" }, { value: 1, label: "Có" }];
    return row;
  });
  return {
    id,
    unitType: opts.unitType,
    unitTypeLabel: opts.unitTypeLabel,
    version: opts.version,
    name: opts.name ?? `${opts.unitTypeLabel} — mẫu ${opts.version}`,
    title,
    noteHeader,
    source: opts.source ?? `Tạo từ trang “${grid.name}”`,
    rows,
  };
}

function titleOf(grid: Grid, headerRow: number): string {
  for (let r = 0; r < headerRow; r++)
    for (const c of grid.rows[r] ?? []) {
      const t = cellText(c);
      if (/^thong ke/.test(foldText(t))) return t;
    }
  return "THỐNG KÊ SỐ LIỆU VÀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH";
}

/**
 * Part ≤ whole, rate = 100 × numerator / denominator, coded answer vs. its details — each with the rows it
 * rests on. What the layout states becomes an error rule; what only the wording suggests, a warning.
 */
function inferRules(drafts: Draft[], relations: Relations, ties: Map<number, Tie>, templateId: string, pkg: LoadedPackage): RuleProposal[] {
  const out: RuleProposal[] = [];
  const add = (rule: Rule, evidence: string, confidence: Confidence) => {
    const existing = sameRule(rule, pkg.ruleSet.rules);
    out.push({ rule, evidence, confidence, existing: existing?.id, existingSeverity: existing?.severity });
  };
  let n = 0;
  const ruleId = (kind: string) => `${templateId}.${kind}-${++n}`;
  const short = (d: Draft) => d.src.label.replace(/^[-–+•\s]+/, "").replace(/[:.,;\s]+$/, "");
  const severity = (c: Confidence) => (c === "stated" ? "error" : "warning");

  drafts.forEach((d, i) => {
    if (!isValue(d) || !d.id) return;
    // A reused rate keeps the catalog's tie, which the catalog states.
    const tie: Tie | undefined = d.fromCatalog ? { confidence: "stated", evidence: d.aggregateWhy ?? "", candidates: [] } : ties.get(i);
    if (d.aggregate?.type === "ratio" && tie?.confidence) {
      const { numerator, denominator } = d.aggregate;
      add(
        {
          id: ruleId("ty-le"),
          type: "rate",
          severity: severity(tie.confidence),
          description: `“${short(d)}” phải bằng 100 × tử số / mẫu số của chính các dòng thành phần (sai lệch cho phép 1 điểm phần trăm); để trống tỷ lệ khi đã có số liệu thành phần thì được nhắc.`,
          rate: d.id,
          numerator,
          denominator,
          tolerance: 1,
          blankSeverity: "warning",
        },
        d.aggregateWhy ?? tie.evidence,
        tie.confidence,
      );
    }
    const whole = relations.wholes.get(i);
    const w = whole ? drafts[whole.whole] : undefined;
    if ((d.kind === "count" || d.kind === "money") && whole && w?.id) {
      add(
        {
          id: ruleId("bo-phan"),
          type: "compare",
          severity: severity(whole.confidence),
          description: `“${short(d)}” là một phần của “${short(w)}”, không thể lớn hơn.`,
          left: [d.id],
          operator: "<=",
          right: [w.id],
          missing: { left: "skipIfAnyMissing", right: "skipIfAnyMissing" },
        },
        whole.evidence,
        whole.confidence,
      );
    }
    const details = relations.details.get(i);
    const no = d.kind === "coded" ? d.codes?.find((c) => c.value === 0) : undefined;
    if (details && no && /^(khong|chua|chua co|chua thuc hien)$/.test(foldText(no.label))) {
      const rows = details.map((j) => drafts[j]).filter((x) => x.id);
      if (rows.length)
        add(
          {
            id: ruleId("ma-chi-tiet"),
            type: "codedDetails",
            severity: "error",
            description: `Trả lời “${no.label}” cho “${short(d)}” nhưng lại báo số liệu chi tiết bên dưới là mâu thuẫn.`,
            coded: d.id,
            code: 0,
            details: rows.map((x) => x.id!),
          },
          `dòng mã hóa “${no.label} = 0” có ${rows.length} dòng số chi tiết ngay dưới: ${rows.map((x) => `“${short(x)}”`).join(", ")}`,
          "stated",
        );
    }
  });
  // Items under one total that each name a different kind of one exclusive set ("trực tuyến", "trực tiếp")
  // share it out: their sum above the total is wrong. The kinds are read from the wording, so a warning.
  const partsOf = new Map<number, number[]>();
  for (const p of relations.wholes.values())
    if (p.confidence === "stated" && drafts[p.part].id && drafts[p.whole].id) partsOf.set(p.whole, [...(partsOf.get(p.whole) ?? []), p.part]);
  for (const [w, parts] of partsOf) {
    const set = parts.length >= 2 ? exclusiveSet(parts.map((j) => drafts[j].src.label)) : undefined;
    if (!set) continue;
    const names = parts.map((j) => `“${short(drafts[j])}”`).join(" + ");
    add(
      {
        id: ruleId("tong-bo-phan"),
        type: "compare",
        severity: "warning",
        description: `Tổng ${names} không thể lớn hơn “${short(drafts[w])}”.`,
        left: parts.map((j) => drafts[j].id!),
        operator: "<=",
        right: [drafts[w].id!],
        missing: { left: "skipIfAllMissing", right: "skipIfAnyMissing" },
      },
      `các dòng dưới “${short(drafts[w])}” (${relations.wholes.get(parts[0])!.evidence}) mỗi dòng một loại khác nhau: ${set.join(" / ")}`,
      "likely",
    );
  }
  return out;
}

/** The exclusive set of kinds the labels name one each, all different ("trực tuyến", "trực tiếp"), if any. */
function exclusiveSet(labels: string[]): string[] | undefined {
  const folded = labels.map((l) => ` ${foldText(l)} `);
  for (const set of defaultVocabulary().exclusive) {
    const named = folded.map((f) => set.filter((k) => f.includes(` ${k} `)));
    if (named.every((n) => n.length === 1) && new Set(named.map((n) => n[0])).size === labels.length) return set;
  }
  return undefined;
}

/** An existing rule saying the same about the same indicators. */
function sameRule(rule: Rule, rules: Rule[]): Rule | undefined {
  const key = (r: Rule) =>
    `${r.type}|${r.type === "compare" ? r.operator : r.type === "codedDetails" ? r.code : ""}|${ruleIndicators(r)
      .map((x) => `${x.field}:${x.id}`)
      .sort()
      .join(",")}`;
  const k = key(rule);
  return rules.find((r) => r.type === rule.type && key(r) === k);
}
