import { readXlsx } from "../../src/adapters/xlsx/read";
import { Grid } from "../../src/core/grid";
import { recognizeSheet } from "../../src/core/recognize/recognize";
import { FIXTURES, catalog, fixture } from "../support/data";

function stripDiacritics(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/** A deterministic typo: two neighbouring letters swapped in the middle of the label. */
function typo(s: string): string {
  const i = Math.floor(s.length / 2);
  return s.length > 12 ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s;
}

function mapLabels(grid: Grid, f: (label: string, i: number) => string): Grid {
  return {
    name: grid.name,
    rows: grid.rows.map((row, i) => row.map((cell, c) => (c === 1 && cell && typeof cell.value === "string" && i > 8 ? { ...cell, value: f(cell.value, i) } : cell))),
  };
}

function matchedIndices(grid: Grid): Map<number, number> {
  const r = recognizeSheet(grid, catalog);
  if (!r.ok) throw new Error(r.reason);
  expect(r.submission.template.id).toBe("so-nganh-2023");
  return new Map(r.submission.matched.map((m) => [m.row.r, m.templateIndex]));
}

describe("recognition tolerates how labels are typed", () => {
  const original = readXlsx(fixture(`${FIXTURES.nongNghiep}.xlsx`))[0];
  const reference = matchedIndices(original);

  it.each([
    ["without diacritics", (l: string) => stripDiacritics(l)],
    ["in capitals with extra spaces and punctuation", (l: string) => `  ${l.toUpperCase().replace(/ /g, "  ")} :`],
    ["with a leading “- ” on every item", (l: string) => `- ${l}`],
    ["with a typo in every third label", (l: string, i: number) => (i % 3 === 0 ? typo(l) : l)],
  ])("%s", (_name, f) => {
    const got = matchedIndices(mapLabels(original, f));
    let same = 0;
    for (const [r, idx] of reference) if (got.get(r) === idx) same++;
    expect(same / reference.size).toBeGreaterThanOrEqual(0.97);
  });
});
