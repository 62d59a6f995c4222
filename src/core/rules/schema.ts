import { z } from "zod";
import { IndicatorId, describeIssues } from "../catalog/schema";

/**
 * The rule set as data, after DHIS2's validation rules: a left side, an operator, a right side,
 * an importance and a missing-value strategy, plus the structural checks every sheet gets.
 */
export const Severity = z.enum(["error", "warning"]);

/** DHIS2's missing value strategies. */
export const MissingStrategy = z.enum(["skipIfAnyMissing", "skipIfAllMissing", "neverSkip"]);

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
    missing: MissingStrategy,
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
]);

/** Checks of the sheet's shape; their messages are templates with {placeholders}. */
export const StructureRule = z
  .object({
    ...base,
    type: z.literal("structure"),
    check: StructureCheck,
    message: z.string().min(1),
  })
  .strict();

export const Rule = z.discriminatedUnion("type", [CompareRule, RateRule, CodedDetailsRule, StructureRule]);

export const RuleSet = z
  .object({
    version: z.string().min(1),
    name: z.string().min(1),
    /** Units that mean the same thing ("Thủ tục" = "TTHC"); a unit outside its group is a change. */
    unitSynonyms: z.array(z.array(z.string().min(1)).min(2)),
    rules: z.array(Rule).min(1),
  })
  .strict()
  .superRefine((rs, ctx) => {
    const seen = new Set<string>();
    for (const r of rs.rules) {
      if (seen.has(r.id)) ctx.addIssue({ code: "custom", message: `rule ID ${r.id} is repeated` });
      seen.add(r.id);
    }
  });

export type Rule = z.infer<typeof Rule>;
export type RuleSet = z.infer<typeof RuleSet>;
export type CompareRule = z.infer<typeof CompareRule>;
export type RateRule = z.infer<typeof RateRule>;
export type StructureRule = z.infer<typeof StructureRule>;
export type StructureCheck = z.infer<typeof StructureCheck>;

export class RuleSetError extends Error {}

/** Loads a province's rule set from its JSON text (e.g. a file published by Sở Nội vụ). */
export function parseRuleSet(json: unknown): RuleSet {
  let data = json;
  if (typeof json === "string") {
    try {
      data = JSON.parse(json);
    } catch {
      throw new RuleSetError("Tệp bộ quy tắc không phải JSON hợp lệ.");
    }
  }
  const parsed = RuleSet.safeParse(data);
  if (!parsed.success) {
    throw new RuleSetError(`Bộ quy tắc không hợp lệ: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

export function serializeRuleSet(rs: RuleSet): string {
  return JSON.stringify(rs, null, 2) + "\n";
}
