import { writeLayouts } from "../../src/adapters/office/writeLayout";
import { Consolidation } from "../../src/core/consolidate/consolidate";
import { Finding } from "../../src/core/findings";
import { FINDINGS_SHEET, buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { MAX_PAYLOAD_BYTES, createMockExcel } from "./mockExcel";
import { province } from "./province";

/** `count` findings spread over the units, errors and warnings alternating (the most areas to colour). */
function withFindings(c: Consolidation, count: number): Consolidation {
  const per = Math.ceil(count / c.units.length);
  let left = count;
  const units = c.units.map((u, i) => {
    const n = Math.min(per, left);
    left -= n;
    const findings: Finding[] = Array.from({ length: n }, (_, k) => ({
      cell: `E${20 + k}`,
      row: 20 + k,
      severity: (k + i) % 2 ? "warning" : "error",
      rule: `R2026-${k % 40}`,
      message: `Chỉ tiêu ${k % 40} của đơn vị ${i + 1} không khớp với tổng các chỉ tiêu thành phần (quý I/2026).`,
    }));
    return { ...u, findings };
  });
  return { ...c, units };
}

async function largestRequest(c: Consolidation): Promise<number> {
  const mock = createMockExcel({ sheets: { Sheet1: { values: [[""]] } } });
  await writeLayouts(mock.context, buildMergeLayouts(c), { activate: true, replace: true });
  return Math.max(...mock.requestSizes());
}

describe("every request built by Microsoft's Office.js serializer stays under 5 MB", () => {
  const base = province(150);

  it("writes the consolidation of 150 units", async () => {
    const bytes = await largestRequest(base);
    console.log(`Largest request, consolidation of 150 units: ${(bytes / 1e6).toFixed(2)} MB`);
    expect(bytes).toBeLessThan(MAX_PAYLOAD_BYTES);
  });

  it("writes a findings sheet of 30 000 findings", async () => {
    const c = withFindings(base, 30_000);
    expect(buildMergeLayouts(c).find((l) => l.name === FINDINGS_SHEET)!.rows.length).toBeGreaterThan(30_000);
    const bytes = await largestRequest(c);
    console.log(`Largest request, "Lỗi" sheet of 30 000 findings: ${(bytes / 1e6).toFixed(2)} MB`);
    expect(bytes).toBeLessThan(MAX_PAYLOAD_BYTES);
  });
});
