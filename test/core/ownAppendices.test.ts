import { loadBuiltinPackage } from "../../src/adapters/node/packageFiles";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { proposeTemplate } from "../../src/core/authoring/author";
import { VocabularyError, defaultVocabulary, parseVocabulary } from "../../src/core/authoring/vocabulary";
import { checkGrids } from "../../src/core/check/check";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { isValueRow } from "../../src/core/catalog/schema";
import { addTemplate } from "../../src/core/package/package";
import { Finding } from "../../src/core/findings";
import { Rule } from "../../src/core/rules/schema";
import { appendixSheet, faultsOf, fillFigures, filledReport } from "../support/appendixReports";
import { APPENDICES, Appendix } from "../support/ownAppendices";

const builtin = loadBuiltinPackage();
const period = { kind: "year" as const, year: 2026 };
const UNITS = ["Một", "Hai", "Ba", "Bốn", "Năm"];

function measure(a: Appendix) {
  const grid = readXlsx(appendixSheet(a))[0];
  const proposal = proposeTemplate(grid, builtin, { unitType: a.unitType, unitTypeLabel: a.unitTypeLabel, version: "2026" });
  const pkg = addTemplate(builtin, { template: proposal.template, rules: proposal.rules });
  const t = pkg.catalog.byId.get(proposal.template.id)!;
  const ids = proposal.review.map((r) => r.id);
  const byKey = new Map(a.rows.flatMap((r, i) => (r.key ? [[r.key, i] as const] : [])));
  const rules = new Map(pkg.ruleSet.rules.map((r) => [r.id, r]));

  const kindsWrong = a.rows.flatMap((r, i) => (proposal.review[i].kind === r.kind ? [] : [`${r.stt} ${r.label}: ${proposal.review[i].kind} ≠ ${r.kind}`]));
  const rates = a.rows.flatMap((r, i) => (r.kind === "percent" ? [i] : []));
  const ratesWrong = rates.flatMap((i) => {
    const r = a.rows[i];
    const row = t.rows[i];
    const agg = isValueRow(row) ? row.aggregate : undefined;
    const ok = r.rate
      ? agg?.type === "ratio" && agg.numerator === ids[byKey.get(r.rate.num)!] && agg.denominator === ids[byKey.get(r.rate.den)!]
      : agg?.type !== "ratio" && proposal.untiedRates.some((u) => u.index === i);
    return ok ? [] : [`${r.label}: ${agg?.type === "ratio" ? `${agg.numerator} / ${agg.denominator}` : "chưa gắn"}`];
  });
  const reuse = a.rows.flatMap((r, i) => (r.catalogId ? [[r.catalogId, ids[i]]] : []));

  const check = (bytes: Uint8Array, name: string) => {
    const res = checkGrids(readXlsx(bytes), pkg.catalog, pkg.ruleSet, name);
    if (!res.ok) throw new Error(res.reason);
    return res;
  };
  const correct = UNITS.map((u, k) => ({ fileName: `${u}.xlsx`, result: check(filledReport(t, fillFigures(a, k + 1), `${a.unitTypeLabel} ${u}`, period), `${u}.xlsx`) }));
  const falseFindings = correct.flatMap((c) => (c.result.ok ? c.result.findings : []));

  const touches = (f: Finding, fault: ReturnType<typeof faultsOf>[number]): boolean => {
    const rule: Rule | undefined = rules.get(f.rule);
    const id = ids[fault.row];
    if (!rule) return false;
    if (fault.type === "part") return rule.type === "compare" && rule.left.includes(id!);
    if (fault.type === "rate") return rule.type === "rate" && rule.rate === id;
    return rule.type === "codedDetails" && rule.coded === id;
  };
  const base = check(filledReport(t, fillFigures(a, 7), "Đơn vị thử", period), "thu.xlsx");
  const seen = new Set(base.ok ? base.findings.map((f) => `${f.rule}|${f.cell}`) : []);
  const faults = faultsOf(a).map((fault) => {
    const res = check(filledReport(t, fillFigures(a, 7, fault), "Đơn vị thử", period), "loi.xlsx");
    const found = (res.ok ? res.findings : []).filter((f) => !seen.has(`${f.rule}|${f.cell}`) && touches(f, fault));
    return { fault, found: found.length > 0, error: found.some((f) => f.severity === "error"), label: a.rows[fault.row].label };
  });

  const merged = consolidate(correct.map((c) => ({ fileName: c.fileName, result: c.result })));
  const mergeWrong = rates.flatMap((i) => {
    const r = a.rows[i];
    if (!r.rate) return [];
    const sum = (k: string) => correct.reduce((s, _c, u) => s + fillFigures(a, u + 1).get(byKey.get(k)!)!, 0);
    const want = (100 * sum(r.rate.num)) / sum(r.rate.den);
    const got = merged.rows[i].indicator?.total;
    return got !== null && got !== undefined && Math.abs(got - want) < 0.01 ? [] : [`${r.label}: ${got} ≠ ${want.toFixed(2)}`];
  });
  return { a, proposal, kindsWrong, rates, ratesWrong, reuse, falseFindings, faults, mergeWrong };
}

const results = APPENDICES.map(measure);

