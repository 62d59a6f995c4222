import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsx } from "../src/adapters/xlsx/read";
import { writeXlsx } from "../src/adapters/xlsx/write";
import { nativeZip } from "../src/adapters/node/nativeZip";
import { checkGrids } from "../src/core/check/check";
import { consolidate } from "../src/core/consolidate/consolidate";
import { buildMergeLayouts } from "../src/core/layout/mergeLayouts";
import { buildTemplateLayout } from "../src/core/layout/templateLayout";
import { FIXTURES, catalog, fixture, ruleSet } from "./support/data";

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
    writeFileSync(join(dir, "tong-hop.xlsx"), writeXlsx(buildMergeLayouts(consolidate(inputs)), nativeZip));
    const files = readdirSync(dir).filter((f) => f.endsWith(".xlsx"));
    const r = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, ...files.map((f) => join(dir, f))], {
      encoding: "utf8",
      timeout: 180000,
    });
    if (r.error) throw new Error(`LibreOffice (soffice) không chạy được: ${r.error.message}. Cài: apt-get install libreoffice-calc-nogui`);
  }, 200000);

  it.each(catalog.templates.map((t) => [t.id]))("template %s converts with its title and labels", (id) => {
    const csv = readFileSync(join(dir, `${id}.csv`), "utf8");
    const t = catalog.byId.get(id)!;
    expect(csv).toContain(t.title);
    expect(csv).toContain("QUÝ I NĂM 2024");
    expect(csv).toContain(t.rows[t.rows.length - 1].label.replace(/"/g, '""'));
  });

  it("the consolidated workbook converts with its first sheet's totals", () => {
    const csv = readFileSync(join(dir, "tong-hop.csv"), "utf8");
    expect(csv).toContain("TỔNG HỢP SỐ LIỆU THỐNG KÊ");
    const line = csv.split("\n").find((l) => l.includes("Số nhiệm vụ đề ra trong kế hoạch"));
    expect(line?.split(",")[3]).toBe("42");
  });
});
