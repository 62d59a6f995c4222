import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { readDocx } from "../../src/adapters/docx/read";
import { CheckResult } from "../../src/core/check/check";
import { seedDocx } from "../../scripts/seedDocx";
import { FIXTURES, catalog, checkFixture, ruleSet, seedText } from "../support/data";

const SEEDS = Object.values(FIXTURES);

function ok(r: CheckResult): Extract<CheckResult, { ok: true }> {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

const verdict = (r: Extract<CheckResult, { ok: true }>) => ({
  template: r.submission.template.id,
  period: r.submission.period,
  unitName: r.submission.unitName,
  findings: r.findings.map((f) => `${f.rule}|${f.indicator ?? ""}`).sort(),
});

describe("Word reports (.docx) read like the workbook", () => {
  it.each(SEEDS.flatMap((b) => [[b, "one table"] as const, [b, "split"] as const]))("%s (%s): same template, period, unit and findings", (base, variant) => {
    const bytes = seedDocx(seedText(base.slice(0, 3)), { split: variant === "split" });
    const docx = ok(checkReceivedFile(bytes, `${base}.docx`, catalog, ruleSet));
    const xlsx = checkFixture(`${base}-text.xlsx`);
    expect(docx.format).toBe("docx");
    expect(verdict(docx)).toEqual(verdict(xlsx));
  });

  it("names cells by table, row and column", () => {
    const r = ok(checkReceivedFile(seedDocx(seedText("000")), "a.docx", catalog, ruleSet));
    expect(r.submission.sheetName).toBe("Bảng 1");
    const f = r.findings.find((x) => x.indicator);
    expect(f?.cell).toMatch(/^Bảng 1, dòng \d+, cột Số liệu$/);
    expect(f?.cell).toBe(`Bảng 1, dòng ${f?.row}, cột Số liệu`);
  });

  it("joins a table split at a page break into one grid", () => {
    const one = readDocx(seedDocx(seedText("003")));
    const split = readDocx(seedDocx(seedText("003"), { split: true }));
    expect(split.map((g) => g.name)).toEqual(["Bảng 1"]);
    const text = (g: typeof one) => g[0].rows.map((r) => r.map((c) => c?.value ?? "").join("|"));
    // The continuation drops its repeated header rows; nothing else is lost.
    expect(text(split).length).toBe(text(one).length - 2);
  });
});