describe("a province's own appendices: relations from structure and meaning", () => {
  test("figures per appendix", () => {
    const lines = results.map((r) => {
      const byHow = (how: string) => r.faults.filter((f) => f.fault.type === "part" && f.fault.how === how);
      const part = ["numbering", "item", "subset"].map((h) => `${h} ${byHow(h).filter((f) => f.found).length}/${byHow(h).length}`).join(", ");
      const kind = (k: string) => r.faults.filter((f) => f.fault.type === k);
      return [
        `${r.a.name}: ${r.a.rows.length} dòng`,
        `  kinds right ${r.a.rows.length - r.kindsWrong.length}/${r.a.rows.length}; rates tied right ${r.rates.length - r.ratesWrong.length}/${r.rates.length}; IDs reused ${r.reuse.filter(([w, g]) => w === g).length}/${r.reuse.length}`,
        `  5 correct reports: ${r.falseFindings.filter((f) => f.severity === "error").length} errors, ${r.falseFindings.length - r.falseFindings.filter((f) => f.severity === "error").length} warnings`,
        `  faults found ${r.faults.filter((f) => f.found).length}/${r.faults.length} (as errors ${r.faults.filter((f) => f.error).length}): part > whole by ${part}; rates ${kind("rate").filter((f) => f.found).length}/${kind("rate").length}; coded ${kind("coded").filter((f) => f.found).length}/${kind("coded").length}`,
        `  merged rates = Σ tử / Σ mẫu: ${r.rates.filter((i) => r.a.rows[i].rate).length - r.mergeWrong.length}/${r.rates.filter((i) => r.a.rows[i].rate).length}`,
        ...r.kindsWrong.map((x) => `  kind: ${x}`),
        ...r.ratesWrong.map((x) => `  rate: ${x}`),
        ...r.falseFindings.map((f) => `  false ${f.severity}: ${f.rule} ${f.message}`),
        ...r.faults.filter((f) => !f.found).map((f) => `  missed ${f.fault.type}: ${f.label}`),
        ...r.mergeWrong.map((x) => `  merge: ${x}`),
      ].join("\n");
    });
    console.log(lines.join("\n"));
  });

  test.each(results.map((r) => [r.a.name, r] as const))("%s: 60+ rows, kinds ≥ 95 %% right, rates and reused IDs right", (_n, r) => {
    expect(r.a.rows.length).toBeGreaterThanOrEqual(60);
    expect(r.proposal.review.length).toBe(r.a.rows.length);
    expect(r.kindsWrong.length / r.a.rows.length).toBeLessThanOrEqual(0.05);
    expect(r.ratesWrong).toEqual([]);
    for (const [want, got] of r.reuse) expect(got).toBe(want);
  });

  test.each(results.map((r) => [r.a.name, r] as const))("%s: correct reports give no error; every planted fault is found; merged rates from summed parts", (_n, r) => {
    expect(r.falseFindings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.faults.filter((f) => !f.found).map((f) => f.label)).toEqual([]);
    expect(r.mergeWrong).toEqual([]);
  });

  test("a guess is never an error: wording gives warnings, the layout gives errors; an untied rate is listed and tied in one edit", () => {
    const ward = results[2];
    const p = ward.proposal;
    const idOf = (label: string) => p.review[ward.a.rows.findIndex((r) => r.label === label)].id!;
    const rule = (left: string) => p.ruleReview.find((r) => r.rule.type === "compare" && r.rule.left[0] === idOf(left))!;
    expect(rule("Số hồ sơ đã giải quyết")).toMatchObject({ confidence: "likely", rule: { severity: "warning", right: [idOf("Số hồ sơ tiếp nhận trong kỳ")] } });
    expect(rule("Số hồ sơ đã giải quyết").evidence).toContain("cặp “tiếp nhận ⊇ giải quyết, xử lý, trả lời, số hóa”");
    expect(rule("Hồ sơ nộp trực tuyến")).toMatchObject({ confidence: "stated", rule: { severity: "error" } });
    expect(rule("Hồ sơ nộp trực tuyến").evidence).toContain("STT 3.3.1.1 nằm trong mục 3.3.1");
    const rate = "Tỷ lệ TTHC có dịch vụ công trực tuyến (toàn trình và một phần)";
    const untied = p.untiedRates.find((u) => u.label === rate)!;
    expect(untied.candidates.map((c) => c.id)).toEqual(expect.arrayContaining([idOf("TTHC có dịch vụ công trực tuyến toàn trình"), idOf("TTHC có dịch vụ công trực tuyến một phần")]));
    const at = ward.a.rows.findIndex((r) => r.label === rate);
    const grid = readXlsx(appendixSheet(ward.a))[0];
    const tied = proposeTemplate(grid, builtin, {
      unitType: ward.a.unitType,
      unitTypeLabel: ward.a.unitTypeLabel,
      version: "2026",
      edits: new Map([[at, { numerator: idOf("TTHC có dịch vụ công trực tuyến toàn trình"), denominator: idOf("Tổng số TTHC áp dụng tại phường, gồm:") }]]),
    });
    expect(tied.untiedRates.find((u) => u.label === rate)).toBeUndefined();
    expect(tied.ruleReview.find((r) => r.rule.type === "rate" && r.rule.rate === idOf(rate))).toMatchObject({ confidence: "stated", rule: { severity: "error" } });
  });

  test("the vocabulary is data, checked when loaded", () => {
    expect(defaultVocabulary().subsetPairs.length).toBeGreaterThan(3);
    const bad = { ...defaultVocabulary(), subsetPairs: [{ whole: ["Tiếp nhận"], part: [], label: "x" }] };
    expect(() => parseVocabulary(bad)).toThrow(VocabularyError);
    expect(() => parseVocabulary(bad)).toThrow(/Từ vựng quan hệ giữa các dòng không hợp lệ/);
  });
});
