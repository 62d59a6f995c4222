import { FileOutcome } from "./consolidate";

/** What a merge says at a glance: each kind a count and a filter of the file list. */
export type SummaryKind = "submitted" | "withErrors" | "unresolved" | "duplicate" | "otherPeriod" | "rejected" | "missing";

export const SUMMARY_KINDS: SummaryKind[] = ["submitted", "withErrors", "unresolved", "duplicate", "otherPeriod", "rejected", "missing"];

export const SUMMARY_LABEL: Record<SummaryKind, string> = {
  submitted: "Đã nộp",
  withErrors: "Có lỗi",
  unresolved: "Chưa rõ đơn vị",
  duplicate: "Trùng",
  otherPeriod: "Khác kỳ",
  rejected: "Tệp hỏng",
  missing: "Chưa nộp",
};

/** How a count is coloured: a problem only when there is one. */
export const SUMMARY_TONE: Record<SummaryKind, "ok" | "warning" | "error"> = {
  submitted: "ok",
  withErrors: "warning",
  unresolved: "error",
  duplicate: "warning",
  otherPeriod: "warning",
  rejected: "error",
  missing: "error",
};

/** One line of the list: a received file, or an expected unit that sent none. */
export interface SummaryEntry {
  /** The file name; for a unit that sent nothing, its name. */
  name: string;
  unitName?: string;
  kind: SummaryKind;
  /** Submitted files: their findings. */
  errors: number;
  warnings: number;
  detail?: string;
}

export interface MergeSummary {
  counts: Record<SummaryKind, number>;
  /** Problems first (the worst kinds, then the most errors), clean submissions last. */
  entries: SummaryEntry[];
}

/** The kinds that make a file a problem, worst first; the order of the list. */
const RANK: Record<SummaryKind, number> = { rejected: 0, unresolved: 1, missing: 2, withErrors: 3, duplicate: 4, otherPeriod: 5, submitted: 6 };

/** What the counts are made of: a consolidation, or a merge's outcome as the task pane receives it. */
export interface MergeTally {
  files: FileOutcome[];
  units: { fileName: string; unitName: string; errors: number; warnings: number }[];
  missing: string[];
}

/** Counts and the file list of a consolidation; a submitted file with errors counts as both submitted and with errors. */
export function summarizeMerge(c: MergeTally): MergeSummary {
  const byFile = new Map(c.units.map((u) => [u.fileName, u]));
  const entries: SummaryEntry[] = c.files.map((f) => {
    const u = f.status === "read" ? byFile.get(f.fileName) : undefined;
    const errors = u?.errors ?? 0;
    const kind: SummaryKind =
      f.status === "read" ? (errors ? "withErrors" : "submitted") : f.status === "rejected" ? "rejected" : f.status;
    return { name: f.fileName, unitName: u?.unitName ?? f.unitName, kind, errors, warnings: u?.warnings ?? 0, detail: f.reason };
  });
  for (const m of c.missing) entries.push({ name: m, unitName: m, kind: "missing", errors: 0, warnings: 0 });
  entries.sort((a, b) => RANK[a.kind] - RANK[b.kind] || b.errors - a.errors || b.warnings - a.warnings);
  const counts = Object.fromEntries(SUMMARY_KINDS.map((k) => [k, 0])) as Record<SummaryKind, number>;
  for (const e of entries) counts[e.kind]++;
  counts.submitted = c.units.length;
  return { counts, entries };
}

/** Does `e` belong under the count `k` (the submitted count holds the files with errors too)? */
export function inSummary(e: SummaryEntry, k: SummaryKind): boolean {
  return e.kind === k || (k === "submitted" && e.kind === "withErrors");
}
