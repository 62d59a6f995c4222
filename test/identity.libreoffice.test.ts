import { spawnSync } from "child_process";
import { strFromU8, unzipSync } from "fflate";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkReceivedFile } from "../src/adapters/receivedFile";
import { readXlsx } from "../src/adapters/xlsx/read";
import { writeXlsx } from "../src/adapters/xlsx/write";
import { consolidate } from "../src/core/consolidate/consolidate";
import { STATUS_SHEET, buildMergeLayouts } from "../src/core/layout/mergeLayouts";
import { catalog, ruleSet } from "./support/data";
import { elevenCopies } from "./support/copiedDistricts";

/** The unit choice of the status sheet is a list drawn from the units sheet: LibreOffice keeps it when it re-saves. */
describe("LibreOffice keeps the unit choice of unresolved files", () => {
  it("re-saves the consolidated workbook with the list validation pointing at the units sheet", () => {
    const dir = mkdtempSync(join(tmpdir(), "cchc-lo-identity-"));
    const inputs = elevenCopies()
      .slice(0, 3)
      .map((c) => ({ fileName: c.file, result: checkReceivedFile(c.bytes, c.file, catalog, ruleSet) }));
    const c = consolidate(inputs);
    expect(c.files.filter((f) => f.status === "unresolved")).toHaveLength(3);
    writeFileSync(join(dir, "tong-hop.xlsx"), writeXlsx(buildMergeLayouts(c)));
    const out = join(dir, "resaved");
    const r = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, join(dir, "tong-hop.xlsx")], {
      encoding: "utf8",
      timeout: 180000,
    });
    if (r.error) throw new Error(`LibreOffice (soffice) không chạy được: ${r.error.message}`);
    const bytes = readFileSync(join(out, "tong-hop.xlsx"));
    const status = readXlsx(bytes).find((g) => g.name === STATUS_SHEET)!;
    expect(status.rows.filter((row) => row[2]?.value === "Chưa rõ đơn vị")).toHaveLength(3);
    const sheets = Object.entries(unzipSync(bytes)).filter(([p]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    const lists = sheets.flatMap(([, x]) => strFromU8(x).match(/<dataValidation [^>]*type="list"[\s\S]*?<\/dataValidation>/g) ?? []);
    expect(lists.some((v) => /Danh sách đơn vị/.test(v) && /\$A\$3:\$A\$\d+/.test(v))).toBe(true);
  }, 240000);
});
