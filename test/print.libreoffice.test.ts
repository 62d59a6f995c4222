import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsx } from "../src/adapters/xlsx/read";
import { writeXlsx } from "../src/adapters/xlsx/write";
import { isValueRow } from "../src/core/catalog/schema";
import { checkGrids } from "../src/core/check/check";
import { consolidate } from "../src/core/consolidate/consolidate";
import { MERGE_SHEET, buildMergeLayouts } from "../src/core/layout/mergeLayouts";
import { buildReportLayout } from "../src/core/layout/reportLayout";
import { FilledRow, buildTemplateLayout } from "../src/core/layout/templateLayout";
import { buildProvinceReport } from "../src/core/report/provinceReport";
import { catalog, ruleSet } from "./support/data";

/**
 * The two sheets an officer prints, printed by LibreOffice to PDF: "Tổng hợp" of a 30-unit province as the
 * official table over several pages wide, and "Báo cáo của tỉnh" as the form alone.
 */
const dir = mkdtempSync(join(tmpdir(), "cchc-print-"));
const UNITS = 30;
const PERIOD = { kind: "h1", year: 2024 } as const;

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 240000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} không chạy được: ${r.error.message}`);
  return r.stdout;
}

function toPdf(name: string, bytes: Uint8Array): string {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, bytes);
  run("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, file]);
  return join(dir, `${name}.pdf`);
}

function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))?.[1]);
}

const pageText = (pdf: string, n: number): string => run("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"]);

/** Heights in points of the words on page `n`: a word box is about 1.2 × the font size as printed. */
function wordHeights(pdf: string, n: number): number[] {
  const html = run("pdftotext", ["-bbox", "-f", String(n), "-l", String(n), pdf, "-"]);
  return [...html.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1]));
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** 30 departments of a made-up province, each on the department template with its own figures. */
function province() {
  const t = catalog.byId.get("so-nganh-2023")!;
  const inputs = Array.from({ length: UNITS }, (_, u) => {
    const unitName = `Sở Ngoại vụ và Hợp tác số ${String(u + 1).padStart(2, "0")}`;
    const filled = new Map<number, FilledRow>();
    t.rows.forEach((r, i) => {
      if (isValueRow(r) && r.kind === "count") filled.set(i, { value: (u % 7) + 1 });
    });
    const bytes = writeXlsx([buildTemplateLayout(t, { period: PERIOD, unitName, filled })]);
    const fileName = `don-vi-${u + 1}.xlsx`;
    return { fileName, result: checkGrids(readXlsx(bytes), catalog, ruleSet, fileName) };
  });
  return consolidate(inputs, { period: PERIOD });
}

describe("printing through LibreOffice", () => {
  const c = province();
  let totals: string;
  let report: string;

  beforeAll(() => {
    totals = toPdf("tong-hop", writeXlsx([buildMergeLayouts(c)[0]]));
    const r = buildProvinceReport(c, catalog.byId.get("tinh-2023")!, ruleSet);
    report = toPdf("bao-cao", writeXlsx([buildReportLayout(r, { province: "Hà Giang Mới", number: "27/BC-UBND", date: "2024-07-05" })]));
  }, 300000);

  it("consolidated the whole province", () => {
    expect(c.units).toHaveLength(UNITS);
    expect(buildMergeLayouts(c)[0].name).toBe(MERGE_SHEET);
  });

  it("prints “Tổng hợp” over several pages wide at a readable size, the indicator columns on every page", () => {
    const pages = pageCount(totals);
    expect(pages).toBeGreaterThan(3);
    // Fitted to one page wide, 30 units would print at about a quarter of the size and on a handful of pages.
    let unitColumns = 0;
    for (let n = 1; n <= pages; n++) {
      const text = pageText(totals, n);
      expect(text).toContain("Chỉ tiêu thống kê");
      expect(text).toContain("Toàn tỉnh");
      // The font as printed: Calibri 11 at 80 % is about 9 pt, its word boxes about 10 pt high.
      expect(median(wordHeights(totals, n))).toBeGreaterThanOrEqual(8);
      unitColumns = Math.max(unitColumns, text.match(/số \d\d/g)?.length ?? 0);
    }
    // A page holds the indicator columns and at least 5 units (the names wrap over lines in the header).
    expect(unitColumns).toBeGreaterThanOrEqual(5);
  });

  it("prints “Báo cáo của tỉnh” as the official form only, with the province, report number and date", () => {
    const text = Array.from({ length: pageCount(report) }, (_, i) => pageText(report, i + 1)).join("\n");
    expect(text.replace(/\s+/g, " ")).toContain("Báo cáo số 27/BC-UBND ngày 05 tháng 07 năm 2024 của UBND tỉnh Hà Giang Mới");
    expect(text).toContain("Chỉ tiêu thống kê");
    expect(text).not.toContain("Nguồn số liệu");
    expect(text).not.toContain("CÒN THIẾU");
    expect(text).not.toContain("KẾT QUẢ KIỂM TRA");
  });
});
