import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsx } from "../src/adapters/xlsx/read";
import { writeXlsx } from "../src/adapters/xlsx/write";
import { nativeDeflater } from "../src/adapters/node/nativeZip";
import { checkGrids } from "../src/core/check/check";
import { consolidate } from "../src/core/consolidate/consolidate";
import { buildMergeLayouts } from "../src/core/layout/mergeLayouts";
import { buildTemplateLayout } from "../src/core/layout/templateLayout";
import { FIXTURES, WORKBOOKS, catalog, fixture, ruleSet } from "./support/data";

/** Every workbook we write must open in LibreOffice Calc (the real one, headless). */
describe("LibreOffice opens what we write", () => {
  const dir = mkdtempSync(join(tmpdir(), "cchc-lo-"));

  beforeAll(() => {
    for (const t of catalog.templates)
      writeFileSync(join(dir, `${t.id}.xlsx`), writeXlsx([buildTemplateLayout(t, { period: { kind: "q1", year: 2024 }, unitName: "Sở Nội vụ" })]));
    const inputs = [FIXTURES.nongNghiep, FIXTURES.cuLaoDung].map((b) => ({
      fileName: `${b}.xlsx`,
      result: checkGrids(readXlsx(fixture(`${b}.xlsx`)), catalog, ruleSet, `${b}.xlsx`),
    }));
    // The CLI's native zip writer, so both zip paths are opened by LibreOffice.
    writeFileSync(join(dir, "tong-hop.xlsx"), writeXlsx(buildMergeLayouts(consolidate(inputs)), nativeDeflater));
    const files = readdirSync(dir).filter((f) => f.endsWith(".xlsx"));
    const r = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, ...files.map((f) => join(dir, f))], {
      encoding: "utf8",
      timeout: 180000,
    });
    if (r.error) throw new Error(`LibreOffice (soffice) không chạy được: ${r.error.message}. Cài: apt-get install libreoffice-calc-nogui`);
    // Submissions re-saved by LibreOffice (as units using it send them), as .xlsx and as old .xls.
    for (const [format, sub] of [
      ["xlsx:Calc MS Excel 2007 XML", "resaved"],
      ["xls:MS Excel 97", "legacy"],
    ]) {
      const out = join(dir, sub);
      spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", format, "--outdir", out, ...[FIXTURES.nongNghiep, FIXTURES.taiNguyen].map((b) => join(WORKBOOKS, `${b}.xlsx`))], {
        timeout: 180000,
      });
    }
  }, 300000);

  it.each(catalog.templates.map((t) => [t.id]))("template %s converts with its title and labels", (id) => {
    const csv = readFileSync(join(dir, `${id}.csv`), "utf8");
    const t = catalog.byId.get(id)!;
    expect(csv).toContain(t.title);
    expect(csv).toContain("QUÝ I NĂM 2024");
    expect(csv).toContain(t.rows[t.rows.length - 1].label.replace(/"/g, '""'));
  });

  it.each([FIXTURES.nongNghiep, FIXTURES.taiNguyen])("%s re-saved by LibreOffice gets the same verdict", (base) => {
    const original = checkGrids(readXlsx(fixture(`${base}.xlsx`)), catalog, ruleSet, "a.xlsx");
    const resaved = checkGrids(readXlsx(readFileSync(join(dir, "resaved", `${base}.xlsx`))), catalog, ruleSet, "a.xlsx");
    if (!original.ok || !resaved.ok) throw new Error("not recognised");
    expect(resaved.submission.template.id).toBe(original.submission.template.id);
    expect(resaved.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(original.findings.map((f) => `${f.rule}@${f.cell}`));
  });

  it("a real old .xls is refused with the advice to save as .xlsx", () => {
    expect(() => readXlsx(readFileSync(join(dir, "legacy", `${FIXTURES.nongNghiep}.xls`)))).toThrow(/định dạng Excel cũ \(\.xls\)/);
  });

  it("the consolidated workbook converts with its first sheet's totals", () => {
    const csv = readFileSync(join(dir, "tong-hop.csv"), "utf8");
    expect(csv).toContain("TỔNG HỢP SỐ LIỆU THỐNG KÊ");
    const line = csv.split("\n").find((l) => l.includes("Số nhiệm vụ đề ra trong kế hoạch"));
    expect(line?.split(",")[3]).toBe("42");
  });
});
