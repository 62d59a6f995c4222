import { Reporter, Template, TemplateRow, ValueRow, isValueRow } from "../catalog/schema";
import { Consolidation, UnitSubmission, mergeNumber } from "../consolidate/consolidate";
import { Finding } from "../findings";
import { TEMPLATE_FIRST_DATA_ROW } from "../layout/templateLayout";
import { Period } from "../period";
import { unitKey } from "../recognize/unitNames";
import { Submission } from "../recognize/submission";
import { evaluate } from "../rules/evaluate";
import { RuleSet } from "../rules/schema";
import { foldText, formatNumberVi } from "../text";

export const REPORT_SHEET = "Báo cáo của tỉnh";

/** Where a figure came from. */
export type FigureBasis = "body" | "units" | "rate" | "none";

export interface ReportRow {
  stt: string;
  label: string;
  kind: TemplateRow["kind"];
  /** Indicator rows only. */
  id?: string;
  unit?: string;
  /** The province's figure; null when nobody reported it (a blank, never 0). */
  value: number | null;
  /** "Theo báo cáo của Sở Tư pháp", "Tổng 28/30 đơn vị", "Tính lại: 100 × 37 / 42". */
  source: string;
  basis: FigureBasis;
  /** Who reports the row as printed in the template (headings and value rows). */
  reporterText?: string;
  /** The rate was recomputed from the report's own rows (so the sheet may show it as a formula). */
  recomputed?: boolean;
}

/** Who has to send what for the blanks of the report. */
export interface MissingItem {
  who: string;
  /** `under`: the numbered row an unnumbered item belongs to ("1.3.1" for "- Số UBND cấp huyện"). */
  rows: { id: string; stt: string; label: string; under?: string }[];
}

/** "2.1.1 Số VBQPPL do tỉnh ban hành", or "1.3.1 – Số UBND cấp huyện" for an unnumbered item. */
export function missingRowName(r: MissingItem["rows"][number]): string {
  return `${r.stt || `${r.under} –`} ${r.label.replace(/^[-–]\s*/, "")}`;
}

export interface ProvinceReport {
  template: Template;
  period?: Period;
  rows: ReportRow[];
  missing: MissingItem[];
  /** The shared rule set applied to the report itself, located on the report sheet. */
  findings: Finding[];
}

interface Figure {
  value: number | null;
  source: string;
  basis: FigureBasis;
  /** Who must send it when blank. */
  owed?: string[];
}

const ALL_UNITS = "đơn vị";

/**
 * The province's own appendix in `template`'s layout: each indicator row takes the figure of the body the
 * template names for it when that body reported, else the aggregate of the reporting units (and says so);
 * rates are recomputed from the figures used; what nobody reported stays blank and is owed by someone.
 */
export function buildProvinceReport(c: Consolidation, template: Template, ruleSet: RuleSet): ProvinceReport {
  const rowsById = new Map<string, ValueRow>();
  for (const u of c.units) for (const r of u.template.rows) if (isValueRow(r) && !rowsById.has(r.id)) rowsById.set(r.id, r);
  for (const r of template.rows) if (isValueRow(r)) rowsById.set(r.id, r);

  const figures = new Map<string, Figure>();
  const fig = (id: string, reporter: Reporter | undefined): Figure => {
    const known = figures.get(id);
    if (known) return known;
    const row = rowsById.get(id);
    const f = row ? figureOf(c, row, reporter) : { value: null, source: "", basis: "none" as const };
    figures.set(id, f);
    return f;
  };
  // Parts before rates, so a rate uses exactly the figures printed for its parts.
  for (const r of template.rows) if (isValueRow(r) && r.aggregate.type !== "ratio") fig(r.id, r.reporter);

  const inTemplate = new Set(template.rows.filter(isValueRow).map((r) => r.id));
  const rows: ReportRow[] = template.rows.map((r): ReportRow => {
    if (!isValueRow(r)) return { stt: r.stt, label: r.label, kind: r.kind, value: null, source: "", basis: "none", reporterText: r.reporter?.text };
    const base = { stt: r.stt, label: r.label, kind: r.kind, id: r.id, unit: r.unit, reporterText: r.reporter?.text };
    const a = r.aggregate;
    if (a.type === "ratio") {
      const num = fig(a.numerator, r.reporter);
      const den = fig(a.denominator, r.reporter);
      if (num.value !== null && den.value !== null && den.value > 0) {
        const value = Math.round((10000 * num.value) / den.value) / 100;
        const recomputed = inTemplate.has(a.numerator) && inTemplate.has(a.denominator);
        const from = den.source === num.source ? num.source : `tử số: ${num.source}; mẫu số: ${den.source}`;
        const f: Figure = { value, source: `Tính lại: 100 × ${formatNumberVi(num.value)} / ${formatNumberVi(den.value)} (${from})`, basis: "rate" };
        figures.set(r.id, f);
        return { ...base, ...f, recomputed };
      }
    }
    const f = figures.get(r.id) ?? figureOf(c, r, r.reporter);
    figures.set(r.id, f);
    return { ...base, value: f.value, source: f.source, basis: f.basis };
  });

  const missing = missingList(template, figures);
  const findings = checkReport(template, rows, ruleSet);
  return { template, period: c.period, rows, missing, findings };
}

