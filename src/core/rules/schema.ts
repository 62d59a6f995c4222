import { z } from "zod";
import { IndicatorId } from "../catalog/schema";
import { describeIssues } from "../issues";
import { RuleMessages } from "./messages";

/**
 * The rule set as data, after DHIS2's validation rules: a left side, an operator, a right side,
 * an importance and a missing-value strategy, plus the structural checks every sheet gets.
 */
export const Severity = z.enum(["error", "warning"]);

/** DHIS2's missing value strategies. */
export const MissingStrategy = z.enum(["skipIfAnyMissing", "skipIfAllMissing", "neverSkip"]);

/**
 * DHIS2's per-side strategy: skipIfAnyMissing skips the rule when a value of that side is blank;
 * skipIfAllMissing skips it only when every value of that side is blank (the others count, blanks as 0);
 * neverSkip counts blanks as 0. A row the template does not have is a blank.
 */
export const SideMissing = z.object({ left: MissingStrategy, right: MissingStrategy }).strict();

const base = {
  id: z.string().regex(/^[a-z0-9][a-z0-9._<>=+-]*$/),
  severity: Severity,
  /** What the rule protects, in Vietnamese, for the rule list shown to officers. */
  description: z.string().min(1),
};

/** Σ left (op) Σ right: part ≤ whole, subset ≤ set, total = sum of parts. */
export const CompareRule = z
  .object({
    ...base,
    type: z.literal("compare"),
    left: z.array(IndicatorId).min(1),
    operator: z.enum(["<=", "<", "==", ">=", ">"]),
    right: z.array(IndicatorId).min(1),
    /** One per side; a file may still give one for the whole rule, converted when it is parsed (normalized). */
    missing: z.union([MissingStrategy, SideMissing]),
    /** Short Vietnamese names of the sides for messages; default: the rows' labels. */
    leftLabel: z.string().optional(),
    rightLabel: z.string().optional(),
  })
  .strict();

/** A rate is 100 × numerator / denominator within rounding; blank while its parts are filled is reported. */
export const RateRule = z
  .object({
    ...base,
    type: z.literal("rate"),
    rate: IndicatorId,
    numerator: IndicatorId,
    denominator: IndicatorId,
    /** Allowed absolute difference in percentage points (rounding to whole percents). */
    tolerance: z.number().nonnegative(),
    blankSeverity: Severity,
  })
  .strict();

/** A coded answer contradicting its details: answered `code` ("Không") while detail rows show activity. */
export const CodedDetailsRule = z
  .object({
    ...base,
    type: z.literal("codedDetails"),
    coded: IndicatorId,
    code: z.number().int(),
    details: z.array(IndicatorId).min(1),
  })
  .strict();

/** A total left blank while its parts (sum: they add up to it) or its sub-items are filled. */
export const BlankTotalRule = z
  .object({
    ...base,
    type: z.literal("blankTotal"),
    total: IndicatorId,
    parts: z.array(IndicatorId).min(1),
    /** The parts add up to the total, so the message gives their sum. */
    sum: z.boolean(),
  })
  .strict();

/**
 * A total whose parts may overlap (003: 389 TTHC = 275 district + 130 commune − 16 shared): a part above
 * the total or a total above the sum of its parts is certainly wrong (`severity`); a total below the sum
 * needs the unit's note, which the message quotes and tests against the difference (`overlapSeverity`).
 */
export const OverlapRule = z
  .object({
    ...base,
    type: z.literal("overlap"),
    total: IndicatorId,
    parts: z.array(IndicatorId).min(2),
    overlapSeverity: Severity,
  })
  .strict();

/**
 * A comparison with the unit's previous submission (src/core/compare/previous.ts); rule IDs start with
 * "previous.". Thresholds are data so a province can tune them (docs/checks.md).
 */
