import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { checkGrids } from "../../src/core/check/check";
import { MergeInput } from "../../src/core/consolidate/consolidate";
import { Cell, Grid } from "../../src/core/grid";
import { LayoutCell } from "../../src/core/layout/sheetLayout";
import { FIXTURES, catalog, fixture, ruleSet } from "./data";

/**
 * A province of department and district submissions for Quý I 2023, made from the seed workbooks by
 * changing the unit named in the title and some values: Sở Tư pháp and Sở Nội vụ (on tinh-2023, from 004),
 * Sở TNMT (004 itself), Sở Nông nghiệp (000, so-nganh-2023) and two districts (003 and a copy).
 */
export const PROVINCE: { file: string; base: string; rename: [string, string][]; values: Record<string, number | null> }[] = [
  {
    file: "so-tu-phap.xlsx",
    base: FIXTURES.taiNguyen,
    rename: [["QUÝ II TẠI SỞ TÀI NGUYÊN MÔI TRƯỜNG", "QUÝ I NĂM 2023 TẠI SỞ TƯ PHÁP"], ["/BC-STNMT ngày / 12 / 2023 của Sở TNMT", "/BC-STP ngày / 3 / 2023 của Sở Tư pháp"]],
    values: {
      "institution.legal_docs.issued_province": 20,
      "institution.legal_docs.issued_province_council": 8,
      "institution.legal_docs.issued_province_committee": 12,
      "institution.legal_docs_check.checked": 40,
      "institution.legal_docs_check.to_handle": 6,
      "institution.legal_docs_check.handled": 3,
      "institution.legal_docs_check.handled_rate": 50,
    },
  },
  {
    file: "so-noi-vu.xlsx",
    base: FIXTURES.taiNguyen,
    rename: [["QUÝ II TẠI SỞ TÀI NGUYÊN MÔI TRƯỜNG", "QUÝ I NĂM 2023 TẠI SỞ NỘI VỤ"], ["/BC-STNMT ngày / 12 / 2023 của Sở TNMT", "/BC-SNV ngày / 3 / 2023 của Sở Nội vụ"]],
    values: {
      "direction.plan.directive_documents": 30,
      "direction.plan.tasks_planned": 50,
      "direction.plan.tasks_done": 45,
      "organisation.management_boards": 3,
      "organisation.interagency_bodies": null,
    },
  },
  {
    file: "so-tai-nguyen.xlsx",
    base: FIXTURES.taiNguyen,
    rename: [["QUÝ II TẠI", "QUÝ I NĂM 2023 TẠI"]],
    values: {},
  },
  { file: "so-nong-nghiep.xlsx", base: FIXTURES.nongNghiep, rename: [], values: {} },
  { file: "huyen-cu-lao-dung.xlsx", base: FIXTURES.cuLaoDung, rename: [], values: {} },
  {
    file: "huyen-long-phu.xlsx",
    base: FIXTURES.cuLaoDung,
    rename: [["CÙ LAO DUNG", "LONG PHÚ"], ["Cù Lao Dung", "Long Phú"]],
    values: { "procedures.cases_commune.received": 900, "procedures.cases_commune.solved": 880, "procedures.cases_commune.solved_on_time": 870 },
  },
];

/** One unit's workbook: the seed workbook with its title renamed and some values replaced. */
export function provinceWorkbook(p: (typeof PROVINCE)[number]): Uint8Array {
  const grids = readXlsx(fixture(`${p.base}.xlsx`));
  const grid: Grid = grids[0];
  const header = grid.rows.findIndex((r) => r?.[0]?.value === "STT");
  for (let r = 0; r < header; r++) {
    const row = grid.rows[r] ?? [];
    row.forEach((cell, c) => {
      // Read cells are shared and frozen: a renamed one is a new cell.
      if (cell && typeof cell.value === "string") row[c] = { ...cell, value: p.rename.reduce((v, [from, to]) => v.replace(from, to), cell.value) };
    });
  }
  const checked = checkGrids(grids, catalog, ruleSet, p.file);
  if (!checked.ok) throw new Error(checked.reason);
  for (const [id, value] of Object.entries(p.values)) {
    const v = checked.values.get(id);
    if (!v) throw new Error(`${p.file}: no row ${id}`);
    const m = /^([A-Z]+)(\d+)$/.exec(v.cell)!;
    const row = (grid.rows[Number(m[2]) - 1] ??= []);
    row[m[1].charCodeAt(0) - 65] = { value };
  }
  const rows = grid.rows.map((r) => (r ?? []).map((c: Cell | undefined): LayoutCell => (c ? { value: c.value as string | number | null, ...(c.format?.includes("%") ? { style: "percentTyped" } : {}) } : {})));
  return writeXlsx([{ name: grid.name, columns: [{ width: 6 }, { width: 60 }, { width: 16 }, { width: 12 }, { width: 30 }], rows, merges: [], validations: [], protect: false }]);
}

/** The province's files written to `dir`; returns their paths. */
export function writeProvince(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return PROVINCE.map((p) => {
    const file = join(dir, p.file);
    writeFileSync(file, provinceWorkbook(p));
    return file;
  });
}

/** The province as merge inputs, read back from the written workbooks. */
export function provinceInputs(): MergeInput[] {
  return PROVINCE.map((p) => ({ fileName: p.file, result: checkGrids(readXlsx(provinceWorkbook(p)), catalog, ruleSet, p.file) }));
}
