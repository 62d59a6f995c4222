import { Catalog, valueRows } from "../catalog/catalog";
import { Rule, RuleSet } from "./schema";

/** Indicators named by a rule, for checking them against the templates. */
export function ruleIndicators(r: Rule): { field: string; id: string }[] {
  switch (r.type) {
    case "compare":
      return [...r.left.map((id) => ({ field: "left", id })), ...r.right.map((id) => ({ field: "right", id }))];
    case "rate":
      return [
        { field: "rate", id: r.rate },
        { field: "numerator", id: r.numerator },
        { field: "denominator", id: r.denominator },
      ];
    case "codedDetails":
      return [{ field: "coded", id: r.coded }, ...r.details.map((id) => ({ field: "details", id }))];
    case "blankTotal":
    case "overlap":
      return [{ field: "total", id: r.total }, ...r.parts.map((id) => ({ field: "parts", id }))];
    case "previous":
    case "structure":
      return [];
  }
}

/** Rules naming an indicator no template has: such a rule would never fire, so the set is refused. */
export function unknownRuleIndicators(rs: RuleSet, catalog: Catalog): { rule: string; field: string; indicator: string }[] {
  const known = new Set<string>();
  for (const t of catalog.templates) for (const row of valueRows(t)) known.add(row.id);
  const unknown: { rule: string; field: string; indicator: string }[] = [];
  for (const r of rs.rules) for (const { field, id } of ruleIndicators(r)) if (!known.has(id)) unknown.push({ rule: r.id, field, indicator: id });
  return unknown;
}

/** "quy tắc “a” (trường “left”): chỉ tiêu “x” không có trong biểu mẫu nào; …" — the first few. */
export function describeUnknownIndicators(unknown: { rule: string; field: string; indicator: string }[], limit = 5): string {
  const shown = unknown.slice(0, limit).map((u) => `quy tắc “${u.rule}” (trường “${u.field}”) nêu chỉ tiêu “${u.indicator}” không có trong biểu mẫu nào`);
  const more = unknown.length > limit ? ` (và ${unknown.length - limit} chỗ khác)` : "";
  return shown.join("; ") + more;
}