export const PreviousRule = z
  .object({
    ...base,
    id: z.string().regex(/^previous\.[a-z0-9._-]+$/),
    type: z.literal("previous"),
    /**
     * fell: a cumulative figure below the previous one of a window it contains;
     * jump: ×10-like change (after the growth the longer window explains);
     * digitsSwapped: a stock that differs only by two adjacent digits swapped;
     * sameFile: every figure equal to the previous period's.
     */
    check: z.enum(["fell", "jump", "digitsSwapped", "sameFile"]),
    /** fell, jump, digitsSwapped: the larger of the two values must reach this (small numbers move a lot). */
    minValue: z.number().nonnegative().default(0),
    /** jump: the ratio (beyond the window's growth) from which a change looks like a digit too many or too few. */
    factor: z.number().gt(1).default(8),
    /** fell: percentage points a rate may fall by rounding. */
    tolerance: z.number().nonnegative().default(0),
    /** sameFile: how many non-zero figures must repeat before identical files are suspicious. */
    minNonZero: z.number().int().positive().default(5),
  })
  .strict();

export const StructureCheck = z.enum([
  "valueKind",
  "ambiguousNumber",
  "headingValue",
  "noteValue",
  "shiftedBlock",
  "unitChanged",
  "unitVariant",
  "rowMissing",
  "numbering",
  "unknownRow",
  "moneyScale",
]);

/** Checks of the sheet's shape; what each says is the rule set's messages.structure[check]. */
export const StructureRule = z
  .object({
    ...base,
    type: z.literal("structure"),
    check: StructureCheck,
    /** A file may still word its check here; moved into the rule set's messages when it is parsed. */
    message: z.string().min(1).optional(),
    /** moneyScale: the amount in đồng no unit's figure reaches (a figure typed in đồng where the row counts millions does). */
    limit: z.number().positive().optional(),
  })
  .strict();

export const Rule = z.discriminatedUnion("type", [CompareRule, RateRule, CodedDetailsRule, BlankTotalRule, OverlapRule, PreviousRule, StructureRule]);

/**
 * Province-level outliers on the Tổng hợp sheet (src/core/compare/outliers.ts): robust z-scores from the
 * median and MAD of log(1 + count), or of rates recomputed from their parts; never an error.
 */
export const OutlierSettings = z
  .object({
    /** Fewer reporting units than this: no outliers (a median of three is not a norm). */
    minUnits: z.number().int().min(3),
    /** Robust z-score (0.6745 × |x − median| / spread) from which a unit is shown. */
    threshold: z.number().positive(),
    /** Smallest spread of log(1 + count) used, so near-identical or zero-heavy data do not flag small differences. */
    minSpreadLog: z.number().positive(),
    /** Counts: a unit is shown only when its value or the median reaches this. */
    minCount: z.number().nonnegative(),
    /** Rates: only units whose denominator reaches this take part. */
    minDenominator: z.number().nonnegative(),
    /** Smallest spread of rates, in percentage points. */
    minSpreadRate: z.number().positive(),
  })
  .strict();

const RuleSetFields = z
  .object({
    version: z.string().min(1),
    name: z.string().min(1),
    /** Units that mean the same thing ("Thủ tục" = "TTHC"); a unit outside its group is a change. */
    unitSynonyms: z.array(z.array(z.string().min(1)).min(2)),
    /** Money units by their size in đồng ("Triệu đồng": 1000000): a figure sent in another one is converted. */
    unitScales: z.record(z.string().min(1), z.number().positive()).optional(),
    rules: z.array(Rule).min(1),
    outliers: OutlierSettings.optional(),
    /** Rewording of what rules say, by rule type and outcome (src/core/rules/messages.ts has every sentence). */
    messages: RuleMessages.optional(),
  })
  .strict();

export const RuleSet = RuleSetFields.superRefine((rs, ctx) => {
  const seen = new Set<string>();
  rs.rules.forEach((r, i) => {
    if (seen.has(r.id)) ctx.addIssue({ code: "custom", path: ["rules", i, "id"], message: "mã quy tắc này đã dùng cho một quy tắc khác" });
    seen.add(r.id);
    const self = selfReference(r);
    if (self) ctx.addIssue({ code: "custom", path: ["rules", i, self.field], message: self.message });
  });
}).transform(normalized);

type WrittenRuleSet = z.infer<typeof RuleSetFields>;
type WrittenRule = z.infer<typeof Rule>;
export type SideMissing = z.infer<typeof SideMissing>;
export type CompareRule = Omit<z.infer<typeof CompareRule>, "missing"> & { missing: SideMissing };
export type StructureRule = Omit<z.infer<typeof StructureRule>, "message">;
export type Rule = Exclude<WrittenRule, { type: "compare" | "structure" }> | CompareRule | StructureRule;
export type RuleSet = Omit<WrittenRuleSet, "rules"> & { rules: Rule[] };

