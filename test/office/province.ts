/** Reports of a made-up province for the fake Excel: the fixtures' first sheets sent under other unit names. */
import { readXlsx } from "../../src/adapters/xlsx/read";
import { checkGrids } from "../../src/core/check/check";
import { Consolidation, consolidate } from "../../src/core/consolidate/consolidate";
import { Grid } from "../../src/core/grid";
import { FIXTURES, catalog, fixture, ruleSet } from "../support/data";

export function firstGrid(name: string): Grid {
  return readXlsx(fixture(`${name}.xlsx`))[0];
}

export function copyGrid(grid: Grid, name = grid.name): Grid {
  return { name, rows: grid.rows.map((row) => row.map((c) => (c ? { ...c } : c))) };
}

/** The same report from another unit: every title line that names the sender ("… của …", "TRÊN ĐỊA BÀN …") names `unit`. */
export function renamed(grid: Grid, unit: string): Grid {
  const out = copyGrid(grid);
  out.rows.slice(0, 8).forEach((row) =>
    row.forEach((cell) => {
      if (!cell || typeof cell.value !== "string") return;
      cell.value = cell.value
        .replace(/\bcủa\s+[^()]*?(\)?)\s*$/u, `của ${unit}$1`)
        .replace(/\b(TRÊN ĐỊA BÀN|TẠI)\s+.*$/u, `$1 ${unit.toUpperCase()}`);
    }),
  );
  return out;
}

/** `units` reports, departments and districts alternating, each under its own name. */
export function province(units: number): Consolidation {
  const sources = [FIXTURES.nongNghiep, FIXTURES.cuLaoDung];
  return consolidate(
    Array.from({ length: units }, (_, i) => {
      const unit = i % 2 === 0 ? `Sở Thử nghiệm số ${i + 1}` : `Ủy ban nhân dân huyện Thử nghiệm ${i + 1}`;
      const fileName = `bao-cao-${i + 1}.xlsx`;
      return { fileName, result: checkGrids([renamed(firstGrid(sources[i % 2]), unit)], catalog, ruleSet, fileName) };
    }),
  );
}
