import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsx } from "../src/adapters/xlsx/read";
import { ensureCliBuilt, runCchc } from "./support/cli";
import { FIXTURES, WORKBOOKS } from "./support/data";

const tmp = mkdtempSync(join(tmpdir(), "cchc-cli-"));
const cchc = (...args: string[]) => runCchc(tmp, ...args);

beforeAll(ensureCliBuilt);

describe("cchc command line", () => {
  it("lists the templates as JSON", () => {
    const r = cchc("templates", "--json");
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { id: string; unitType: string; version: string; title: string; rows: number }[];
    expect(list.map((t) => t.id).sort()).toEqual(["cap-huyen-2023", "so-nganh-2021", "so-nganh-2023", "tinh-2023"]);
    for (const t of list) expect(t).toEqual({ id: expect.any(String), unitType: expect.any(String), version: expect.any(String), title: expect.stringContaining("THỐNG KÊ"), name: expect.any(String), rows: expect.any(Number) });
  });

  it("writes a template workbook", () => {
    const out = join(tmp, "mau.xlsx");
    const r = cchc("template", "--template", "cap-huyen-2023", "--period", "q2", "--year", "2024", "--unit-name", "UBND huyện Mỹ Xuyên", "-o", out);
    expect(r.code).toBe(0);
    const [grid] = readXlsx(readFileSync(out));
    expect(grid.rows[1][0]?.value).toBe("QUÝ II NĂM 2024");
    expect(String(grid.rows[2][0]?.value)).toContain("UBND huyện Mỹ Xuyên");
  });

  it("refuses an unknown template with the valid IDs", () => {
    const r = cchc("template", "--template", "xa-2030", "-o", join(tmp, "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("Không có biểu mẫu “xa-2030”");
    expect(r.err).toContain("so-nganh-2023");
  });

  it("checks files: exit 1 when a file has errors, JSON per file with Excel addresses", () => {
    const r = cchc("check", join(WORKBOOKS, `${FIXTURES.nongNghiep}.xlsx`), join(WORKBOOKS, `${FIXTURES.thongTin}.xlsx`), "--json");
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.out) as { file: string; sheet: string; template: string; unitName: string; findings: { row: number; cell: string; severity: string; rule: string; message: string; indicator?: string }[] }[];
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatchObject({ template: "so-nganh-2023", unitName: "Sở Nông nghiệp và PTNT", sheet: "Phụ lục" });
    expect(reports[0].findings).toContainEqual(expect.objectContaining({ row: 173, cell: "D173", severity: "error", rule: "van-ban.dien-tu+song-song-giay<=tong", indicator: expect.any(String) }));
  });

  it("checks files without errors with exit 0 and a readable Vietnamese list", () => {
    const r = cchc("check", join(WORKBOOKS, `${FIXTURES.thongTin}.xlsx`));
    expect(r.code).toBe(0);
    expect(r.out).toContain("0 lỗi");
    expect(r.out).toContain("CẢNH BÁO");
  });

  it("exits 2 when a file cannot be read, after still checking the others", () => {
    const broken = join(tmp, "hong.xlsx");
    writeFileSync(broken, "không phải excel");
    const r = cchc("check", broken, join(WORKBOOKS, `${FIXTURES.taiChinh}.xlsx`));
    expect(r.code).toBe(2);
    expect(r.out).toContain("KHÔNG ĐỌC ĐƯỢC");
    expect(r.out).toContain("Sở Tài chính");
  });

  it("merges files into the consolidated workbook and prints JSON; received files are untouched", () => {
    const a = join(tmp, "a.xlsx");
    copyFileSync(join(WORKBOOKS, `${FIXTURES.nongNghiep}.xlsx`), a);
    const before = readFileSync(a).toString("base64");
    const units = join(tmp, "don-vi.txt");
    writeFileSync(units, "Sở Nông nghiệp và PTNT\nỦy ban nhân dân huyện Cù Lao Dung\nSở Y tế\n");
    const out = join(tmp, "tong-hop.xlsx");
    const r = cchc("merge", a, join(WORKBOOKS, `${FIXTURES.cuLaoDung}.xlsx`), join(WORKBOOKS, `${FIXTURES.taiChinh}.xlsx`), "-o", out, "--json", "--units", units);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.units.map((u: { name: string }) => u.name)).toEqual(["Sở Nông nghiệp và PTNT", "Ủy ban nhân dân huyện Cù Lao Dung"]);
    expect(j.rejected).toEqual([{ file: `${FIXTURES.taiChinh}.xlsx`, reason: expect.stringContaining("khác kỳ tổng hợp") }]);
    expect(j.missing).toEqual(["Sở Y tế"]);
    const planned = j.indicators.find((i: { id: string }) => i.id === "direction.plan.tasks_planned");
    expect(planned).toMatchObject({ total: 42, reported: 2, values: { "Sở Nông nghiệp và PTNT": 23, "Ủy ban nhân dân huyện Cù Lao Dung": 19 } });
    expect(readXlsx(readFileSync(out)).map((g) => g.name)).toEqual(["Tổng hợp", "Tình hình nộp báo cáo", "Lỗi", "Danh sách đơn vị"]);
    expect(readFileSync(a).toString("base64")).toBe(before);
  });

  it("exports the rule set as one JSON file and loads a province's own rule set back", () => {
    const file = join(tmp, "quy-tac.json");
    expect(cchc("rules", "-o", file).code).toBe(0);
    const rules = JSON.parse(readFileSync(file, "utf8"));
    expect(rules.rules.length).toBeGreaterThan(100);
    // A province that drops the documents rule no longer reports 000's documents.
    rules.rules = rules.rules.filter((r: { id: string }) => r.id !== "van-ban.dien-tu+song-song-giay<=tong");
    writeFileSync(file, JSON.stringify(rules));
    const r = cchc("check", join(WORKBOOKS, `${FIXTURES.nongNghiep}.xlsx`), "--rules", file, "--json");
    expect(JSON.parse(r.out)[0].findings.some((f: { rule: string }) => f.rule === "van-ban.dien-tu+song-song-giay<=tong")).toBe(false);
    writeFileSync(file, "{ hỏng");
    const bad = cchc("rules", "--rules", file);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("không phải JSON hợp lệ");
  });

  it("exits 2 when nothing can be merged", () => {
    const broken = join(tmp, "hong2.xlsx");
    writeFileSync(broken, "PK\u0003\u0004broken");
    const r = cchc("merge", broken, "-o", join(tmp, "none.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("Không tổng hợp được tệp nào");
  });
});
