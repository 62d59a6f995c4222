import { z } from "zod";
import { PERIODS, PeriodKind } from "./period";

/**
 * The add-in's stamp on a sheet it inserted: a hidden column holds the sheet identity in its first
 * cell and each row's indicator ID beside the row, so rows keep their identity when moved or inserted.
 */
export const ID_COLUMN = 5; // column F
export const IDENTITY_PREFIX = "CCHC-ID:";

export const SheetIdentity = z.object({
  v: z.literal(1),
  template: z.string(),
  unitName: z.string(),
  period: z.object({ kind: z.enum(PERIODS), year: z.number().int() }).optional(),
});
export type SheetIdentity = z.infer<typeof SheetIdentity>;

export function encodeIdentity(id: SheetIdentity): string {
  return IDENTITY_PREFIX + JSON.stringify(id);
}

export function decodeIdentity(text: unknown): SheetIdentity | undefined {
  if (typeof text !== "string" || !text.startsWith(IDENTITY_PREFIX)) return undefined;
  try {
    return asIdentity(JSON.parse(text.slice(IDENTITY_PREFIX.length)));
  } catch {
    return undefined;
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * `SheetIdentity.safeParse(x)`, written out: every stamped file of a merge is decoded, and zod took
 * 40 µs a stamp warm, several milliseconds before its code was compiled (test/core/identity.test.ts
 * holds the two to the same verdicts and values).
 */
function asIdentity(x: unknown): SheetIdentity | undefined {
  if (!isRecord(x) || x.v !== 1 || typeof x.template !== "string" || typeof x.unitName !== "string") return undefined;
  const p = x.period;
  if (p === undefined) return { v: 1, template: x.template, unitName: x.unitName };
  if (!isRecord(p) || !(PERIODS as readonly unknown[]).includes(p.kind) || !Number.isInteger(p.year)) return undefined;
  return { v: 1, template: x.template, unitName: x.unitName, period: { kind: p.kind as PeriodKind, year: p.year as number } };
}
