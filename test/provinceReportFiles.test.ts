import { ensureCliBuilt, runCchc } from "./support/cli";
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsx } from "../src/adapters/xlsx/read";
import { REPORT_SHEET } from "../src/core/report/provinceReport";
import { Grid } from "../src/core/grid";
import { TEMPLATE_FIRST_DATA_ROW } from "../src/core/layout/templateLayout";
import { catalog } from "./support/data";
import { writeProvince } from "./support/province";

const tmp = mkdtempSync(join(tmpdir(), "cchc-report-"));
let files: string[];

interface ReportJson {
  report: {
    template: string;
    period: { kind: string; year: number };
    rows: { id: string; stt: string; label: string; unit: string; value: number | null; source: string }[];
    missing: { who: string; rows: { id: string; stt: string }[] }[];
    findings: { rule: string; cell: string; message: string }[];
  };
}

beforeAll(() => {
  ensureCliBuilt();
  files = writeProvince(join(tmp, "nhan-duoc"));
});

const cchc = (...args: string[]) => runCchc(tmp, ...args);

function sheet(bytes: Uint8Array): Grid {
  const g = readXlsx(bytes).find((x) => x.name === REPORT_SHEET);
  if (!g) throw new Error("no report sheet");
  return g;
}

describe("cchc merge --report", () => {
  let json: ReportJson;
  const out = join(tmp, "tong-hop.xlsx");

  beforeAll(() => {
    const r = cchc("merge", ...files, "-o", out, "--report", "tinh-2023", "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    json = JSON.parse(r.out) as ReportJson;
  });

  it("adds the report to the JSON", () => {
    const rep = json.report;
    expect(rep.template).toBe("tinh-2023");
    expect(rep.period).toEqual({ kind: "q1", year: 2023 });
    expect(rep.rows.find((r) => r.id === "institution.legal_docs.issued_province")).toMatchObject({ stt: "2.1.1", unit: "Văn bản", value: 20, source: "Theo báo cáo của Sở Tư pháp" });
    expect(rep.rows.find((r) => r.id === "digital.architecture.updated")?.value).toBeNull();
    expect(rep.missing.find((m) => m.who === "Sở Thông tin và Truyền thông")?.rows.map((r) => r.stt)).toContain("7.1");
    expect(rep.findings.map((f) => f.rule)).toContain("ho-so.dung-han<=da-giai-quyet");
  });

  it("writes the sheet after the merge sheets, with the JSON's figures", () => {
    const grids = readXlsx(readFileSync(out));
    expect(grids.map((g) => g.name)).toEqual(["Tổng hợp", "Tình hình nộp báo cáo", "Lỗi", "Danh sách đơn vị", REPORT_SHEET]);
    const g = sheet(readFileSync(out));
    const byLabel = new Map<string, (number | null)[]>();
    for (const r of g.rows.slice(TEMPLATE_FIRST_DATA_ROW)) {
      if (!r?.[1]) continue;
      const v = r[3]?.value;
      const list = byLabel.get(String(r[1].value)) ?? [];
      list.push(typeof v === "number" ? v : null);
      byLabel.set(String(r[1].value), list);
    }
    for (const r of json.report.rows) expect(byLabel.get(r.label)).toContain(r.value);
  });

  it("refuses an unknown template with the valid IDs", () => {
    const r = cchc("merge", ...files, "-o", join(tmp, "x.xlsx"), "--report", "khong-co");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Không có biểu mẫu “khong-co”.*tinh-2023/);
  });

  it("prints a summary without --json", () => {
    const r = cchc("merge", ...files, "-o", join(tmp, "y.xlsx"), "--report", "tinh-2023");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Báo cáo của tỉnh \(tinh-2023\): \d+ chỉ tiêu có số liệu, \d+ còn trống; \d+ lỗi\/cảnh báo\./);
    expect(r.out).toMatch(/Còn thiếu — Sở Thông tin và Truyền thông: 7\.1/);
  });

  it("LibreOffice opens the workbook and reads back the same figures", () => {
    const dir = join(tmp, "lo");
    const r = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${tmp}/profile`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir, out], {
      encoding: "utf8",
      timeout: 180000,
    });
    if (r.error) throw new Error(`LibreOffice (soffice) không chạy được: ${r.error.message}`);
    const ours = sheet(readFileSync(out));
    const resaved = sheet(readFileSync(join(dir, "tong-hop.xlsx")));
    const figures = (g: Grid) => g.rows.slice(TEMPLATE_FIRST_DATA_ROW, TEMPLATE_FIRST_DATA_ROW + catalog.byId.get("tinh-2023")!.rows.length).map((row) => [row?.[1]?.value ?? null, row?.[3]?.value ?? null]);
    const before = figures(ours);
    expect(before.filter(([, v]) => typeof v === "number").length).toBeGreaterThan(50);
    expect(figures(resaved)).toEqual(before);
  }, 200000);
});

describe("cchc merge --report with the report's heading", () => {
  it("writes the province, report number and date on the form's line", () => {
    const out = join(tmp, "co-so-hieu.xlsx");
    const r = cchc("merge", ...files, "-o", out, "--report", "tinh-2023", "--province", "thành phố Hải Đông", "--report-number", "9/BC-UBND", "--report-date", "08/04/2023");
    expect(r.code).toBe(0);
    expect(sheet(readFileSync(out)).rows[2][0]?.value).toBe("(Kèm theo Báo cáo số 9/BC-UBND ngày 08 tháng 04 năm 2023 của UBND thành phố Hải Đông)");
  });

  it("refuses a date that is not one, before writing anything", () => {
    const out = join(tmp, "sai-ngay.xlsx");
    const r = cchc("merge", ...files, "-o", out, "--report", "tinh-2023", "--report-date", "31/04/2023");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Ngày báo cáo không hợp lệ");
    expect(existsSync(out)).toBe(false);
  });
});
