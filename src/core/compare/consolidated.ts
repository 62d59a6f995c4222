import { Catalog } from "../catalog/catalog";
import { isValueRow } from "../catalog/schema";
import { Grid, cellText } from "../grid";
import { MERGE_SHEET, MERGE_ID_HEADER, MERGE_OUTLIER_HEADER } from "../layout/mergeLayouts";
import { Period, parsePeriod } from "../period";
import { unitKey } from "../recognize/unitNames";
import { foldText } from "../text";
import { PreviousFigures } from "./previous";

/** Every unit's column of a consolidated workbook ("Tổng hợp" sheet of an earlier merge). */
export interface ConsolidatedFigures {
  fileName: string;
  period?: Period;
  /** By unit key (see unitKey): the unit's name as written and its numbers by indicator ID. */
  units: Map<string, { name: string; values: Map<string, number> }>;
}

const FIXED_HEADERS = new Set(["stt", "chi tieu thong ke", "don vi tinh", "toan tinh", "so don vi bao cao", "cach tinh", foldText(MERGE_ID_HEADER), foldText(MERGE_OUTLIER_HEADER)]);

/**
 * Reads the "Tổng hợp" sheet back: the header row (it has "Chỉ tiêu thống kê" and "Toàn tỉnh"), unit
 * names on the row below, and each row's indicator from the hidden ID column, or, for a workbook from an
 * older version or re-typed by hand, from its label when exactly one indicator of the catalog has it.
 * Undefined when the workbook has no such sheet.
 */
export function readConsolidated(grids: Grid[], catalog: Catalog, fileName: string): ConsolidatedFigures | undefined {
  const grid = grids.find((g) => g.name === MERGE_SHEET) ?? grids.find((g) => foldText(g.name) === foldText(MERGE_SHEET));
  if (!grid) return undefined;
  const text = (r: number, c: number): string => foldText(cellText(grid.rows[r]?.[c]));
  const headerRow = grid.rows.findIndex((row) => {
    const t = (row ?? []).map((c) => foldText(cellText(c)));
    return t.includes("chi tieu thong ke") && t.includes("toan tinh");
  });
  if (headerRow < 0) return undefined;
  const header = grid.rows[headerRow] ?? [];
  const labelCol = header.findIndex((c) => foldText(cellText(c)) === "chi tieu thong ke");
  const idCol = header.findIndex((c) => foldText(cellText(c)) === foldText(MERGE_ID_HEADER));
  const totalCol = header.findIndex((c) => foldText(cellText(c)) === "toan tinh");
  const names = grid.rows[headerRow + 1] ?? [];
  const unitCols: { c: number; name: string }[] = [];
  for (let c = totalCol + 1; c < Math.max(names.length, header.length); c++) {
    const name = cellText(names[c]).trim();
    if (!name || FIXED_HEADERS.has(text(headerRow, c)) || FIXED_HEADERS.has(foldText(name))) continue;
    unitCols.push({ c, name });
  }
  let period: Period | undefined;
  for (let r = 0; r < headerRow && !period; r++) for (const c of grid.rows[r] ?? []) period ??= parsePeriod(cellText(c));

  const byLabel = labelIndex(catalog);
  const ids = new Set(catalog.templates.flatMap((t) => t.rows.filter(isValueRow).map((r) => r.id)));
  const units = new Map<string, { name: string; values: Map<string, number> }>();
  for (const u of unitCols) units.set(unitKey(u.name), { name: u.name, values: new Map() });
  for (let r = headerRow + 2; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const given = idCol >= 0 ? cellText(row[idCol]).trim() : "";
    const id = ids.has(given) ? given : byLabel.get(foldText(cellText(row[labelCol])));
    if (!id) continue;
    for (const u of unitCols) {
      const v = row[u.c]?.value;
      if (typeof v === "number" && Number.isFinite(v)) units.get(unitKey(u.name))!.values.set(id, v);
    }
  }
  return { fileName, period, units };
}

/** Folded label → indicator ID, for labels that name exactly one indicator across the catalog. */
function labelIndex(catalog: Catalog): Map<string, string> {
  const seen = new Map<string, Set<string>>();
  for (const t of catalog.templates)
    for (const r of t.rows.filter(isValueRow)) {
      const k = foldText(r.label);
      const s = seen.get(k) ?? new Set<string>();
      s.add(r.id);
      seen.set(k, s);
    }
  const out = new Map<string, string>();
  for (const [k, s] of seen) if (s.size === 1) out.set(k, [...s][0]);
  return out;
}

/** One unit's column as previous figures, found by its name (abbreviations allowed, see unitKey). */
export function unitFigures(c: ConsolidatedFigures, unitName: string): PreviousFigures | undefined {
  const u = c.units.get(unitKey(unitName));
  return u ? { fileName: c.fileName, period: c.period, values: u.values } : undefined;
}
