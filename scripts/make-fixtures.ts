/**
 * Builds the fixture workbooks from the seed reports the way a unit would send them: one copy with
 * numbers typed as Excel stores them (vi-VN), one with every cell as text. Run: npm run fixtures
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "fs";
import { join } from "path";
import { writeXlsx } from "../src/adapters/xlsx/write";
import { LayoutCell, SheetLayout } from "../src/core/layout/sheetLayout";
import { parseSeed } from "./seedTable";

const ROOT = join(__dirname, "..", "..");
const SEEDS = join(ROOT, "test", "fixtures", "seeds");
const OUT = join(ROOT, "test", "fixtures", "workbooks");

export const FIXTURE_NAMES: Record<string, string> = {
  "000": "000-so-nong-nghiep-q1-2023",
  "001": "001-so-thong-tin-nam-2023",
  "002": "002-so-tai-chinh-q1-2021",
  "003": "003-huyen-cu-lao-dung-q1-2023",
  "004": "004-so-tai-nguyen-khanh-hoa-2023",
};

/** What Excel (Vietnamese locale) stores when an officer types `s`. */
export function typedCell(s: string): LayoutCell {
  const t = s.trim();
  if (/^\d+$/.test(t)) return { value: Number(t) };
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return { value: Number(t.replace(/\./g, "")) };
  if (/^\d+,\d+$/.test(t)) return { value: Number(t.replace(",", ".")) };
  const pct = /^(\d+(?:,\d+)?)\s*%$/.exec(t);
  if (pct) return { value: Number(pct[1].replace(",", ".")) / 100, style: "percentTyped" };
  return { value: s };
}

export function seedLayout(text: string, mode: "typed" | "text", name = "Phụ lục"): SheetLayout {
  const seed = parseSeed(text);
  const rows: LayoutCell[][] = seed.titleLines.map((l) => [{ value: l }]);
  rows.push([]);
  for (const cells of seed.rows) {
    rows.push(cells.map((c, i) => (c === "" ? {} : mode === "typed" && i !== 1 ? typedCell(c) : { value: c })));
  }
  return {
    name,
    columns: [{ width: 6 }, { width: 60 }, { width: 16 }, { width: 12 }, { width: 30 }],
    rows,
    merges: [],
    validations: [],
    protect: false,
  };
}

if (require.main === module) {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(SEEDS).filter((x) => x.endsWith(".txt"))) {
    const key = f.slice(0, 3);
    const text = readFileSync(join(SEEDS, f), "utf8");
    for (const mode of ["typed", "text"] as const) {
      const file = join(OUT, `${FIXTURE_NAMES[key]}${mode === "text" ? "-text" : ""}.xlsx`);
      writeFileSync(file, writeXlsx([seedLayout(text, mode)]));
      console.log(file);
    }
  }
}
