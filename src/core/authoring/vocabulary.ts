import { z } from "zod";
import { describeIssues } from "../issues";
import builtinVocabulary from "../../../catalog/authoring/relations.json";

const Phrase = z.string().min(1).regex(/^[a-z0-9 ]+$/, "cụm từ viết thường, không dấu");

/** What ties the rows of an appendix together, as data (catalog/authoring/relations.json). */
export const RelationVocabulary = z
  .object({
    description: z.string().optional(),
    /** Two-word terms kept as one token, so "số hóa" is not the "Số" every label starts with. */
    compounds: z.array(Phrase),
    /** Words that say nothing about what is counted. */
    stopWords: z.array(Phrase),
    /** Phrases that narrow nothing ("trên địa bàn", "trong kỳ"). */
    fillers: z.array(Phrase),
    /** Words a label may leave out without naming something else ("TTHC", "của UBND xã"). */
    genericWords: z.array(Phrase),
    /** How a rate's label starts. */
    rateWords: z.array(Phrase).min(1),
    /** What a rate's label puts before the denominator it names ("trên tổng số …", "so với …"). */
    denominatorMarkers: z.array(Phrase),
    /** What opens a part of the row above ("Trong đó: …"). */
    partMarkers: z.array(Phrase),
    /** What ends a row whose items follow ("…, gồm:"). */
    listEndings: z.array(Phrase),
    /** Counts of the same things at two stages: the part's stage never exceeds the whole's. */
    subsetPairs: z.array(z.object({ whole: z.array(Phrase).min(1), part: z.array(Phrase).min(1), /** Shown as evidence, with diacritics. */ label: z.string().min(1) }).strict()),
    /** Words that narrow a count to a subset of the same things ("trực tuyến", "ký số"). */
    qualifiers: z.array(Phrase),
    /** Tiers of government a label may name ("cấp tỉnh", "UBND xã"): a row of one tier is not the same indicator as its sibling of another. */
    levels: z.array(z.object({ label: z.string().min(1), phrases: z.array(Phrase).min(1) }).strict()),
    /** Words that split things into kinds no thing has two of ("trực tuyến" / "trực tiếp"): items each naming a different one share out their total. */
    exclusive: z.array(z.array(Phrase).min(2)),
    /**
     * What counts only the things that arrived in the period ("hồ sơ mới tiếp nhận", "tiếp nhận trong kỳ"),
     * where a plain count of received cases includes those carried over: the two are not one indicator.
     */
    newInPeriod: z.array(Phrase),
  })
  .strict();

export type RelationVocabulary = z.infer<typeof RelationVocabulary>;

export class VocabularyError extends Error {}

export function parseVocabulary(data: unknown): RelationVocabulary {
  const parsed = RelationVocabulary.safeParse(data);
  if (!parsed.success) throw new VocabularyError(`Từ vựng quan hệ giữa các dòng không hợp lệ: ${describeIssues(parsed.error, data, {})}`);
  return parsed.data;
}

let cached: RelationVocabulary | undefined;

/** The built-in vocabulary, validated once. */
export function defaultVocabulary(): RelationVocabulary {
  cached ??= parseVocabulary(builtinVocabulary);
  return cached;
}