/** The figure of one indicator for the province under `reporter` (no reporter: every unit, as the merge). */
function figureOf(c: Consolidation, row: ValueRow, reporter: Reporter | undefined): Figure {
  const bodies = reporter?.bodies ?? [];
  const bodyUnits = bodies.map((b) => ({ name: b, unit: c.units.find((u) => u.unitKey === unitKey(b)) }));
  const withNumber = bodyUnits.filter((b) => b.unit && mergeNumber(b.unit.values.get(row.id)) !== undefined);
  if (withNumber.length) {
    const values = withNumber.map((b) => mergeNumber(b.unit!.values.get(row.id))!);
    const names = withNumber.map((b) => b.name).join(", ");
    const value = combine(row, values);
    if (value !== null) return { value, source: `Theo báo cáo của ${names}`, basis: "body" };
    return { value: null, source: `Không cộng được số liệu của ${withNumber.map((b, i) => `${b.name}: ${formatNumberVi(values[i])}`).join("; ")}`, basis: "none" };
  }
  const absent = bodies.length ? `${bodies.join(", ")} chưa báo cáo số liệu này; ` : "";
  const scope = reporter ? reporter.units : { label: "Cơ quan, đơn vị, địa phương" };
  if (!scope) return { value: null, source: `Chờ báo cáo của ${bodies.join(", ")}`, basis: "none", owed: bodies };
  const inScope = c.units.filter((u) => !scope.unitTypes || scope.unitTypes.includes(u.unitType));
  const reported = inScope.filter((u) => mergeNumber(u.values.get(row.id)) !== undefined);
  const owed = bodies.length ? bodies : [scope.label];
  if (!reported.length) return { value: null, source: upperFirst(`${absent}chưa có đơn vị nào báo cáo`), basis: "none", owed };
  const who = scope.unitTypes ? scope.label : ALL_UNITS;
  const of = `${reported.length}/${expectedCount(c, scope.unitTypes, inScope)} ${who}`;
  const values = reported.map((u) => mergeNumber(u.values.get(row.id))!);
  const value = combine(row, values);
  if (value === null) return { value: null, source: upperFirst(`${absent}các đơn vị báo cáo khác nhau (${codeSpread(row, values)}); ${of}`), basis: "none" };
  const summed = row.kind === "count" || row.kind === "money";
  const agreed = row.kind === "coded" ? `cùng trả lời ${codeName(row, value)}` : `cùng báo cáo ${formatNumberVi(value)}`;
  return { value, source: upperFirst(`${absent}${summed ? `tổng ${of}` : `${of} ${agreed}`}`), basis: "units" };
}

/** Summed counts and money; one answer for coded, rate or text rows only when every source agrees. */
function combine(row: ValueRow, values: number[]): number | null {
  if (row.kind === "count" || row.kind === "money") return Math.round(values.reduce((s, x) => s + x, 0) * 100) / 100;
  return values.every((v) => v === values[0]) ? values[0] : null;
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function codeName(row: ValueRow, v: number): string {
  const c = row.codes?.find((x) => x.value === v);
  return c ? `${c.label} = ${v}` : formatNumberVi(v);
}

function codeSpread(row: ValueRow, values: number[]): string {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${codeName(row, v)}: ${n}`).join("; ");
}

/** Units expected in a scope: those received plus the expected ones not received (of that type when known). */
function expectedCount(c: Consolidation, unitTypes: string[] | undefined, inScope: UnitSubmission[]): number {
  const labels = new Set(c.units.filter((u) => !unitTypes || unitTypes.includes(u.unitType)).map((u) => foldText(u.unitTypeLabel)));
  const types = new Set((unitTypes ?? []).map(foldText));
  const missing = c.missing.filter((name) => {
    if (!unitTypes) return true;
    const e = c.expected.find((x) => x.name === name);
    const t = e?.unitType ? foldText(e.unitType) : undefined;
    return !!t && (labels.has(t) || types.has(t));
  });
  return inScope.length + missing.length;
}

function missingList(template: Template, figures: Map<string, Figure>): MissingItem[] {
  const byWho = new Map<string, MissingItem>();
  let numbered = "";
  for (const r of template.rows) {
    if (r.stt) numbered = r.stt;
    if (!isValueRow(r)) continue;
    const f = figures.get(r.id);
    if (!f || f.value !== null || !f.owed) continue;
    for (const who of f.owed) {
      const item = byWho.get(who) ?? { who, rows: [] };
      item.rows.push({ id: r.id, stt: r.stt, label: r.label, ...(r.stt ? {} : { under: numbered }) });
      byWho.set(who, item);
    }
  }
  return [...byWho.values()];
}

/** The report as a submission laid out like the sheet, run through the same rules as every unit's. */
function checkReport(template: Template, rows: ReportRow[], ruleSet: RuleSet): Finding[] {
  const columns = { stt: 0, label: 1, unit: 2, value: 3, note: 4 };
  const sub: Submission = {
    sheetName: REPORT_SHEET,
    template,
    unitCandidates: [],
    columns,
    matched: template.rows.map((t, i) => {
      const r = rows[i];
      return {
        templateIndex: i,
        templateRow: t,
        row: {
          r: TEMPLATE_FIRST_DATA_ROW + i,
          stt: t.stt,
          label: t.label,
          key: foldText(t.label),
          unit: r.unit ?? "",
          value: r.value === null ? undefined : { value: r.value },
          note: undefined,
          beyond: undefined,
        },
      };
    }),
    unmatched: [],
  };
  return evaluate(sub, ruleSet).findings;
}

/** The `report` object of `cchc merge --json`. */
export function reportJson(r: ProvinceReport) {
  return {
    template: r.template.id,
    period: r.period,
    rows: r.rows.filter((x) => x.id).map((x) => ({ id: x.id, stt: x.stt, label: x.label, unit: x.unit, value: x.value, source: x.source })),
    missing: r.missing,
    findings: r.findings,
  };
}