/**
 * The rule set in the one form evaluation knows: a whole-rule missing-value strategy becomes one per
 * side, and a structure rule's own wording moves into the messages (a table entry, if any, wins).
 */
function normalized(rs: WrittenRuleSet): RuleSet {
  let structure = rs.messages?.structure;
  const rules = rs.rules.map((r): Rule => {
    if (r.type === "compare" && typeof r.missing === "string") return { ...r, missing: sideMissing(r.missing) };
    if (r.type === "structure" && r.message !== undefined) {
      const { message, ...rule } = r;
      if (structure?.[r.check] === undefined) structure = { ...structure, [r.check]: message };
      return rule;
    }
    return r as Rule;
  });
  const messages = structure ? { ...rs.messages, structure } : rs.messages;
  return { ...rs, rules, ...(messages ? { messages } : {}) };
}

/**
 * A whole-rule strategy as one per side. skipIfAnyMissing is the same on each side; skipIfAllMissing and
 * neverSkip count blanks (and rows the template lacks) as 0 on each side, and evaluation skips a rule
 * whose every value is blank.
 */
function sideMissing(whole: MissingStrategy): SideMissing {
  const side = whole === "skipIfAnyMissing" ? whole : "neverSkip";
  return { left: side, right: side };
}

/**
 * A rule whose indicator meets itself (x < x, a rate that is its own numerator or denominator, a total
 * among its own parts) would find every report wrong, or never anything: refused when the set is parsed.
 */
function selfReference(r: WrittenRule): { field: string; message: string } | undefined {
  const within = (one: string, many: readonly string[]): boolean => many.includes(one);
  switch (r.type) {
    case "compare": {
      const both = r.left.find((id) => within(id, r.right));
      return both ? { field: "right", message: `chỉ tiêu “${both}” có ở cả hai vế: quy tắc so sánh một chỉ tiêu với chính nó` } : undefined;
    }
    case "rate":
      return new Set([r.rate, r.numerator, r.denominator]).size < 3
        ? { field: "rate", message: "tỷ lệ, tử số và mẫu số phải là ba chỉ tiêu khác nhau" }
        : undefined;
    case "blankTotal":
    case "overlap":
      return within(r.total, r.parts) ? { field: "parts", message: `tổng “${r.total}” nằm trong chính các phần của nó` } : undefined;
    case "codedDetails":
      return within(r.coded, r.details) ? { field: "details", message: `chỉ tiêu mã hóa “${r.coded}” nằm trong chính các chi tiết của nó` } : undefined;
    default:
      return undefined;
  }
}

export type RateRule = z.infer<typeof RateRule>;
export type BlankTotalRule = z.infer<typeof BlankTotalRule>;
export type OverlapRule = z.infer<typeof OverlapRule>;
export type MissingStrategy = z.infer<typeof MissingStrategy>;
export type PreviousRule = z.infer<typeof PreviousRule>;
export type OutlierSettings = z.infer<typeof OutlierSettings>;
export type StructureCheck = z.infer<typeof StructureCheck>;

export class RuleSetError extends Error {}

/**
 * Loads a province's rule set from its JSON text (e.g. a file published by Sở Nội vụ); a BOM is accepted and
 * a wrong shape is told in Vietnamese naming the rule and the field. Its indicators are checked against the
 * templates where it joins a package (`withRuleSet`), the same in the CLI and the task pane.
 */
export function parseRuleSet(json: unknown): RuleSet {
  let data = json;
  if (typeof json === "string") {
    try {
      // Notepad and Excel save UTF-8 with a byte order mark.
      data = JSON.parse(json.replace(/^\uFEFF/, ""));
    } catch {
      throw new RuleSetError("Tệp bộ quy tắc không phải JSON hợp lệ.");
    }
  }
  const parsed = RuleSet.safeParse(data);
  if (!parsed.success) {
    throw new RuleSetError(`Bộ quy tắc không hợp lệ: ${describeIssues(parsed.error, data, { rules: "quy tắc", unitSynonyms: "nhóm đơn vị tính" })}`);
  }
  return parsed.data;
}

export function serializeRuleSet(rs: RuleSet): string {
  return JSON.stringify(rs, null, 2) + "\n";
}
