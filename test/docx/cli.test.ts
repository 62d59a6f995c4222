import { ensureCliBuilt, runCchc } from "../support/cli";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { STATUS_SHEET } from "../../src/core/layout/mergeLayouts";
import { seedDocx } from "../../scripts/seedDocx";
import { FIXTURES, WORKBOOKS, seedText } from "../support/data";

const tmp = mkdtempSync(join(tmpdir(), "cchc-docx-cli-"));

beforeAll(() => {
  ensureCliBuilt();
});

const cchc = (...args: string[]) => runCchc(tmp, ...args);

interface Report {
  file: string;
  sheet: string;
  template: string;
  unitName: string;
  period: unknown;
  findings: { row: number; cell: string; rule: string; indicator?: string }[];
}

const SEEDS = Object.values(FIXTURES);

function writeDocx(base: string, split = false): string {
  const file = join(tmp, `${base}${split ? "-split" : ""}.docx`);
  writeFileSync(file, seedDocx(seedText(base.slice(0, 3)), { split }));
  return file;
}

describe("cchc on Word reports", () => {
  it("check --json: the same template, period, unit and findings as the workbook, cells named by table, row and column", () => {
    const files = SEEDS.map((b) => writeDocx(b, b === FIXTURES.cuLaoDung));
    const docx = JSON.parse(cchc("check", ...files, "--json").out) as Report[];
    const xlsx = JSON.parse(cchc("check", ...SEEDS.map((b) => join(WORKBOOKS, `${b}-text.xlsx`)), "--json").out) as Report[];
    expect(docx).toHaveLength(SEEDS.length);
    docx.forEach((d, i) => {
      const x = xlsx[i];
      expect([d.template, d.period, d.unitName]).toEqual([x.template, x.period, x.unitName]);
      expect(d.sheet).toBe("Bảng 1");
      expect(d.findings.map((f) => `${f.rule}|${f.indicator ?? ""}`)).toEqual(x.findings.map((f) => `${f.rule}|${f.indicator ?? ""}`));
      for (const f of d.findings) expect(f.cell).toMatch(new RegExp(`^Bảng 1, dòng ${f.row}, cột \\S`));
    });
    // Seed 000: 1128 + 338 electronic documents out of 1.129 sent (D173 in the workbook, under 4 title rows).
    expect(docx[0].findings).toContainEqual(expect.objectContaining({ rule: "van-ban.dien-tu+song-song-giay<=tong", cell: "Bảng 1, dòng 169, cột Số liệu", row: 169 }));
  });

  it("merge of a folder mixing .docx and .xlsx gives the all-.xlsx totals and says which came as Word", () => {
    const mixed = join(tmp, "mixed");
    const plain = join(tmp, "plain");
    mkdirSync(mixed);
    mkdirSync(plain);
    const q1 = [FIXTURES.nongNghiep, FIXTURES.cuLaoDung];
    for (const b of q1) copyFileSync(join(WORKBOOKS, `${b}.xlsx`), join(plain, `${b}.xlsx`));
    copyFileSync(join(WORKBOOKS, `${q1[0]}.xlsx`), join(mixed, `${q1[0]}.xlsx`));
    writeFileSync(join(mixed, `${q1[1]}.docx`), seedDocx(seedText(q1[1].slice(0, 3)), { split: true }));
    const run = (dir: string, files: string[]) => {
      const r = cchc("merge", ...files.map((f) => join(dir, f)), "-o", join(dir, "tong-hop.xlsx"), "--json");
      expect(r.code).toBe(0);
      return JSON.parse(r.out) as { units: { name: string; format: string }[]; indicators: { id: string; total: number | null; values: Record<string, number> }[] };
    };
    const a = run(plain, q1.map((b) => `${b}.xlsx`));
    const b = run(mixed, [`${q1[0]}.xlsx`, `${q1[1]}.docx`]);
    expect(b.units.map((u) => u.name)).toEqual(a.units.map((u) => u.name));
    expect(b.units.map((u) => u.format)).toEqual(["xlsx", "docx"]);
    expect(b.indicators).toEqual(a.indicators);
    expect(a.indicators.filter((i) => i.total !== null).length).toBeGreaterThan(50);
    const status = readXlsx(readFileSync(join(mixed, "tong-hop.xlsx"))).find((g) => g.name === STATUS_SHEET)!;
    const notes = status.rows.map((r) => `${r[3]?.value ?? ""} ${r[8]?.value ?? ""}`);
    expect(notes).toContain(`${q1[1]}.docx Nộp bằng tệp Word (.docx)`);
    expect(notes).toContain(`${q1[0]}.xlsx `);
  });

  it("convert writes the official template with the unit's values and identity; the workbook checks like the report", () => {
    const src = writeDocx(FIXTURES.nongNghiep);
    const before = readFileSync(src).toString("base64");
    const out = join(tmp, "chuyen.xlsx");
    const r = cchc("convert", src, "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Sở Nông nghiệp và PTNT, Quý I năm 2023");
    const [grid] = readXlsx(readFileSync(out));
    expect(String(grid.rows[0][5]?.value)).toMatch(/^CCHC-ID:/);
    expect(cchc("check", src).out).toContain("văn bản Word, bảng “Bảng 1”");
    const docx = JSON.parse(cchc("check", src, "--json").out) as Report[];
    const xlsx = JSON.parse(cchc("check", out, "--json").out) as Report[];
    expect([xlsx[0].template, xlsx[0].period, xlsx[0].unitName]).toEqual([docx[0].template, docx[0].period, docx[0].unitName]);
    expect(xlsx[0].findings.map((f) => f.rule)).toEqual(docx[0].findings.map((f) => f.rule));
    expect(xlsx[0].findings[0].cell).toMatch(/^D\d+$/);
    expect(readFileSync(src).toString("base64")).toBe(before);
  });

  it("convert refuses a file it cannot read, with the reason", () => {
    const bad = join(tmp, "hong.docx");
    writeFileSync(bad, "không phải word");
    const r = cchc("convert", bad, "-o", join(tmp, "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("KHÔNG ĐỌC ĐƯỢC");
    expect(cchc("convert", bad).err).toContain("Thiếu tên tệp kết quả");
  });
});
