import { z } from "zod";
import { PERIODS } from "./period";

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
    const parsed = SheetIdentity.safeParse(JSON.parse(text.slice(IDENTITY_PREFIX.length)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
