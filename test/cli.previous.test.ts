import { ensureCliBuilt, runCchc } from "./support/cli";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsx } from "../src/adapters/xlsx/read";
import { writeXlsx } from "../src/adapters/xlsx/write";
import { FINDINGS_SHEET, MERGE_SHEET } from "../src/core/layout/mergeLayouts";
import { FIXTURES } from "./support/data";
import { retitled } from "./support/periods";

const tmp = mkdtempSync(join(tmpdir(), "cchc-previous-"));

beforeAll(() => {
  ensureCliBuilt();
});

const cchc = (...args: string[]) => runCchc(tmp, ...args);

function file(name: string, bytes: Uint8Array): string {
  const p = join(tmp, name);
  writeFileSync(p, bytes);
  return p;
}

const nn = `${FIXTURES.nongNghiep}-text.xlsx`;
const tt = `${FIXTURES.thongTin}-text.xlsx`;
const cld = `${FIXTURES.cuLaoDung}-text.xlsx`;

type Json = { findings: { unit: string; row: number; indicator?: string; severity: string; rule: string; message: string }[]; units: { name: string }[] };

describe("cchc check and merge with --previous", () => {
  const q1 = [file("nn-q1.xlsx", retitled(nn, "QUÝ I NĂM 2023")), file("tt-q1.xlsx", retitled(tt, "QUÝ I NĂM 2023")), file("cld-q1.xlsx", retitled(cld, "QUÝ I NĂM 2023"))];
  // 6 tháng: Nông nghiệp grew consistently, Thông tin's tasks done fell, Cù Lao Dung's case files jumped ×10.
  const h1 = [
    file("nn-6t.xlsx", retitled(nn, "6 THÁNG ĐẦU NĂM 2023", { "direction.plan.tasks_done": "18", "direction.plan.completion_rate": "78,26", "procedures.cases.received": "4250", "procedures.cases.solved": "4200" })),
    file("tt-6t.xlsx", retitled(tt, "6 THÁNG ĐẦU NĂM 2023", { "direction.plan.tasks_done": "30", "procedures.cases.received": "190", "procedures.cases.solved": "190" })),
    file("cld-6t.xlsx", retitled(cld, "6 THÁNG ĐẦU NĂM 2023", { "procedures.cases.received": "22900", "procedures.cases_commune.received": "13000" })),
  ];

  it("check: names the previous value, period and file; a consistent pair has no previous.* finding", () => {
    const bad = cchc("check", "--json", h1[1], "--previous", q1[1]);
    const [report] = JSON.parse(bad.out) as { findings: { rule: string; message: string; indicator?: string }[] }[];
    const prev = report.findings.filter((f) => f.rule.startsWith("previous."));
    expect(prev.map((f) => [f.rule, f.indicator])).toEqual([["previous.luy-ke-giam", "direction.plan.tasks_done"]]);
    expect(prev[0].message).toContain("(kỳ trước: 41, Quý I năm 2023, tệp “tt-q1.xlsx”)");
    const ok = cchc("check", "--json", h1[0], "--previous", q1[0]);
    expect((JSON.parse(ok.out) as { findings: { rule: string }[] }[])[0].findings.filter((f) => f.rule.startsWith("previous."))).toEqual([]);
    const text = cchc("check", h1[1], "--previous", q1[1]);
    expect(text.out).toContain("CẢNH BÁO");
    expect(text.out).toContain("tt-q1.xlsx");
  });

  it("check: another unit's report as the previous one is said, not compared", () => {
    const r = cchc("check", h1[0], "--previous", q1[1]);
    expect(r.out).toContain("Không so sánh được với kỳ trước");
    expect(r.out).not.toContain("previous.");
  });

  it("merge: names the units whose figures fell or jumped, and only those, in the JSON and the Lỗi sheet", () => {
    const last = join(tmp, "tong-hop-q1.xlsx");
    expect(cchc("merge", ...q1, "-o", last).code).toBe(0);
    const out = join(tmp, "tong-hop-6t.xlsx");
    const r = cchc("merge", ...h1, "-o", out, "--json", "--previous", last);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Json;
    expect(json.units).toHaveLength(3);
    const prev = json.findings.filter((f) => f.rule.startsWith("previous."));
    const units = [...new Set(prev.map((f) => f.unit))].sort();
    expect(units).toHaveLength(2);
    expect(units.some((u) => /Thông tin/.test(u))).toBe(true);
    expect(units.some((u) => /Cù Lao Dung/.test(u))).toBe(true);
    const jump = prev.find((f) => f.rule === "previous.nhay-vot")!;
    expect(jump).toMatchObject({ indicator: "procedures.cases.received", severity: "warning" });
    expect(jump.message).toContain("tong-hop-q1.xlsx");
    expect(jump.message).toContain("1.145");
    expect(prev.find((f) => f.rule === "previous.luy-ke-giam")?.message).toContain("41");
    const sheets = readXlsx(readFileSync(out));
    const lỗi = sheets.find((g) => g.name === FINDINGS_SHEET)!;
    const rules = lỗi.rows.map((row) => String(row[7]?.value ?? ""));
    expect(rules.filter((x) => x.startsWith("previous.")).length).toBe(prev.length);
    // The consolidated sheet keeps the indicator IDs in a hidden column, so the next merge can read it back.
    const totals = sheets.find((g) => g.name === MERGE_SHEET)!;
    expect(totals.rows.some((row) => row.some((c) => c?.value === "procedures.cases.received"))).toBe(true);
  });

  it("merge: reads a consolidated workbook without the ID column by its labels", () => {
    const last = join(tmp, "tong-hop-q1.xlsx");
    const grids = readXlsx(readFileSync(last));
    const totals = grids.find((g) => g.name === MERGE_SHEET)!;
    // Keep only the visible columns up to the unit names: what an officer re-typing the sheet would keep.
    const header = totals.rows[4].map((c) => String(c?.value ?? ""));
    const idCol = header.indexOf("Mã chỉ tiêu");
    expect(idCol).toBeGreaterThan(0);
    const stripped = writeXlsx([
      {
        name: MERGE_SHEET,
        columns: [],
        rows: totals.rows.map((row) => Array.from(row.slice(0, idCol), (c) => ({ value: c?.value === undefined || typeof c.value === "boolean" ? null : c.value }))),
        merges: [],
        validations: [],
        protect: false,
      },
    ]);
    const lastByLabel = file("tong-hop-q1-nhan-cong.xlsx", stripped);
    const r = cchc("merge", ...h1, "-o", join(tmp, "th2.xlsx"), "--json", "--previous", lastByLabel);
    const units = [...new Set((JSON.parse(r.out) as Json).findings.filter((f) => f.rule.startsWith("previous.")).map((f) => f.unit))];
    expect(units).toHaveLength(2);
  });

  it("merge: refuses a unit's report as --previous with a Vietnamese message", () => {
    const r = cchc("merge", ...h1, "-o", join(tmp, "x.xlsx"), "--previous", q1[0]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("không phải sổ tổng hợp");
  });
});
