import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { nativeInflateRaw } from "../../src/adapters/node/nativeZip";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { unzipEntries } from "../../src/adapters/xlsx/zip";
import { Grid } from "../../src/core/grid";
import { FIXTURES, WORKBOOKS } from "../support/data";
import { zipParts } from "../support/package";

/*
 * Workbooks written by every producer available here (openpyxl, xlsxwriter, ExcelJS, LibreOffice, the
 * OpenXML SDK's prefix style), read back and compared with a reviewed expectation; and the seed workbooks
 * re-saved by each (and by LibreOffice as .ods) give `cchc check` and `cchc merge` the same verdict and totals.
 */
const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "cchc.js");
const dir = mkdtempSync(join(tmpdir(), "cchc-producers-"));
const PY = "/usr/bin/python3";

function python(code: string, ...args: string[]): void {
  execFileSync(PY, ["-c", code, ...args], { stdio: ["ignore", "ignore", "pipe"] });
}

/** The file re-saved by LibreOffice Calc as .xlsx, or as OpenDocument (.ods). */
function libreOffice(file: string, outDir: string, as: "xlsx" | "ods" = "xlsx"): string {
  mkdirSync(outDir, { recursive: true });
  const filter = as === "xlsx" ? "xlsx:Calc MS Excel 2007 XML" : "ods";
  const r = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", filter, "--outdir", outDir, file], {
    timeout: 180000,
  });
  if (r.error) throw new Error(`LibreOffice (soffice) không chạy được: ${r.error.message}`);
  return join(outDir, file.split("/").pop()!.replace(/\.\w+$/, `.${as}`));
}

const firstRow = (g: Grid) => g.rows[0].map((c) => [c?.value ?? null, c?.format ?? null, !!c?.uncomputed]);

// The reviewed expectation: text with Vietnamese, spaces and markup characters, a count, a decimal,
// a boolean, a date (serial 45306 with a date format), a rate typed as 56,52 % (0.5652 with a percent
// format), and a formula 1+1 whose result the producer may or may not have computed.
const SAMPLE = `
import sys, datetime
VALUES = ["Chỉ tiêu", 1129, 56.52, True, datetime.datetime(2024, 1, 15), 0.5652, "  hai khoảng  ", "a & <b> \\"c\\""]
`;

// LibreOffice escapes the dashes ("yyyy\\-mm\\-dd"); Excel's built-in 14 is "mm-dd-yy".
const DATE_FORMATS = /^(yyyy\\?-mm\\?-dd|mm-dd-yy)$/i;

function expectSample(g: Grid, formula: "computed" | "uncomputed"): void {
  const row = firstRow(g);
  expect(row.slice(0, 4).map((c) => c[0])).toEqual(["Chỉ tiêu", 1129, 56.52, true]);
  expect(row[4][0]).toBe(45306);
  expect(String(row[4][1])).toMatch(DATE_FORMATS);
  expect(row[5][0]).toBe(0.5652);
  expect(String(row[5][1])).toContain("%");
  expect(row.slice(6, 8).map((c) => c[0])).toEqual(["  hai khoảng  ", 'a & <b> "c"']);
  // (LibreOffice gives the formula cell a custom "General" format: only value and state matter.)
  expect([row[8][0], row[8][2]]).toEqual(formula === "computed" ? [2, false] : [null, true]);
}

