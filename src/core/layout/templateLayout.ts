import { Template, ValueRow, isValueRow } from "../catalog/schema";
import { address, columnLetter } from "../grid";
import { encodeIdentity } from "../identity";
import { Period, periodTitle } from "../period";
import { LayoutCell, SheetLayout, StyleName, Validation, fitRowHeights, withinExcel } from "./sheetLayout";

export interface TemplateOptions {
  period?: Period;
  unitName?: string;
  sheetName?: string;
  /**
   * A unit's figures to fill in (a converted Word report), by template row index. Filled rows keep
   * what the unit wrote, so a rate is written as given, not as a formula.
   */
  filled?: Map<number, FilledRow>;
  /** The report this appendix goes with: its number ("12/BC-UBND") and date ("2026-03-20" or "20/3/2026"). */
  reportNumber?: string;
  reportDate?: string;
}

/** "2026-03-20" or "20/3/2026" → "20 tháng 3 năm 2026", as the official line writes a date; undefined when it is not a date. */
export function reportDateText(date: string | undefined): string | undefined {
  const t = date?.trim() ?? "";
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y) return undefined;
  const day = Number(d);
  const month = Number(m);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(Number(y), month, 0)).getUTCDate()) return undefined;
  return `${String(day).padStart(2, "0")} tháng ${String(month).padStart(2, "0")} năm ${y}`;
}

/** What a unit wrote on one template row: the value (a number when it reads as one, else its text) and the note. */
export interface FilledRow {
  value?: string | number;
  note?: string;
}

/** Layout constants shared by the writer and the reader of inserted sheets. */
export const TEMPLATE_FIRST_DATA_ROW = 6; // 0-based: title(3) + blank + 2 header rows
export const VALUE_COLUMN = 3; // D
export const NOTE_COLUMN = 4; // E

export const VALUE_STYLE: Record<ValueRow["kind"], StyleName> = {
  count: "count",
  money: "count",
  percent: "percent",
  coded: "code",
  text: "text",
};

export function codeItem(c: { value: number; label: string }): string {
  return `${c.label} = ${c.value}`;
}

export function defaultSheetName(t: Template, period?: Period): string {
  const p = period ? ` ${period.kind.toUpperCase()}-${period.year}` : "";
  return `CCHC ${t.unitType}${p}`.slice(0, 31);
}

/**
 * Title, period, "(Kèm theo Báo cáo số …)" and the two header rows of the official table; `extra` fills the
 * column right of the note column (the hidden indicator IDs of a template, the source of a report).
 */
export function templateHead(t: Template, opts: TemplateOptions, extra: { title?: LayoutCell; header: LayoutCell; subHeader?: LayoutCell }): LayoutCell[][] {
  const unitName = opts.unitName?.trim() || "…";
  const rows: LayoutCell[][] = [];
  rows.push(extra.title ? [{ value: t.title, style: "title" }, {}, {}, {}, {}, extra.title] : [{ value: t.title, style: "title" }]);
  rows.push([{ value: opts.period ? periodTitle(opts.period) : "KỲ BÁO CÁO: …", style: "subtitle" }]);
  const number = opts.reportNumber?.trim() || "…/BC-…";
  const date = reportDateText(opts.reportDate) ?? "… tháng … năm …";
  rows.push([{ value: `(Kèm theo Báo cáo số ${number} ngày ${date} của ${unitName})`, style: "caption" }]);
  rows.push([]);
  rows.push([
    { value: "STT", style: "header" },
    { value: "Chỉ tiêu thống kê", style: "header" },
    { value: "Kết quả thống kê", style: "header" },
    { style: "header" },
    { value: t.noteHeader, style: "header" },
    extra.header,
  ]);
  rows.push([{ style: "header" }, { style: "header" }, { value: "Đơn vị tính", style: "header" }, { value: "Số liệu", style: "header" }, { style: "header" }, ...(extra.subHeader ? [extra.subHeader] : [])]);
  return rows;
}

/** Merged cells of `templateHead`, the title lines spanning up to column `last`. */
export function templateHeadMerges(last: string): string[] {
  return [`A1:${last}1`, `A2:${last}2`, `A3:${last}3`, "A5:A6", "B5:B6", "C5:D5", "E5:E6"];
}

