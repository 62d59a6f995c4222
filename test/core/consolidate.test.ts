import { readXlsx } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { isValueRow } from "../../src/core/catalog/schema";
import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { MergeInput, SharedPlaces, consolidate, mergeInput } from "../../src/core/consolidate/consolidate";
import { FINDINGS_SHEET, MERGE_SHEET, STATUS_SHEET, UNITS_SHEET, buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { Period } from "../../src/core/period";
import { syntheticSubmission, syntheticValue } from "../../scripts/syntheticSubmissions";
import { FIXTURES, catalog, fixture, ruleSet } from "../support/data";

const Q1: Period = { kind: "q1", year: 2023 };
const dept = catalog.byId.get("so-nganh-2023")!;
const district = catalog.byId.get("cap-huyen-2023")!;

function input(fileName: string, bytes: Uint8Array, modified = 0): MergeInput {
  return { fileName, modified, result: checkReceivedFile(bytes, fileName, catalog, ruleSet) };
}

/** A province: 6 departments (half typed, half text, half unstamped), 4 districts, the two seed files of Q1 2023. */
function province(): { inputs: MergeInput[]; deptNames: string[]; districtNames: string[] } {
  const inputs: MergeInput[] = [];
  const deptNames = ["Sở Tư pháp", "Sở Xây dựng", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Công Thương", "Sở Nội vụ"];
  const districtNames = ["UBND huyện Kế Sách", "UBND huyện Mỹ Tú", "UBND thị xã Vĩnh Châu", "UBND huyện Trần Đề"];
  deptNames.forEach((n, i) =>
    inputs.push(input(`so-${i}.xlsx`, syntheticSubmission(dept, n, i, Q1, { asText: i % 2 === 1, unstamped: i >= 3 }), 1000 + i)),
  );
  districtNames.forEach((n, i) => inputs.push(input(`huyen-${i}.xlsx`, syntheticSubmission(district, n, i, Q1, { asText: i % 2 === 0 }), 2000 + i)));
  inputs.push(input("000.xlsx", fixture(`${FIXTURES.nongNghiep}.xlsx`), 3000));
  inputs.push(input("003.xlsx", fixture(`${FIXTURES.cuLaoDung}-text.xlsx`), 3001));
  // The same department twice (an older file sent again with other numbers), identical copy of another.
  inputs.push(input("so-0-cu.xlsx", syntheticSubmission(dept, "Sở Tư pháp", 9, Q1), 10));
  inputs.push(input("so-1-ban-sao.xlsx", syntheticSubmission(dept, "Sở Xây dựng", 1, Q1, { asText: true }), 5000));
  // Not a report, truncated, another period.
  inputs.push(input("bang-luong.xlsx", writeXlsx([{ name: "Lương", columns: [], rows: [[{ value: "Họ tên" }, { value: "Lương" }]], merges: [], validations: [], protect: false }])));
  const good = syntheticSubmission(dept, "Sở Tài chính", 3, Q1);
  inputs.push(input("so-tai-chinh-loi.xlsx", good.slice(0, good.length - 200)));
  inputs.push(input("so-van-hoa-q2.xlsx", syntheticSubmission(dept, "Sở Văn hóa", 2, { kind: "q2", year: 2023 })));
  return { inputs, deptNames, districtNames };
}

describe("consolidating a province", () => {
  const { inputs, deptNames, districtNames } = province();
  const c = consolidate(inputs, { expected: [...deptNames, ...districtNames, "Sở Nông nghiệp và PTNT", "Ủy ban nhân dân huyện Cù Lao Dung", "Sở Ngoại vụ"].map((name) => ({ name })) });

  it("merges every usable unit once, grouped by unit type", () => {
    expect(c.period).toEqual(Q1);
    expect(c.units.map((u) => u.unitName)).toEqual([
      ...[...deptNames, "Sở Nông nghiệp và PTNT"].sort((a, b) => a.localeCompare(b, "vi")),
      ...[...districtNames, "Ủy ban nhân dân huyện Cù Lao Dung"].sort((a, b) => a.localeCompare(b, "vi")),
    ]);
    expect(c.missing).toEqual(["Sở Ngoại vụ"]);
  });

  it("lists rejected, duplicate and other-period files with their reasons", () => {
    const status = Object.fromEntries(c.files.map((f) => [f.fileName, f.status]));
    expect(status["bang-luong.xlsx"]).toBe("rejected");
    expect(status["so-tai-chinh-loi.xlsx"]).toBe("rejected");
    expect(c.files.find((f) => f.fileName === "so-tai-chinh-loi.xlsx")?.reason).toContain("hỏng hoặc không đầy đủ");
    expect(status["so-van-hoa-q2.xlsx"]).toBe("otherPeriod");
    expect(status["so-0-cu.xlsx"]).toBe("duplicate");
    expect(c.files.find((f) => f.fileName === "so-0-cu.xlsx")?.reason).toContain("mới hơn “so-0.xlsx”");
    const copy = c.files.find((f) => f.status === "duplicate" && f.unitName === "Sở Xây dựng");
    expect(copy?.reason).toContain("giống hệt");
  });

  it("sums counts over the units that reported them; a blank is not a zero", () => {
    const row = c.rows.find((r) => r.indicator?.id === "direction.plan.tasks_planned")!;
    const deptIndex = dept.rows.findIndex((r) => isValueRow(r) && r.id === "direction.plan.tasks_planned");
    const distIndex = district.rows.findIndex((r) => isValueRow(r) && r.id === "direction.plan.tasks_planned");
    const dRow = dept.rows[deptIndex];
    const hRow = district.rows[distIndex];
    if (!isValueRow(dRow) || !isValueRow(hRow)) throw new Error("not an indicator");
    const synthetic = deptNames.reduce((s, _n, i) => s + syntheticValue(dRow, deptIndex, i)!, 0) + districtNames.reduce((s, _n, i) => s + syntheticValue(hRow, distIndex, i)!, 0);
    expect(row.indicator!.total).toBe(synthetic + 23 + 19); // seeds 000 and 003
    expect(row.indicator!.reported).toBe(12);
    const blankInSeeds = c.rows.find((r) => r.indicator?.id === "direction.inspection.issues_found")!;
    expect(blankInSeeds.indicator!.reported).toBe(11); // 000 left it blank
  });

  it("recomputes a rate from summed parts, never averaging percentages", () => {
    const rate = c.rows.find((r) => r.indicator?.id === "direction.plan.completion_rate")!.indicator!;
    const sum = (id: string) => c.units.reduce((s, u) => s + (u.values.get(id)?.number ?? 0), 0);
    expect(rate.total).toBeCloseTo(Math.round((10000 * sum("direction.plan.tasks_done")) / sum("direction.plan.tasks_planned")) / 100, 2);
    expect(rate.values.get("Sở Nông nghiệp và PTNT")).toBe(56.52);
  });

  it("counts units answering “Có” out of units reporting a coded answer", () => {
    const coded = c.rows.find((r) => r.indicator?.id === "direction.innovation.has_initiative")!.indicator!;
    const answers = [...coded.values.values()];
    expect(coded.reported).toBe(answers.length);
    expect(coded.total).toBe(answers.filter((v) => v === 1).length);
  });

  it("writes the consolidated workbook that reads back with totals, status and findings", () => {
    const grids = readXlsx(writeXlsx(buildMergeLayouts(c)));
    expect(grids.map((g) => g.name)).toEqual([MERGE_SHEET, STATUS_SHEET, FINDINGS_SHEET, UNITS_SHEET]);
    const totals = grids[0];
    const planned = totals.rows.find((r) => r[1]?.value === c.rows.find((x) => x.indicator?.id === "direction.plan.tasks_planned")!.label)!;
    expect(planned[3]?.value).toBe(c.rows.find((x) => x.indicator?.id === "direction.plan.tasks_planned")!.indicator!.total);
    expect(planned[3]?.formula).toMatch(/^IF\(COUNT\(G\d+:\w+\d+\)=0,"",SUM\(G\d+:\w+\d+\)\)$/);
    const status = grids[1].rows.map((r) => r.map((x) => x?.value));
    expect(status.find((r) => r[1] === "Sở Ngoại vụ")?.[2]).toBe("Chưa nộp");
    expect(status.find((r) => r[3] === "bang-luong.xlsx")?.[2]).toBe("Lỗi tệp");
    const findings = grids[2].rows.map((r) => r.map((x) => x?.value));
    expect(findings.some((r) => r[1] === "Sở Nông nghiệp và PTNT" && r[4] === "D173")).toBe(true);
    expect(grids[3].rows.slice(2).map((r) => r[0]?.value)).toContain("Sở Ngoại vụ");
  });
});

describe("what a merge keeps of each file", () => {
  it("holds the sheet rows of its values once for every file given the same places", () => {
    const files = ["Sở Tài chính tỉnh Điện Biên", "Sở Văn hóa tỉnh Điện Biên"].map((name, i) =>
      checkReceivedFile(syntheticSubmission(dept, name, i, Q1), `bc-${i}.xlsx`, catalog, ruleSet),
    );
    const kept = (places?: SharedPlaces) =>
      files.map((f, i) => {
        const r = mergeInput(`bc-${i}.xlsx`, f, 0, places).result;
        if (!r.ok) throw new Error(r.reason);
        return r.values;
      });
    const [a, b] = kept(new SharedPlaces());
    expect(a.size).toBeGreaterThan(50);
    for (const [id, v] of a) {
      expect(b.get(id)!.sheetRow).toBe(v.sheetRow);
      expect(b.get(id)!.cell).toBe(v.cell);
    }
    const [c, d] = kept();
    const [id, v] = [...c][0];
    expect(d.get(id)!.sheetRow).not.toBe(v.sheetRow);
    expect(d.get(id)!.sheetRow).toEqual(v.sheetRow);
  });
});
