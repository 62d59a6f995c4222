/** One inconsistency, located like frictionless-py's report: rule, row, cell, message. */
export interface Finding {
  /** Rule ID from the rule set, e.g. "ho-so.dung-han<=da-giai-quyet". */
  rule: string;
  severity: "error" | "warning";
  /** 1-based Excel row number. */
  row: number;
  /** Excel address of the cell to fix, e.g. "D83". */
  cell: string;
  /** Vietnamese explanation naming the cells and values involved. */
  message: string;
  indicator?: string;
  /** Section heading the row belongs to, for grouping in the task pane. */
  section?: string;
}

export function countBySeverity(findings: Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === "error") errors++;
  return { errors, warnings: findings.length - errors };
}
