import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { CheckResult } from "../../src/core/check/check";
import { buildConvertedLayout } from "../../src/core/layout/convertLayout";
import { seedDocx } from "../../scripts/seedDocx";
import { FIXTURES, WORKBOOKS, catalog, checkFixture, ruleSet, seedText } from "../support/data";

const SEEDS = Object.values(FIXTURES);
const dir = mkdtempSync(join(tmpdir(), "cchc-docx-lo-"));

function soffice(format: string, out: string, files: string[]): void {
  const r = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", format, "--outdir", out, ...files], {
    encoding: "utf8",
    timeout: 240000,
  });
  if (r.error) throw new Error(`LibreOffice (soffice) không chạy được: ${r.error.message}. Cài: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui`);
}

function ok(r: CheckResult): Extract<CheckResult, { ok: true }> {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

const check = (path: string) => ok(checkReceivedFile(readFileSync(path), path.replace(/^.*\//, ""), catalog, ruleSet));
const identity = (r: Extract<CheckResult, { ok: true }>) => [r.submission.template.id, r.submission.period, r.submission.unitName];
const keys = (r: Extract<CheckResult, { ok: true }>) => r.findings.map((f) => `${f.rule}|${f.indicator ?? ""}`).sort();

/** Rules about the layout of the received table, which the official template fixes by construction. */
const LAYOUT_RULES = new Set(["cau-truc.so-thu-tu", "cau-truc.don-vi-tinh-khac-ten", "cau-truc.doi-don-vi-tinh", "cau-truc.lech-cot", "cau-truc.dong-la"]);

describe("Word and OpenDocument files as LibreOffice writes them", () => {
  beforeAll(() => {
    for (const b of SEEDS) {
      writeFileSync(join(dir, `${b}.docx`), seedDocx(seedText(b.slice(0, 3))));
      writeFileSync(join(dir, `${b}-split.docx`), seedDocx(seedText(b.slice(0, 3)), { split: true }));
    }
    mkdirSync(join(dir, "resaved"));
    soffice(
      "docx:MS Word 2007 XML",
      join(dir, "resaved"),
      SEEDS.flatMap((b) => [join(dir, `${b}.docx`), join(dir, `${b}-split.docx`)]),
    );
    soffice(
      "ods",
      join(dir, "ods"),
      SEEDS.flatMap((b) => [join(WORKBOOKS, `${b}.xlsx`), join(WORKBOOKS, `${b}-text.xlsx`)]),
    );
    // `cchc convert` output, opened and saved again by LibreOffice Calc.
    for (const b of SEEDS) writeFileSync(join(dir, `${b}-converted.xlsx`), writeXlsx([buildConvertedLayout(check(join(dir, `${b}.docx`))).layout]));
    soffice(
      "xlsx:Calc MS Excel 2007 XML",
      join(dir, "converted"),
      SEEDS.map((b) => join(dir, `${b}-converted.xlsx`)),
    );
  }, 600000);

  it.each(SEEDS.flatMap((b) => [[b, ""] as const, [b, "-split"] as const]))("%s%s.docx re-saved by LibreOffice Writer: same template, period, unit and findings as the workbook", (b, v) => {
    const docx = check(join(dir, "resaved", `${b}${v}.docx`));
    const xlsx = checkFixture(`${b}-text.xlsx`);
    expect(docx.format).toBe("docx");
    expect(identity(docx)).toEqual(identity(xlsx));
    expect(keys(docx)).toEqual(keys(xlsx));
  });

  it.each(SEEDS.flatMap((b) => [[b, ""] as const, [b, "-text"] as const]))("%s%s.ods from LibreOffice Calc: same verdict and A1 cells as the .xlsx", (b, v) => {
    const ods = check(join(dir, "ods", `${b}${v}.ods`));
    const xlsx = checkFixture(`${b}${v}.xlsx`);
    expect(ods.format).toBe("ods");
    expect(identity(ods)).toEqual(identity(xlsx));
    expect(ods.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(xlsx.findings.map((f) => `${f.rule}@${f.cell}`));
  });

  it.each(SEEDS)("%s: the converted workbook opens in LibreOffice and checks the same, less the layout faults the template fixes", (b) => {
    const docx = check(join(dir, `${b}.docx`));
    const converted = check(join(dir, "converted", `${b}-converted.xlsx`));
    expect(converted.submission.identity).toBeDefined();
    expect(identity(converted)).toEqual(identity(docx));
    // A block shifted one column right goes back into place, so its figures are checked (not skipped) now.
    const shifted = new Set([...docx.values].filter(([, v]) => v.shifted).map(([id]) => id));
    const outside = (k: string) => !shifted.has(k.split("|")[1]);
    expect(keys(converted).filter(outside)).toEqual(keys(docx).filter((k) => !LAYOUT_RULES.has(k.split("|")[0]) && outside(k)));
    // Every figure the unit gave arrives: the same usable numbers per indicator.
    const numbers = (r: Extract<CheckResult, { ok: true }>) => [...r.values].filter(([, v]) => v.number !== undefined && !v.shifted).map(([id, v]) => [id, v.number]);
    expect(numbers(converted)).toEqual(expect.arrayContaining(numbers(docx)));
  });
});
