import { FileOutcome, FileStatus } from "../../core/consolidate/consolidate";
import { FileRead } from "./protocol";

/** One line of the status table: a file chosen, waiting, read, or what the merge made of it. */
export interface FileRow {
  name: string;
  status: "waiting" | FileStatus;
  detail?: string;
}

/** Where a merge is: reading files (with how many failed), consolidating, or writing into the workbook. */
export type Progress = { phase: "reading"; read: number; total: number; failed: number } | { phase: "merging"; total: number } | { phase: "writing" };

export function progressText(p: Progress): string {
  if (p.phase === "reading") return `Đang đọc ${p.read}/${p.total} tệp${p.failed ? ` — ${p.failed} tệp có lỗi` : ""}`;
  if (p.phase === "merging") return `Đang tổng hợp ${p.total} tệp…`;
  return "Đang ghi kết quả…";
}

/** Every line back to waiting; a line already waiting keeps its object (a new merge redraws nothing). */
export function waitingRows(rows: FileRow[]): FileRow[] {
  return rows.map((r) => (r.status === "waiting" && r.detail === undefined ? r : { name: r.name, status: "waiting" }));
}

/** The lines with a batch of files read taken in: only those lines get new objects. */
export function withReads(rows: FileRow[], reads: FileRead[]): FileRow[] {
  const next = rows.slice();
  for (const f of reads) next[f.index] = { name: rows[f.index].name, status: f.ok ? "read" : "rejected", detail: f.reason };
  return next;
}

/** The lines after the merge, in the order the files were chosen; a line the merge did not change keeps its object. */
export function settledRows(rows: FileRow[], outcomes: FileOutcome[]): FileRow[] {
  const byName = new Map(outcomes.map((f) => [f.fileName, f]));
  return rows.map((r) => {
    const f = byName.get(r.name);
    if (!f || (f.status === r.status && f.reason === r.detail)) return r;
    return { name: r.name, status: f.status, detail: f.reason };
  });
}