/** The official appendix table of `t` as a printable, validated, protected worksheet. */
export function buildTemplateLayout(t: Template, opts: TemplateOptions = {}): SheetLayout {
  const idCell = (text: string): LayoutCell => ({ value: text, style: "hiddenId" });
  const rows = templateHead(t, opts, {
    title: idCell(encodeIdentity({ v: 1, template: t.id, unitName: opts.unitName?.trim() ?? "", period: opts.period })),
    header: idCell("Mã chỉ tiêu"),
  });

  const rowOf = new Map<string, number>();
  t.rows.forEach((r, i) => {
    if (isValueRow(r)) rowOf.set(r.id, TEMPLATE_FIRST_DATA_ROW + i);
  });

  const byKind: Record<string, string[]> = {};
  const lists = new Map<string, { items: string[]; refs: string[]; prompt: string }>();
  t.rows.forEach((r, i) => {
    const rr = TEMPLATE_FIRST_DATA_ROW + i;
    const fill = opts.filled?.get(i);
    if (!isValueRow(r)) {
      const s: StyleName = r.kind === "section" ? "section" : "group";
      rows.push([{ value: r.stt, style: s }, { value: r.label, style: s }, { style: s }, { value: fill?.value, style: s }, { value: fill?.note, style: s }]);
      return;
    }
    const value: LayoutCell = { style: VALUE_STYLE[r.kind], value: fill?.value };
    const formula = opts.filled ? undefined : rateFormula(r, rowOf);
    if (formula) {
      value.formula = formula;
      // What the formula computes in a blank template: readers that do not calculate see a result.
      value.value = "";
      value.style = "percentFormula";
    } else if (r.kind === "coded" && r.codes) {
      const items = r.codes.map(codeItem);
      const key = items.join("|");
      const entry = lists.get(key) ?? { items, refs: [], prompt: r.unit };
      entry.refs.push(address(rr, VALUE_COLUMN));
      lists.set(key, entry);
    } else if (r.kind === "count" || r.kind === "percent" || r.kind === "money") {
      (byKind[r.kind === "percent" && r.mayExceed100 ? "overPlan" : r.kind] ??= []).push(address(rr, VALUE_COLUMN));
    }
    rows.push([
      { value: r.stt, style: "unit" },
      { value: r.label, style: "label" },
      { value: r.unit, style: "unit" },
      value,
      { value: fill?.note, style: "note" },
      idCell(r.id),
    ]);
  });

  const validations: Validation[] = [];
  if (byKind.count) validations.push({ type: "whole", ref: compactRefs(byKind.count), min: 0, prompt: "Số nguyên không âm" });
  if (byKind.money) validations.push({ type: "decimal", ref: compactRefs(byKind.money), min: 0, max: 1e12, prompt: "Số tiền (triệu đồng)" });
  if (byKind.percent) validations.push({ type: "decimal", ref: compactRefs(byKind.percent), min: 0, max: 100, prompt: "Tỷ lệ từ 0 đến 100" });
  if (byKind.overPlan) validations.push({ type: "decimal", ref: compactRefs(byKind.overPlan), min: 0, max: 1000, prompt: "Tỷ lệ so với kế hoạch, có thể vượt 100" });
  for (const l of lists.values()) validations.push({ type: "list", ref: compactRefs(l.refs), items: l.items, prompt: l.prompt });

  const last = columnLetter(NOTE_COLUMN);
  const layout: SheetLayout = {
    name: opts.sheetName ?? defaultSheetName(t, opts.period),
    columns: [{ width: 7 }, { width: 62 }, { width: 16 }, { width: 12 }, { width: 28 }, { width: 24, hidden: true }],
    rows,
    rowHeights: { 0: 36, 2: 30 },
    merges: templateHeadMerges(last),
    validations,
    protect: true,
    printTitleRows: [5, 6],
    freezeRows: 6,
  };
  layout.rowHeights = fitRowHeights(layout);
  return withinExcel(layout);
}

/** A percent whose parts are both rows of the template is computed, so it cannot disagree with them. */
export function rateFormula(r: ValueRow, rowOf: Map<string, number>): string | undefined {
  if (r.aggregate.type !== "ratio") return undefined;
  const num = rowOf.get(r.aggregate.numerator);
  const den = rowOf.get(r.aggregate.denominator);
  if (num === undefined || den === undefined) return undefined;
  const n = address(num, VALUE_COLUMN);
  const d = address(den, VALUE_COLUMN);
  return `IF(OR(${n}="",N(${d})=0),"",ROUND(${n}/${d}*100,2))`;
}

/** ["D8","D9","D10","D12"] → "D8:D10 D12" (same column). */
export function compactRefs(refs: string[]): string {
  const parsed = refs
    .map((r) => /^([A-Z]+)(\d+)$/.exec(r))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ col: m[1], row: Number(m[2]) }))
    .sort((a, b) => (a.col === b.col ? a.row - b.row : a.col < b.col ? -1 : 1));
  const out: string[] = [];
  let i = 0;
  while (i < parsed.length) {
    let j = i;
    while (j + 1 < parsed.length && parsed[j + 1].col === parsed[i].col && parsed[j + 1].row === parsed[j].row + 1) j++;
    const a = `${parsed[i].col}${parsed[i].row}`;
    out.push(j > i ? `${a}:${parsed[j].col}${parsed[j].row}` : a);
    i = j + 1;
  }
  return out.join(" ");
}
