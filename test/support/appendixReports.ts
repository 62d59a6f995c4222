/** The own appendices of ownAppendices.ts as pasted sheets, and reports filled in them, correct or with one planted fault. */
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { Template } from "../../src/core/catalog/schema";
import { FilledRow, buildTemplateLayout } from "../../src/core/layout/templateLayout";
import { LayoutCell, SheetLayout } from "../../src/core/layout/sheetLayout";
import { Period } from "../../src/core/period";
import { Appendix, TruthRow } from "./ownAppendices";

export function appendixSheet(a: Appendix): Uint8Array {
  const cell = (v: string): LayoutCell => ({ value: v });
  const rows: LayoutCell[][] = [
    [cell("THỐNG KÊ SỐ LIỆU KẾT QUẢ CẢI CÁCH HÀNH CHÍNH, CHUYỂN ĐỔI SỐ NĂM 2026")],
    [cell(`(Biểu dành cho ${a.unitTypeLabel}, kèm theo Hướng dẫn của Sở Nội vụ)`)],
    [],
    ["TT", "Chỉ tiêu", "ĐVT", "Số liệu", "Ghi chú"].map(cell),
  ];
  for (const r of a.rows) rows.push([cell(r.stt), cell(r.label), cell(r.unit)]);
  const layout: SheetLayout = { name: a.sheetName, columns: [{ width: 8 }, { width: 70 }, { width: 16 }, { width: 10 }, { width: 12 }], rows, merges: [], validations: [], protect: false };
  return writeXlsx([layout]);
}

/** A fault a careful officer would send back, planted in one report. */
export type Fault =
  | { type: "part"; row: number; whole: number; how: "numbering" | "item" | "subset" }
  | { type: "rate"; row: number }
  | { type: "coded"; row: number };

/** Small deterministic generator, so every run fills the same figures. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Figures by row (index into a.rows) that obey every relation of the truth; with `fault`, one that breaks. */
export function fillFigures(a: Appendix, seed: number, fault?: Fault): Map<number, number> {
  const rnd = random(seed);
  const byKey = new Map<string, number>();
  a.rows.forEach((r, i) => r.key && byKey.set(r.key, i));
  const values = new Map<number, number>();
  const left = new Map<number, number>();
  const isWhole = new Set<number>();
  for (const r of a.rows) {
    for (const k of r.subsetOf) isWhole.add(byKey.get(k)!);
    if (r.itemOf) isWhole.add(byKey.get(r.itemOf)!);
    if (r.rate) isWhole.add(byKey.get(r.rate.den)!);
  }
  const detailOf = new Set(a.rows.flatMap((r) => (r.details ?? []).map((k) => byKey.get(k)!)));
  a.rows.forEach((r, i) => {
    if (r.kind !== "count" && r.kind !== "money") return;
    let cap = Infinity;
    for (const k of r.subsetOf) cap = Math.min(cap, values.get(byKey.get(k)!)!);
    if (r.itemOf) cap = Math.min(cap, left.get(byKey.get(r.itemOf)!)!);
    let v: number;
    if (cap === Infinity) {
      v = isWhole.has(i) ? 120 + Math.floor(rnd() * 900) : detailOf.has(i) ? 1 + Math.floor(rnd() * 20) : Math.floor(rnd() * 40);
      if (r.kind === "money") v *= 13;
    } else v = r.itemOf ? Math.floor(cap * (0.25 + rnd() * 0.4)) : Math.floor(cap * (0.5 + rnd() * 0.45));
    values.set(i, v);
    left.set(i, v);
    if (r.itemOf) left.set(byKey.get(r.itemOf)!, left.get(byKey.get(r.itemOf)!)! - v);
  });
  a.rows.forEach((r, i) => {
    if (r.kind === "coded") values.set(i, r.details ? 1 : Math.round(rnd()));
  });
  if (fault?.type === "part") values.set(fault.row, values.get(fault.whole)! + 3);
  if (fault?.type === "coded") values.set(fault.row, 0);
  a.rows.forEach((r, i) => {
    if (r.kind !== "percent") return;
    if (!r.rate) {
      values.set(i, Math.round(rnd() * 10000) / 100);
      return;
    }
    const [n, d] = [values.get(byKey.get(r.rate.num)!)!, values.get(byKey.get(r.rate.den)!)!];
    const rate = Math.round((10000 * n) / d) / 100;
    values.set(i, fault?.type === "rate" && fault.row === i ? rate + (rate > 50 ? -12 : 12) : rate);
  });
  return values;
}

/** Every fault worth planting in an appendix: each part > its whole, each rate off, each coded "Không" with details. */
export function faultsOf(a: Appendix): Fault[] {
  const byKey = new Map<string, number>();
  a.rows.forEach((r, i) => r.key && byKey.set(r.key, i));
  const out: Fault[] = [];
  a.rows.forEach((r, i) => {
    const whole = r.itemOf ?? r.subsetOf[0];
    if (whole) {
      const w = byKey.get(whole)!;
      const how = r.itemOf || /^\s*[-+]/.test(r.label) ? "item" : r.stt.startsWith(`${a.rows[w].stt}.`) && a.rows[w].stt ? "numbering" : "subset";
      out.push({ type: "part", row: i, whole: w, how });
    }
    if (r.rate) out.push({ type: "rate", row: i });
    if (r.details) out.push({ type: "coded", row: i });
  });
  return out;
}

/** A unit's report on the province's template, as the unit would send it: a real workbook. */
export function filledReport(t: Template, figures: Map<number, number>, unitName: string, period: Period): Uint8Array {
  const filled = new Map<number, FilledRow>();
  figures.forEach((v, i) => filled.set(i, { value: v }));
  return writeXlsx([buildTemplateLayout(t, { filled, unitName, period })]);
}

export const truthKind = (r: TruthRow) => r.kind;
