import { Template, ValueRow, isValueRow } from "../catalog/schema";
import { Finding } from "../findings";
import { Cell, cellText, isBlank, placeOf } from "../grid";
import { ReadValue, isPercentFormat, readValue } from "../numbers";
import { MatchedRow, SheetRow, Submission } from "../recognize/submission";
import { oncePer } from "../oncePer";
import { foldText, formatNumberVi, joinMapped } from "../text";
import { MessageTable, Outcome, RuleType, fill, messageTable } from "./messages";
import { BlankTotalRule, CompareRule, MissingStrategy, OverlapRule, RateRule, Rule, RuleSet, StructureCheck, StructureRule } from "./schema";

/** One indicator's value as read from a submission. */
export interface IndicatorValue {
  row: ValueRow;
  sheetRow: SheetRow;
  read: ReadValue;
  /** Set when the value is a usable number. */
  number?: number;
  cell: string;
  /** The value column holds a unit and the number sits one column right: not used, reported. */
  shifted: boolean;
}

export interface Evaluation {
  values: Map<string, IndicatorValue>;
  findings: Finding[];
}

/** Reads every indicator of a submission and applies the rule set: the one verdict both sides share. */
export function evaluate(sub: Submission, ruleSet: RuleSet): Evaluation {
  const ctx = new Context(sub, ruleSet);
  for (const rule of ruleSet.rules) {
    switch (rule.type) {
      case "structure":
        ctx.structure(rule);
        break;
      case "compare":
        ctx.compare(rule);
        break;
      case "rate":
        ctx.rate(rule);
        break;
      case "codedDetails":
        ctx.codedDetails(rule);
        break;
      case "blankTotal":
        ctx.blankTotal(rule);
        break;
      case "overlap":
        ctx.overlap(rule);
        break;
      case "previous":
        // Needs the previous submission: src/core/compare/previous.ts.
        break;
    }
  }
  ctx.findings.sort((a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return { values: ctx.values, findings: ctx.findings };
}

const shortCache = new Map<string, string>();

/** A label without list dashes and a trailing “Trong đó:”, for messages. */
export function shortLabel(label: string): string {
  let s = shortCache.get(label);
  if (s === undefined) {
    if (shortCache.size > 20_000) shortCache.clear();
    s = shorten(label);
    shortCache.set(label, s);
  }
  return s;
}

function shorten(label: string): string {
  return label
    .replace(/^[\s\-–•+]+/, "")
    .replace(/[.,:;]?\s*(trong đó|Trong đó)\s*:?\s*$/u, "")
    .replace(/[:.]\s*$/, "")
    .trim();
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Indicator ID → its row index in the template. */
const rowIndexesOf = oncePer((t: Template): Map<string, number> => {
  const indexes = new Map<string, number>();
  t.rows.forEach((r, i) => {
    if (isValueRow(r) && !indexes.has(r.id)) indexes.set(r.id, i);
  });
  return indexes;
});

/** Template row index → the section it belongs to ("II. …"). */
const sectionsOf = oncePer((t: Template): Map<number, string> => {
  const sections = new Map<number, string>();
  let section = "";
  t.rows.forEach((r, i) => {
    if (r.kind === "section") section = `${r.stt}. ${r.label}`;
    sections.set(i, section);
  });
  return sections;
});

/** Every message of a rule set: its rewording over the defaults, merged once. */
export const messagesOf = oncePer((ruleSet: RuleSet): MessageTable => messageTable(ruleSet.messages));

/** Folded unit name → its synonym group. */
const synonymsOf = oncePer((ruleSet: RuleSet): Map<string, number> => {
  const synonyms = new Map<string, number>();
  ruleSet.unitSynonyms.forEach((group, gi) => group.forEach((u) => synonyms.set(foldText(u), gi)));
  return synonyms;
});

/** Folded money unit → its size in đồng, its synonyms included ("Triệu" is "Triệu đồng"). */
const scalesOf = oncePer((ruleSet: RuleSet): Map<string, number> => {
  const scales = new Map<string, number>();
  for (const [unit, factor] of Object.entries(ruleSet.unitScales ?? {})) {
    const folded = foldText(unit);
    scales.set(folded, factor);
    for (const group of ruleSet.unitSynonyms) if (group.some((u) => foldText(u) === folded)) for (const u of group) scales.set(foldText(u), factor);
  }
  return scales;
});

/** A row's names for a message, built only when a finding is reported. */
function rowNames(m: MatchedRow): { label: string; stt: string } {
  return { label: shortLabel(m.templateRow.label), stt: m.templateRow.stt };
}

class Context {
  readonly values = new Map<string, IndicatorValue>();
  readonly findings: Finding[] = [];
  private readonly sectionOf: Map<number, string>;
  private readonly synonyms: Map<string, number>;
  private readonly scales: Map<string, number>;
  private readonly messages: MessageTable;
  private readonly template: Template;
  /** The value of each matched row (by its index in `sub.matched`), if it is a value row. */
  private readonly matchedValues: (IndicatorValue | undefined)[];

  constructor(
    private readonly sub: Submission,
    ruleSet: RuleSet,
  ) {
    this.template = sub.template;
    this.sectionOf = sectionsOf(sub.template);
    this.synonyms = synonymsOf(ruleSet);
    this.scales = scalesOf(ruleSet);
    this.messages = messagesOf(ruleSet);
    const vc = sub.columns.value;
    for (const m of sub.matched) {
      if (!isValueRow(m.templateRow)) continue;
      const row = m.templateRow;
      const shifted = this.isShifted(m);
      const read = shifted ? ({ type: "blank" } as const) : this.read(m.row.value, row, m.row.unit);
      const v: IndicatorValue = { row, sheetRow: m.row, read, cell: this.at(m.row.r, vc), shifted };
      if (read.type === "number" && this.acceptable(row, read.value)) v.number = read.value;
      this.values.set(row.id, v);
    }
    // Looked up once: each structure rule goes over every matched row.
    this.matchedValues = sub.matched.map((m) => (isValueRow(m.templateRow) ? this.values.get(m.templateRow.id) : undefined));
  }

  /** A cell's value; "10 hồ sơ", "1.500 triệu đồng" are the number followed by the row's own unit. */
  private read(cell: Cell | undefined, row: ValueRow, unit: string): ReadValue {
    const read = readValue(cell, row.kind, row.codes);
    const scale = this.scale(row, unit);
    if (read.type === "number" && scale !== undefined) return { type: "number", value: Math.round(read.value * scale * 1e6) / 1e6 };
    if (read.type !== "text" || row.kind === "text" || row.kind === "coded") return read;
    const m = /^(\S+)\s+(\D+)$/.exec(read.text);
    if (!m || this.unitChange(row, m[2]) !== undefined) return read;
    const number = readValue({ value: m[1] }, row.kind);
    return number.type === "number" || number.type === "ambiguous" ? number : read;
  }

  /** What a money figure sent in another unit of money is multiplied by to be in the row's unit (1.500.000.000 đồng is 1.500 triệu đồng). */
  private scale(row: ValueRow, unit: string): number | undefined {
    if (row.kind !== "money" || !unit) return undefined;
    const sent = this.scales.get(foldText(unit));
    const wanted = this.scales.get(foldText(row.unit));
    return sent !== undefined && wanted !== undefined && sent !== wanted ? sent / wanted : undefined;
  }

  /** A number the merge and the relations can use (kind errors are reported separately). */
  private acceptable(row: ValueRow, n: number): boolean {
    if (row.kind === "coded") return !!row.codes?.some((c) => c.value === n);
    if (row.kind === "percent") return n >= 0 && (n <= 100 || !!row.mayExceed100);
    if (row.kind === "count") return n >= 0 && Number.isInteger(n);
    return true;
  }

  private isShifted(m: MatchedRow): boolean {
    const { row } = m;
    if (!isBlank(row.value) && typeof row.value?.value === "string" && !row.unit) {
      const t = foldText(row.value.value);
      const unit = isValueRow(m.templateRow) ? foldText(m.templateRow.unit) : "";
      return t === unit || t === "%" || this.synonyms.has(t);
    }
    return false;
  }

  private push(rule: Rule, row: number, cell: string, message: string, indicator?: string, templateIndex?: number, severity: Finding["severity"] = rule.severity): void {
    const section = templateIndex !== undefined ? this.sectionOf.get(templateIndex) : undefined;
    this.findings.push({ rule: rule.id, severity, row: this.rowNo(row), cell, message, indicator, section });
  }

  /** The rule set's sentence for an outcome of a rule type, filled. */
  private say<T extends RuleType>(type: T, outcome: Outcome<T>, vars: Record<string, string | number | undefined>): string {
    return fill((this.messages[type] as Record<Outcome<T>, string>)[outcome], vars);
  }

  /** A cell as findings name it: "D83" in a sheet, "Bảng 1, dòng 14, cột Số liệu" in a Word table. */
  private at(r: number, c: number): string {
    return placeOf(this.sub.place, r, c).cell;
  }

  /** The 1-based sheet row as findings number it (within the table for a Word table). */
  private rowNo(r1: number): number {
    return placeOf(this.sub.place, r1 - 1, 0).row;
  }

  private indexOf(id: string): number | undefined {
    return rowIndexesOf(this.template).get(id);
  }

  structure(rule: StructureRule): void {
    const check: StructureCheck = rule.check;
    const cols = this.sub.columns;
    // These two look past the matched rows, not at each of them.
    if (check === "rowMissing") return this.missingRows(rule);
    if (check === "unknownRow") return this.unknownRows(rule);
    const { matched } = this.sub;
    for (let k = 0; k < matched.length; k++) {
      const m = matched[k];
      const { row } = m;
      const r1 = row.r + 1;
      if (!isValueRow(m.templateRow)) {
        if (check === "headingValue" && !isBlank(row.value)) {
          const cell = this.at(row.r, cols.value);
          this.push(rule, r1, cell, this.say("structure", check, { ...rowNames(m), cell, value: cellText(row.value) }), undefined, m.templateIndex);
        }
        if (check === "numbering") this.numbering(rule, m);
        continue;
      }
      const t = m.templateRow;
      const v = this.matchedValues[k];
      if (!v) continue;
      const cell = v.cell;
      switch (check) {
        case "valueKind": {
          // A formula saved without its result reads as blank; say why instead of reporting it missing.
          if (row.value?.uncomputed) {
            this.push(rule, r1, cell, this.say("structure", "uncomputedFormula", { ...rowNames(m), cell }), t.id, m.templateIndex);
            break;
          }
          // Excel's error values (a formula's cached result) say what went wrong, not that the officer typed text.
          const excelError = typeof row.value?.value === "string" ? EXCEL_ERROR.exec(row.value.value.trim())?.[0] : undefined;
          if (excelError) {
            const divided = excelError === "#DIV/0!";
            const message = this.say("structure", divided ? "divisionByZero" : "formulaError", { ...rowNames(m), cell, value: excelError });
            this.push(rule, r1, cell, message, t.id, m.templateIndex, divided ? "warning" : rule.severity);
            break;
          }
          const problem = kindProblem(t, v.read);
          if (problem) {
            const reason = this.say("structure", problem, { unit: t.unit });
            // A number read as text is a date Excel made of what was typed: shown as the cell shows it.
            const value = v.read.type === "text" && typeof row.value?.value === "number" ? v.read.text : displayRaw(row.value);
            this.push(rule, r1, cell, this.say("structure", check, { ...rowNames(m), cell, value, reason }), t.id, m.templateIndex);
          }
          break;
        }
        case "ambiguousNumber":
          if (v.read.type === "ambiguous")
            this.push(
              rule,
              r1,
              cell,
              this.say("structure", check, { ...rowNames(m), cell, value: v.read.text, readings: joinMapped(v.read.readings, formatNumberVi, " hay ") }),
              t.id,
              m.templateIndex,
            );
          break;
        case "noteValue": {
          if (t.kind === "text" || v.shifted || !isBlank(row.value)) break;
          const note = row.note;
          // The value as it would be read in its own cell: "1.234", "15 hồ sơ", "Có (KH số 12)".
          const n = numericOnly(note) ?? (this.read(note, t, "").type === "number" ? displayRaw(note) : undefined);
          if (n !== undefined) {
            const noteCell = this.at(row.r, cols.note);
            this.push(rule, r1, noteCell, this.say("structure", check, { ...rowNames(m), cell, noteCell, value: n }), t.id, m.templateIndex);
          }
          break;
        }
        case "shiftedBlock":
          if (v.shifted) {
            const noteCell = this.at(row.r, cols.note);
            const moved = displayRaw(row.note) || "(trống)";
            this.push(rule, r1, cell, this.say("structure", check, { ...rowNames(m), cell, noteCell, unit: cellText(row.value), value: moved }), t.id, m.templateIndex);
          }
          break;
        case "unitChanged":
        case "unitVariant": {
          if (check === "unitVariant" && v.number !== undefined && this.scale(t, row.unit) !== undefined) {
            const unitCell = this.at(row.r, cols.unit);
            const vars = { ...rowNames(m), cell: unitCell, unit: row.unit, expectedUnit: t.unit, value: displayRaw(row.value), converted: formatNumberVi(v.number) };
            this.push(rule, r1, unitCell, this.say("structure", "unitScaled", vars), t.id, m.templateIndex);
            break;
          }
          const change = this.unitChange(t, row.unit);
          if (change === (check === "unitChanged" ? "kind" : "variant")) {
            const unitCell = this.at(row.r, cols.unit);
            this.push(rule, r1, unitCell, this.say("structure", check, { ...rowNames(m), cell: unitCell, unit: row.unit, expectedUnit: t.unit }), t.id, m.templateIndex);
          }
          break;
        }
        case "numbering":
          this.numbering(rule, m);
          break;
        case "moneyScale": {
          const factor = t.kind === "money" ? this.scales.get(foldText(t.unit)) : undefined;
          if (!factor || factor === 1 || v.number === undefined || !rule.limit || v.number * factor < rule.limit) break;
          const vars = { ...rowNames(m), cell, value: formatNumberVi(v.number), unit: t.unit, limit: formatNumberVi(rule.limit), converted: formatNumberVi(v.number / factor) };
          this.push(rule, r1, cell, this.say("structure", check, vars), t.id, m.templateIndex);
          break;
        }
        default:
          break;
      }
    }
  }

  private unknownRows(rule: StructureRule): void {
    for (const row of this.sub.unmatched) {
      const n = numericOnly(row.value);
      if (n === undefined) continue;
      const cell = this.at(row.r, this.sub.columns.label);
      this.push(rule, row.r + 1, cell, this.say("structure", "unknownRow", { label: row.label || "(không có tên)", cell, value: n }));
    }
  }

  private numbering(rule: StructureRule, m: MatchedRow): void {
    // Most rows are numbered exactly as the template: nothing to fold.
    if (m.row.stt === m.templateRow.stt) return;
    const expected = m.templateRow.stt.replace(/\.$/, "");
    const got = m.row.stt.replace(/\.$/, "");
    if (!got || foldText(got) === foldText(expected)) return;
    const cell = this.at(m.row.r, this.sub.columns.stt);
    const label = shortLabel(m.templateRow.label);
    this.push(rule, m.row.r + 1, cell, this.say("structure", "numbering", { label, cell, stt: got, expectedStt: expected || "(không đánh số)" }), undefined, m.templateIndex);
  }

  /** "kind": the unit says another kind of value (a % on a count); "variant": another counting unit. */
  private unitChange(t: ValueRow, unit: string): "kind" | "variant" | undefined {
    if (!unit || unit === t.unit) return undefined;
    const a = foldText(unit);
    const b = foldText(t.unit);
    if (a === b) return undefined;
    // Synonyms name one unit whatever words they use ("Triệu" is "Triệu đồng").
    const ga = this.synonyms.get(a);
    if (ga !== undefined && ga === this.synonyms.get(b)) return undefined;
    const kindOf = (u: string): string => (u === "%" || u.includes("ty le") ? "percent" : /\d/.test(u) ? "coded" : u.includes("dong") ? "money" : "count");
    if (t.kind === "coded") {
      // A code list cut short (split over a page break) is not a change; a foreign code is.
      const codes = (u: string): string[] => [...u.matchAll(/\d+/g)].map((x) => x[0]);
      const expected = new Set(codes(b));
      return kindOf(a) !== "coded" ? "kind" : codes(a).every((x) => expected.has(x)) ? undefined : "kind";
    }
    if (kindOf(a) !== kindOf(b)) return "kind";
    return "variant";
  }

  private missingRows(rule: StructureRule): void {
    const rows = this.template.rows;
    const present = new Uint8Array(rows.length);
    for (const m of this.sub.matched) present[m.templateIndex] = 1;
    const missing: { r: (typeof rows)[number]; i: number }[] = [];
    for (let i = 0; i < rows.length; i++) if (!present[i] && isValueRow(rows[i])) missing.push({ r: rows[i], i });
    if (missing.length === 0) return;
    const rowsSorted = [...this.sub.matched].sort((a, b) => a.templateIndex - b.templateIndex);
    // The missing rows come in template order: the last matched row before each moves forward only.
    let k = 0;
    for (const { r, i } of missing) {
      while (k < rowsSorted.length && rowsSorted[k].templateIndex < i) k++;
      const before = k > 0 ? rowsSorted[k - 1] : rowsSorted[0];
      const sheetRow = before ? before.row.r : 0;
      const cell = this.at(sheetRow, this.sub.columns.label);
      this.push(rule, sheetRow + 1, cell, this.say("structure", "rowMissing", { label: shortLabel(r.label), stt: r.stt, cell }), isValueRow(r) ? r.id : undefined, i);
    }
  }

  /**
   * Σ of one side's indicators; undefined when the rule does not apply to this template. A row the
   * template lacks is a blank when blanks may be counted (DHIS2's skipIfAllMissing, neverSkip).
   */
  private side(ids: string[], strategy: MissingStrategy = "skipIfAnyMissing"): { value?: number; missing: number } | undefined {
    let sum = 0;
    let present = 0;
    let found = 0;
    for (const id of ids) {
      const v = this.values.get(id);
      if (!v) {
        if (strategy === "skipIfAnyMissing") return undefined;
        continue;
      }
      found++;
      if (v.number !== undefined) {
        sum += v.number;
        present++;
      }
    }
    if (!found) return undefined;
    return { value: present ? sum : undefined, missing: ids.length - present };
  }

  /** The indicators of a side the submission has, for a finding's message (most rules hold: not collected for them). */
  private found(ids: string[]): IndicatorValue[] {
    const vals: IndicatorValue[] = [];
    for (const id of ids) {
      const v = this.values.get(id);
      if (v) vals.push(v);
    }
    return vals;
  }

  /** How a side reads in a message: its name, its cells and its values (built only for a finding). */
  private describe(all: IndicatorValue[], label: string | undefined): { name: string; cells: string; shown: string } {
    const present = all.filter((v) => v.number !== undefined);
    // Blank rows counted as 0 (per-side strategies) are left out of the message; the label then no longer fits.
    const vals = present.length && present.length < all.length ? present : all;
    const sum = present.reduce((s, v) => s + v.number!, 0);
    const name = (vals === all ? label : undefined) ?? (vals.length === 1 ? shortLabel(vals[0].row.label) : `tổng ${joinMapped(vals, (v) => lowerFirst(shortLabel(v.row.label)), " + ")}`);
    const cells = joinMapped(vals, (v) => v.cell, " + ");
    const shown = vals.length === 1 ? formatNumberVi(sum) : `${joinMapped(present, (v) => formatNumberVi(v.number!), " + ") || "0"} = ${formatNumberVi(sum)}`;
    return { name, cells, shown };
  }

  compare(rule: CompareRule): void {
    const l = this.side(rule.left, rule.missing.left);
    const r = l && this.side(rule.right, rule.missing.right);
    if (!l || !r) return;
    if (skipSide(rule.missing.left, l.missing, rule.left.length) || skipSide(rule.missing.right, r.missing, rule.right.length)) return;
    if (l.value === undefined && r.value === undefined) return;
    const lv = l.value ?? 0;
    const rv = r.value ?? 0;
    const ok =
      rule.operator === "<=" ? lv <= rv + 1e-9 : rule.operator === "<" ? lv < rv : rule.operator === ">=" ? lv + 1e-9 >= rv : rule.operator === ">" ? lv > rv : Math.abs(lv - rv) < 1e-6;
    if (ok) return;
    const left = this.found(rule.left);
    const right = this.found(rule.right);
    const a = this.describe(left, rule.leftLabel && left.length === rule.left.length ? rule.leftLabel : undefined);
    const b = this.describe(right, rule.rightLabel && right.length === rule.right.length ? rule.rightLabel : undefined);
    const message = this.say("compare", rule.operator, { left: a.name, leftCells: a.cells, leftValues: a.shown, right: lowerFirst(b.name), rightCells: b.cells, rightValues: b.shown });
    const anchor = left[0];
    this.push(rule, anchor.sheetRow.r + 1, anchor.cell, message, anchor.row.id, this.indexOf(anchor.row.id));
  }

  rate(rule: RateRule): void {
    const rate = this.values.get(rule.rate);
    const num = this.values.get(rule.numerator);
    const den = this.values.get(rule.denominator);
    if (!rate || !num || !den) return;
    if (num.number === undefined || den.number === undefined || den.number === 0) return;
    if (rate.shifted || rate.read.type === "text" || rate.read.type === "ambiguous") return;
    const expected = (100 * num.number) / den.number;
    const vars = {
      rate: shortLabel(rate.row.label),
      cell: rate.cell,
      numerator: lowerFirst(shortLabel(num.row.label)),
      numeratorCell: num.cell,
      numeratorValue: formatNumberVi(num.number),
      denominator: lowerFirst(shortLabel(den.row.label)),
      denominatorCell: den.cell,
      denominatorValue: formatNumberVi(den.number),
      expected: formatNumberVi(expected),
    };
    const idx = this.indexOf(rate.row.id);
    const r1 = rate.sheetRow.r + 1;
    if (rate.read.type === "blank") {
      // A formula whose result was never calculated is not a blank the officer left.
      if (rate.sheetRow.value?.formula || rate.sheetRow.value?.uncomputed) return;
      this.push(rule, r1, rate.cell, this.say("rate", "blank", vars), rate.row.id, idx, rule.blankSeverity);
      return;
    }
    if (rate.number === undefined) return;
    if (Math.abs(rate.number - expected) <= rule.tolerance + 1e-9) return;
    this.push(rule, r1, rate.cell, this.say("rate", "differs", { ...vars, value: formatNumberVi(rate.number) }), rate.row.id, idx);
  }

  /** A total left blank while its parts or sub-items hold numbers. */
  blankTotal(rule: BlankTotalRule): void {
    const total = this.values.get(rule.total);
    if (!total || total.shifted || total.read.type !== "blank" || total.sheetRow.value?.formula) return;
    const filled = rule.parts.map((id) => this.values.get(id)).filter((v): v is IndicatorValue => v?.number !== undefined);
    if (!filled.length) return;
    const vars = { total: shortLabel(total.row.label), cell: total.cell };
    const message = !rule.sum
      ? this.say("blankTotal", "details", { ...vars, parts: joinMapped(filled, nameValue, "; ") })
      : this.say("blankTotal", filled.length > 1 ? "sum" : "onePart", {
          ...vars,
          parts: joinMapped(filled, nameValue, " + "),
          sum: formatNumberVi(filled.reduce((s, v) => s + v.number!, 0)),
        });
    this.push(rule, total.sheetRow.r + 1, total.cell, message, total.row.id, this.indexOf(total.row.id));
  }

  /** Parts that may overlap: certain errors outside max(part) ≤ total ≤ Σ parts, a warning with the note inside. */
  overlap(rule: OverlapRule): void {
    const total = this.values.get(rule.total);
    if (total?.number === undefined) return;
    const parts = rule.parts.map((id) => this.values.get(id)).filter((v): v is IndicatorValue => !!v);
    const filled = parts.filter((v) => v.number !== undefined);
    if (!filled.length) return;
    const t = total.number;
    const vars = { total: shortLabel(total.row.label), cell: total.cell, value: formatNumberVi(t) };
    const anchor = (v: IndicatorValue, severity: "error" | "warning", message: string): void =>
      this.push(rule, v.sheetRow.r + 1, v.cell, message, v.row.id, this.indexOf(v.row.id), severity);
    const over = filled.filter((v) => v.number! > t + 1e-9);
    if (over.length) {
      const list = joinMapped(over, (v) => `${shortLabel(v.row.label)} (${v.cell} = ${formatNumberVi(v.number!)})`, "; ");
      anchor(over[0], rule.severity, this.say("overlap", "partAbove", { ...vars, parts: list, total: lowerFirst(vars.total) }));
      return;
    }
    if (filled.length < rule.parts.length) return;
    const d = this.describe(filled, undefined);
    const partVars = { ...vars, parts: d.name, partCells: d.cells, partValues: d.shown };
    const sum = filled.reduce((s, v) => s + v.number!, 0);
    if (t > sum + 1e-9) {
      anchor(total, rule.severity, this.say("overlap", "totalAbove", partVars));
      return;
    }
    if (Math.abs(t - sum) < 1e-6) return;
    const diff = sum - t;
    const note = this.noteVerdict([total, ...filled], diff);
    anchor(total, rule.overlapSeverity, this.say("overlap", "overlapping", { ...partVars, difference: formatNumberVi(diff), note }));
  }

  /** The unit's note on the rows involved, and whether a number in it equals the difference. */
  private noteVerdict(rows: IndicatorValue[], diff: number): string {
    const header = this.template.noteHeader;
    const notes = rows
      .map((v) => ({ v, text: displayRaw(v.sheetRow.note) }))
      .filter((n) => n.text !== "");
    if (!notes.length) return this.say("overlap", "noNote", { noteHeader: header });
    const quoted = joinMapped(notes, (n) => `${header} (${this.at(n.v.sheetRow.r, this.sub.columns.note)}): “${n.text}”`, "; ");
    const numbers = notes.flatMap((n) => numbersIn(n.text));
    const outcome = numbers.some((x) => Math.abs(x - diff) < 1e-6) ? "noteExplains" : numbers.length ? "noteDiffers" : "noteWithoutNumber";
    return this.say("overlap", outcome, { notes: quoted, difference: formatNumberVi(diff), noteNumbers: joinMapped(numbers, formatNumberVi, ", ") });
  }

  codedDetails(rule: Extract<Rule, { type: "codedDetails" }>): void {
    const coded = this.values.get(rule.coded);
    if (!coded || coded.number !== rule.code) return;
    const active: IndicatorValue[] = [];
    for (const id of rule.details) {
      const v = this.values.get(id);
      if (v && (v.number ?? 0) > 0) active.push(v);
    }
    if (!active.length) return;
    const meaning = coded.row.codes?.find((c) => c.value === rule.code)?.label ?? String(rule.code);
    const message = this.say("codedDetails", "contradicted", {
      coded: shortLabel(coded.row.label),
      meaning,
      code: rule.code,
      cell: coded.cell,
      details: joinMapped(active, nameValue, "; "),
    });
    this.push(rule, coded.sheetRow.r + 1, coded.cell, message, coded.row.id, this.indexOf(coded.row.id));
  }
}

/** "số hồ sơ đã tiếp nhận (D75 = 2.107)". */
function nameValue(v: IndicatorValue): string {
  return `${lowerFirst(shortLabel(v.row.label))} (${v.cell} = ${formatNumberVi(v.number!)})`;
}

function skipSide(strategy: MissingStrategy, missing: number, count: number): boolean {
  return strategy === "skipIfAnyMissing" ? missing > 0 : strategy === "skipIfAllMissing" ? missing === count : false;
}

/** The error values Excel and LibreOffice (Err:502) store as a formula's result. */
const EXCEL_ERROR = /^(?:#(?:DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!)|Err:\d{3})$/i;

/** Whole numbers written in a note ("16 TTHC dùng chung", "gồm 1.200 hồ sơ"), dots grouping thousands. */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d,])|(?<![\d.,])\d+(?![\d.,]\d)/g)].map((m) => Number(m[0].replace(/\./g, "")));
}

