import { loadBuiltinPackage } from "../../src/adapters/node/packageFiles";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { proposeTemplate } from "../../src/core/authoring/author";
import { tryProposal } from "../../src/core/authoring/trial";
import { checkGrids } from "../../src/core/check/check";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { FINDINGS_SHEET, buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { addTemplate } from "../../src/core/package/package";
import { appendixSheet, faultsOf, fillFigures, filledReport } from "../support/appendixReports";
import { COMMUNE } from "../support/ownAppendices";

const builtin = loadBuiltinPackage();
const period = { kind: "year" as const, year: 2026 };
const opts = { unitType: COMMUNE.unitType, unitTypeLabel: COMMUNE.unitTypeLabel, version: "2026" };
const grid = readXlsx(appendixSheet(COMMUNE))[0];
const right = proposeTemplate(grid, builtin, opts);
const at = (label: string) => COMMUNE.rows.findIndex((r) => r.label === label);
const id = (label: string) => right.review[at(label)].id!;
const RATE = "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến";
// Tied the way adjacency tied it: to the two items above instead of "trực tuyến" / the total.
const wrong = proposeTemplate(grid, builtin, {
  ...opts,
  edits: new Map([[at(RATE), { numerator: id("- Số hồ sơ từ kỳ trước chuyển sang"), denominator: id("- Số hồ sơ tiếp nhận trực tiếp tại Bộ phận Một cửa") }]]),
});
const UNITS = ["Tân Phú", "Mỹ Hòa", "An Bình", "Phú Lợi", "Long Điền"];
const t = right.template;
const fault = faultsOf(COMMUNE).find((f) => f.type === "part" && f.how === "item")!;
const reports = UNITS.map((u, k) => ({
  fileName: `xa-${k + 1}.xlsx`,
  bytes: filledReport(t, fillFigures(COMMUNE, k + 11, k === 0 ? fault : undefined), `UBND xã ${u}`, period),
}));
const files = reports.map((r) => ({ fileName: r.fileName, grids: readXlsx(r.bytes) }));

describe("trying a proposed package on filled reports", () => {
  const wrongRule = wrong.ruleReview.find((r) => r.rule.type === "rate" && r.rule.rate === id(RATE))!;

  test("the author's wrong tie is an error rule; on the reports it fails everywhere and a correction is offered", () => {
    expect(wrongRule.rule.severity).toBe("error");
    const trial = tryProposal(wrong, builtin, files);
    expect(trial.read).toBe(5);
    const tried = trial.rules.find((r) => r.proposal.rule.id === wrongRule.rule.id)!;
    expect(tried).toMatchObject({ filled: 5, failed: 5, suspect: true });
    // The planted fault fails one report; the right rules fail none.
    const failing = trial.rules.filter((r) => r.failed > 0 && r !== tried);
    expect(failing.map((r) => [r.failed, r.suspect])).toEqual([[1, false]]);
    const fix = trial.corrections.find((c) => c.rate === id(RATE))!;
    expect(fix).toMatchObject({ numerator: { id: id("- Số hồ sơ tiếp nhận trực tuyến") }, denominator: { id: id("Tổng số hồ sơ đã tiếp nhận") }, fits: 5, of: 5 });
    expect(fix.current?.numerator).toBe(id("- Số hồ sơ từ kỳ trước chuyển sang"));
    // The right proposal needs no correction.
    expect(tryProposal(right, builtin, files).corrections).toEqual([]);
  });

  test("in a merge, a rule most units break is told once as “quy tắc có thể sai”, not as each unit's error", () => {
    const pkg = addTemplate(builtin, { template: wrong.template, rules: wrong.rules });
    const inputs = reports.map((r) => ({ fileName: r.fileName, result: checkGrids(readXlsx(r.bytes), pkg.catalog, pkg.ruleSet, r.fileName) }));
    const before = consolidate(inputs);
    expect(before.units.every((u) => u.findings.some((f) => f.rule === wrongRule.rule.id))).toBe(true);
    const c = consolidate(inputs, { rules: pkg.ruleSet.rules });
    expect(c.suspect).toEqual([expect.objectContaining({ rule: wrongRule.rule.id, failed: 5, filled: 5 })]);
    expect(c.units.some((u) => u.findings.some((f) => f.rule === wrongRule.rule.id))).toBe(false);
    // The planted fault stays the one unit's error.
    expect(c.units.map((u) => [u.fileName, u.errors]).sort()).toEqual(reports.map((r, k) => [r.fileName, k === 0 ? 1 : 0]));
    const sheet = buildMergeLayouts(c).find((l) => l.name === FINDINGS_SHEET)!;
    const texts = sheet.rows.flat().map((x) => String(x.value ?? ""));
    expect(texts.some((x) => x.startsWith("Có 1 quy tắc có thể sai"))).toBe(true);
    expect(texts).toContain("QUY TẮC CÓ THỂ SAI — SỞ NỘI VỤ XEM LẠI QUY TẮC TRƯỚC KHI TRẢ BÁO CÁO");
    expect(texts.filter((x) => x === wrongRule.rule.id).length).toBe(1);
  });
});