describe("producers", () => {
  const openpyxlFile = join(dir, "openpyxl.xlsx");
  beforeAll(() => {
    python(
      `${SAMPLE}
import openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Biểu"
for i, v in enumerate(VALUES): ws.cell(row=1, column=i + 1, value=v)
ws.cell(row=1, column=5).number_format = "yyyy-mm-dd"
ws.cell(row=1, column=6).number_format = "0.00%"
ws.cell(row=1, column=9, value="=1+1")
wb.save(sys.argv[1])`,
      openpyxlFile,
    );
  });

  it("openpyxl (formulas saved without a result)", () => {
    const file = openpyxlFile;
    const [g] = readXlsx(readFileSync(file), nativeInflateRaw);
    expect(g.name).toBe("Biểu");
    expectSample(g, "uncomputed");
  });

  it.each([["shared strings", "{}"], ["constant memory (inline strings)", "{'constant_memory': True}"]])("xlsxwriter, %s", (_name, options) => {
    const file = join(dir, `xlsxwriter-${options.length}.xlsx`);
    python(
      `${SAMPLE}
import xlsxwriter
wb = xlsxwriter.Workbook(sys.argv[1], ${options}); ws = wb.add_worksheet("Biểu")
for i, v in enumerate(VALUES):
    if i == 4: ws.write_datetime(0, i, v, wb.add_format({"num_format": "yyyy-mm-dd"}))
    elif i == 5: ws.write_number(0, i, v, wb.add_format({"num_format": "0.00%"}))
    else: ws.write(0, i, v)
ws.write_formula(0, 8, "=1+1", None, 2)
ws.write_rich_string(1, 0, "Số ", wb.add_format({"bold": True}), "liệu")
wb.close()`,
      file,
    );
    const [g] = readXlsx(readFileSync(file), nativeInflateRaw);
    expectSample(g, "computed");
    expect(g.rows[1][0]?.value).toBe("Số liệu");
  });

  it("ExcelJS (a formula with and without a result, rich text)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Biểu");
    // ExcelJS turns a Date into a serial by its UTC time: a local midnight east of UTC would land on the day before.
    ws.getRow(1).values = ["Chỉ tiêu", 1129, 56.52, true, new Date(Date.UTC(2024, 0, 15)), 0.5652, "  hai khoảng  ", 'a & <b> "c"', { formula: "1+1", result: 2 }];
    ws.getCell("E1").numFmt = "yyyy-mm-dd";
    ws.getCell("F1").numFmt = "0.00%";
    ws.getCell("A2").value = { richText: [{ text: "Số " }, { font: { bold: true }, text: "liệu" }] };
    ws.getCell("B2").value = { formula: "1+1" };
    const [g] = readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), nativeInflateRaw);
    expect(g.name).toBe("Biểu");
    expectSample(g, "computed");
    expect(g.rows[1][0]?.value).toBe("Số liệu");
    expect([g.rows[1][1]?.value ?? null, g.rows[1][1]?.uncomputed]).toEqual([null, true]);
  });

  it("LibreOffice re-saving the openpyxl workbook (it computes the formula)", () => {
    const out = libreOffice(openpyxlFile, join(dir, "lo"));
    const [g] = readXlsx(readFileSync(out), nativeInflateRaw);
    expectSample(g, "computed");
  }, 200000);
});

/** Our own workbook rewritten as the OpenXML SDK writes it: every element x:-prefixed, absolute targets. */
function openXmlSdkStyle(bytes: Uint8Array): Uint8Array {
  const parts: Record<string, string | Uint8Array> = {};
  for (const [name, data] of Object.entries(unzipEntries(bytes, () => true, nativeInflateRaw))) {
    let text = Buffer.from(data).toString("utf8");
    if (name.startsWith("xl/") && name.endsWith(".xml") && text.includes('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')) {
      text = text.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, "<$1x:$2").replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
    }
    if (name === "xl/_rels/workbook.xml.rels") text = text.replace(/Target="(?!\/)/g, 'Target="/xl/');
    parts[name] = text;
  }
  return zipParts(parts);
}

interface CheckReport {
  error?: string;
  template?: string;
  findings: { rule: string; cell: string }[];
}

function cchc(...args: string[]): string {
  return spawnSync("node", [BIN, ...args], { encoding: "utf8", maxBuffer: 64 << 20 }).stdout;
}