function numericOnly(cell: Cell | undefined): string | undefined {
  if (!cell || cell.value === null) return undefined;
  if (typeof cell.value === "number") return formatNumberVi(cell.value);
  const t = String(cell.value).trim();
  return /^[+-]?\d[\d.,]*%?$/.test(t) ? t : undefined;
}

/** A cell's value as the officer sees it: 95 in a cell formatted 0% shows, and is read, as 9500%. */
function displayRaw(cell: Cell | undefined): string {
  if (!cell || cell.value === null) return "";
  if (typeof cell.value !== "number") return String(cell.value).trim();
  return isPercentFormat(cell.format) ? `${formatNumberVi(cell.value * 100)}%` : formatNumberVi(cell.value);
}

/** Why a read value does not fit the row's kind (an outcome of structure rules); undefined when it fits. */
export function kindProblem(t: ValueRow, read: ReadValue): "notANumber" | "negative" | "notWhole" | "outsidePercent" | "notACode" | undefined {
  if (read.type === "blank" || read.type === "ambiguous") return undefined;
  if (t.kind === "text") return undefined;
  // A coded row's answer that is no code is told with the codes to choose from.
  if (read.type === "text") return t.kind === "coded" ? "notACode" : "notANumber";
  const n = read.value;
  switch (t.kind) {
    case "count":
      if (n < 0) return "negative";
      if (!Number.isInteger(n)) return "notWhole";
      return undefined;
    case "money":
      return n < 0 ? "negative" : undefined;
    case "percent":
      return n < 0 || (n > 100 && !t.mayExceed100) ? "outsidePercent" : undefined;
    case "coded":
      return t.codes?.some((c) => c.value === n) ? undefined : "notACode";
  }
}
