import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadBuiltinPackage } from "../src/adapters/node/packageFiles";
import { readXlsx } from "../src/adapters/xlsx/read";
import { parsePackage } from "../src/core/package/package";
import { ensureCliBuilt, runCchc } from "./support/cli";
import { communeRows, communeSheetXlsx } from "./support/communeSheet";
import { proposeTemplate } from "../src/core/authoring/author";
import { appendixSheet, fillFigures, filledReport } from "./support/appendixReports";
import { COMMUNE } from "./support/ownAppendices";

const tmp = mkdtempSync(join(tmpdir(), "cchc-package-"));
const cchc = (...args: string[]) => runCchc(tmp, ...args);

beforeAll(ensureCliBuilt);

describe("cchc package", () => {
  const sheet = join(tmp, "phu-luc-xa.xlsx");
  writeFileSync(sheet, communeSheetXlsx(communeRows(loadBuiltinPackage().catalog.byId.get("cap-huyen-2023")!)));

  it("exports the built-in package, adds a commune template from a sheet, and every command takes the new package", () => {
    const r1 = cchc("package", "export", "-o", "P.json");
    expect(r1.code).toBe(0);
    expect(parsePackage(readFileSync(join(tmp, "P.json"), "utf8")).catalog.templates).toHaveLength(4);

    const r2 = cchc("package", "add-template", sheet, "--package", "P.json", "--unit-type", "cap-xa", "--unit-type-label", "UBND cấp xã", "--version", "2026", "-o", "P2.json");
    expect(r2.err).toBe("");
    expect(r2.code).toBe(0);
    expect(r2.out).toMatch(/dùng lại 1\d\d mã có sẵn, 7 mã mới/);
    expect(r2.out).toContain("[thêm mới] cap-xa-2026.ty-le-");
    expect(r2.out).toContain("Đã ghi");

    const r3 = cchc("templates", "--json", "--package", "P2.json");
    expect(r3.code).toBe(0);
    const list = JSON.parse(r3.out) as { id: string; unitType: string }[];
    expect(list).toContainEqual(expect.objectContaining({ id: "cap-xa-2026", unitType: "cap-xa" }));

    const r4 = cchc("template", "--template", "cap-xa-2026", "--package", "P2.json", "--period", "q3", "--year", "2026", "-o", "xa.xlsx");
    expect(r4.code).toBe(0);
    const r5 = cchc("check", "xa.xlsx", "--package", "P2.json");
    expect(r5.out).toContain("UBND cấp xã — mẫu 2026");
    expect(r5.out).toMatch(/Kiểm tra theo Bộ biểu mẫu .* \(phiên bản 2023\.1\+cap-xa-2026/);
    // The built-in package does not know the commune template.
    expect(cchc("check", "xa.xlsx").code).toBe(2);
    expect(readXlsx(readFileSync(join(tmp, "xa.xlsx")))[0].rows.length).toBeGreaterThan(150);
  });

  it("refuses a broken package and a Word file with Vietnamese messages, writing nothing", () => {
    writeFileSync(join(tmp, "hong.json"), JSON.stringify({ format: "cchc-package", name: "x" }));
    const r = cchc("templates", "--package", "hong.json");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Bộ biểu mẫu không hợp lệ");
    writeFileSync(join(tmp, "bc.docx"), "x");
    const d = cchc("package", "add-template", "bc.docx", "--unit-type", "cap-xa", "--version", "2026", "-o", "P3.json");
    expect(d.code).toBe(2);
    expect(d.err).toContain(".docx");
    expect(existsSync(join(tmp, "P3.json"))).toBe(false);
  });

  it("tries the proposed rules on filled reports, and a rate tied by --tie, before writing the package", () => {
    const sheetBytes = appendixSheet(COMMUNE);
    writeFileSync(join(tmp, "pl-xa-2026.xlsx"), sheetBytes);
    const proposal = proposeTemplate(readXlsx(sheetBytes)[0], loadBuiltinPackage(), { unitType: "cap-xa", unitTypeLabel: "UBND cấp xã", version: "2026" });
    const reports = [1, 2, 3].map((k) => {
      const name = `xa-${k}.xlsx`;
      writeFileSync(join(tmp, name), filledReport(proposal.template, fillFigures(COMMUNE, k), `UBND xã Số ${k}`, { kind: "year", year: 2026 }));
      return name;
    });
    const idOf = (label: string) => proposal.review[COMMUNE.rows.findIndex((r) => r.label === label)].id!;
    const [rate, from, direct, online, total] = [
      "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến",
      "- Số hồ sơ từ kỳ trước chuyển sang",
      "- Số hồ sơ tiếp nhận trực tiếp tại Bộ phận Một cửa",
      "- Số hồ sơ tiếp nhận trực tuyến",
      "Tổng số hồ sơ đã tiếp nhận",
    ].map(idOf);
    const args = ["package", "add-template", "pl-xa-2026.xlsx", "--unit-type", "cap-xa", "--unit-type-label", "UBND cấp xã", "--version", "2026"];
    const r = cchc(...args, ...reports.flatMap((f) => ["--try", f]), "--tie", `${rate}=${from}/${direct}`, "-o", "P4.json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Chạy thử trên 3 tệp (3 đọc được):");
    expect(r.out).toMatch(/: không đạt 3\/3 báo cáo đã điền — QUY TẮC CÓ THỂ SAI/);
    expect(r.out).toContain(`--tie ${rate}=${online}/${total}`);
    expect(r.out).toContain("mức lỗi (cách trình bày của bảng nêu rõ)");
    // Checked together on the package with the wrong tie, the rule is told once, not as each unit's error.
    const batch = cchc("check", ...reports, "--package", "P4.json");
    expect(batch.code).toBe(0);
    expect(batch.out.match(/Quy tắc có thể sai “cap-xa-2026\.ty-le-\d+”.*không đạt ở 3\/3 đơn vị/g)).toHaveLength(1);
    expect(batch.out).not.toMatch(/LỖI .*trực tuyến/);
    const bad = cchc(...args, "--tie", `${rate}=khong-co/${total}`, "-o", "P5.json");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--tie");
    expect(existsSync(join(tmp, "P5.json"))).toBe(false);
  });
});