describe("the same submission saved by each producer gets the same verdict and totals", () => {
  const seeds = [FIXTURES.nongNghiep, FIXTURES.cuLaoDung];
  const producers: Record<string, (src: string, base: string) => string | Promise<string>> = {
    "LibreOffice": (src) => libreOffice(src, join(dir, "seed-lo")),
    "LibreOffice, OpenDocument (.ods)": (src) => libreOffice(src, join(dir, "seed-ods"), "ods"),
    "openpyxl": (src, base) => {
      const out = join(dir, `${base}-openpyxl.xlsx`);
      python("import sys, openpyxl\nopenpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])", src, out);
      return out;
    },
    // xlsxwriter only writes: every cell's value and number format, as openpyxl reads them, written anew.
    "xlsxwriter": (src, base) => {
      const out = join(dir, `${base}-xlsxwriter.xlsx`);
      python(
        `import sys, openpyxl, xlsxwriter
source = openpyxl.load_workbook(sys.argv[1])
wb = xlsxwriter.Workbook(sys.argv[2])
formats = {}
for sheet in source.worksheets:
    ws = wb.add_worksheet(sheet.title)
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None: continue
            code = cell.number_format
            if code not in formats: formats[code] = wb.add_format({"num_format": code})
            ws.write(cell.row - 1, cell.column - 1, cell.value, formats[code])
wb.close()`,
        src,
        out,
      );
      return out;
    },
    "ExcelJS": async (src, base) => {
      const out = join(dir, `${base}-exceljs.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(src);
      await wb.xlsx.writeFile(out);
      return out;
    },
    "OpenXML SDK style": (src, base) => {
      const out = join(dir, `${base}-sdk.xlsx`);
      writeFileSync(out, openXmlSdkStyle(readFileSync(src)));
      return out;
    },
  };
  const resaved: Record<string, string[]> = {};

  beforeAll(async () => {
    for (const [name, make] of Object.entries(producers)) {
      resaved[name] = [];
      for (const b of seeds) resaved[name].push(await make(join(WORKBOOKS, `${b}.xlsx`), b));
    }
  }, 300000);

  it.each(Object.keys(producers).map((p) => [p]))("%s", (producer) => {
    const originals = seeds.map((b) => join(WORKBOOKS, `${b}.xlsx`));
    const verdict = (files: string[]) =>
      (JSON.parse(cchc("check", ...files, "--json")) as CheckReport[]).map((r) => ({ error: r.error, template: r.template, findings: r.findings.map((f) => `${f.rule}@${f.cell}`) }));
    expect(verdict(resaved[producer])).toEqual(verdict(originals));
    type Merge = { units: unknown[]; indicators: { id: string; total: unknown }[] };
    const totals = (files: string[], out: string) => {
      const m = JSON.parse(cchc("merge", ...files, "-o", join(dir, out), "--json")) as Merge;
      return { units: m.units.length, totals: m.indicators.map((i) => [i.id, i.total]) };
    };
    const a = totals(originals, "a.xlsx");
    expect(a.units).toBe(2);
    expect(totals(resaved[producer], "b.xlsx")).toEqual(a);
  }, 120000);
});

describe("honest reading", () => {
  it("a value cell holding a formula without a computed result is a finding, not 0", () => {
    const parts: Record<string, string | Uint8Array> = {};
    for (const [name, data] of Object.entries(unzipEntries(readFileSync(join(WORKBOOKS, `${FIXTURES.nongNghiep}.xlsx`)), () => true, nativeInflateRaw)))
      parts[name] = Buffer.from(data).toString("utf8");
    const sheet = parts["xl/worksheets/sheet1.xml"] as string;
    expect(sheet).toContain('<c r="D20"><v>3</v></c>');
    parts["xl/worksheets/sheet1.xml"] = sheet.replace('<c r="D20"><v>3</v></c>', '<c r="D20"><f>1+2</f><v></v></c>');
    const file = join(dir, "uncomputed.xlsx");
    writeFileSync(file, zipParts(parts));
    const [report] = JSON.parse(cchc("check", file, "--json")) as { findings: { cell: string; message: string }[] }[];
    const d20 = report.findings.filter((f) => f.cell === "D20");
    expect(d20.map((f) => f.message)).toEqual([expect.stringMatching(/ô D20 có công thức nhưng chưa có giá trị đã tính; hãy mở tệp bằng Excel và lưu lại\.$/)]);
  });
});
