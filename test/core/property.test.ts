import fc from "fast-check";
import { checkGrids } from "../../src/core/check/check";
import { Cell, Grid } from "../../src/core/grid";
import { readValue } from "../../src/core/numbers";
import { recognizeSheet } from "../../src/core/recognize/recognize";
import { catalog, ruleSet } from "../support/data";

const cellValue = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom("STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "1.129", "56,52", "100%", "=SUM(A1)", "Không = 0, Có = 1", "CCHC-ID:{"),
);
const cell: fc.Arbitrary<Cell | undefined> = fc.option(fc.record({ value: cellValue, format: fc.option(fc.constantFrom("0%", "General", "@", "0.00"), { nil: undefined }) }), { nil: undefined });
const grid: fc.Arbitrary<Grid> = fc.record({ name: fc.string(), rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 40 }) });

/** Real labels in random places, so the checker also runs past recognition. */
const labelled: fc.Arbitrary<Grid> = fc.array(fc.tuple(fc.integer({ min: 0, max: 184 }), cellValue, cellValue), { maxLength: 120 }).map((rows) => {
  const t = catalog.byId.get("so-nganh-2023")!;
  return {
    name: "x",
    rows: [
      [{ value: "STT" }, { value: "Chỉ tiêu thống kê" }, { value: "Kết quả" }],
      [undefined, undefined, { value: "Đơn vị tính" }, { value: "Số liệu" }],
      ...rows.map(([i, unit, v]) => [{ value: t.rows[i].stt }, { value: t.rows[i].label }, { value: unit }, { value: v }, { value: v }]),
    ],
  };
});

describe("the reader and the checker never throw", () => {
  it("on arbitrary grids", () => {
    fc.assert(
      fc.property(grid, (g) => {
        recognizeSheet(g, catalog);
        checkGrids([g], catalog, ruleSet);
      }),
      { numRuns: 300 },
    );
  });

  it("on grids with real labels and arbitrary values", () => {
    fc.assert(
      fc.property(labelled, (g) => {
        const r = checkGrids([g], catalog, ruleSet);
        if (r.ok) for (const f of r.findings) expect(f.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it("on arbitrary cell values of every kind", () => {
    fc.assert(
      fc.property(cell, fc.constantFrom("count", "percent", "coded", "money", "text" as const), (c, kind) => {
        readValue(c, kind, [{ value: 0, label: "Không" }, { value: 1, label: "Có" }]);
      }),
    );
  });
});
