import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Page } from "playwright-core";
import { loadCatalog } from "../../src/adapters/node/catalogFiles";
import { loadRuleSet } from "../../src/adapters/node/ruleFiles";
import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { decodeIdentity } from "../../src/core/identity";
import { seedDocx } from "../../scripts/seedDocx";
import { ROOT, axeSerious, screenshot, standalonePages } from "./harness";

const WORKBOOKS = join(ROOT, "test", "fixtures", "workbooks");
const SEEDS = join(ROOT, "test", "fixtures", "seeds");
const tmp = mkdtempSync(join(tmpdir(), "cchc-docx-e2e-"));

function docxFile(seed: string, name: string, split = false): string {
  const file = join(tmp, name);
  const text = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(seed)) ?? ""), "utf8");
  writeFileSync(file, seedDocx(text, { split }));
  return file;
}

const { page: current, downloaded } = standalonePages();
let page: Page;
beforeEach(() => {
  page = current();
});

describe("Word reports in the standalone page", () => {
  it("checks an uploaded .docx, names cells by table, row and column, and converts it to the template workbook", async () => {
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByLabel(/Chọn tệp báo cáo cần kiểm tra/).setInputFiles(docxFile("000", "bao-cao-snn.docx"));
    const summary = page.getByTestId("check-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Sở Nông nghiệp và PTNT · Quý I năm 2023 · .*1 lỗi, 1 cảnh báo/);
    await page.getByText("Tệp Word, “Bảng 1”").waitFor();
    await expect(page.getByText(/Bảng 1, dòng 169, cột Số liệu/).first().isVisible()).resolves.toBe(true);
    const { name, bytes } = await downloaded(() => page.getByRole("button", { name: "Chuyển sang Excel" }).click());
    expect(name).toBe("bao-cao-snn.xlsx");
    await page.getByTestId("convert-done").waitFor();
    await screenshot(page, "docx-1-kiem-tra-chuyen-excel");
    expect(await axeSerious(page)).toEqual([]);
    const [grid] = readXlsx(bytes);
    expect(decodeIdentity(grid.rows[0][5]?.value)).toMatchObject({ template: "so-nganh-2023", unitName: "Sở Nông nghiệp và PTNT", period: { kind: "q1", year: 2023 } });
    const again = checkReceivedFile(bytes, name, loadCatalog(), loadRuleSet());
    if (!again.ok) throw new Error(again.reason);
    expect(again.findings.map((f) => f.rule)).toEqual(["van-ban.dien-tu+song-song-giay<=tong", "dvc.tich-hop-cong-quoc-gia<=muc-3+muc-4"]);
  });

  it("merges an uploaded .docx with a workbook and says which came as Word", async () => {
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByLabel(/Chọn các tệp báo cáo đã nhận/).setInputFiles([join(WORKBOOKS, "000-so-nong-nghiep-q1-2023.xlsx"), docxFile("003", "cu-lao-dung.docx", true)]);
    const { bytes } = await downloaded(() => page.getByRole("button", { name: /Tổng hợp 2 tệp và tải về/ }).click());
    await page.getByTestId("merge-message").waitFor();
    expect(await page.getByTestId("merge-message").textContent()).toContain("Đã tổng hợp 2 đơn vị");
    await screenshot(page, "docx-2-tong-hop");
    const grids = readXlsx(bytes);
    const planned = grids[0].rows.find((r) => r[1]?.value === "Số nhiệm vụ đề ra trong kế hoạch");
    expect(planned?.[3]?.value).toBe(42);
    const status = grids[1].rows.map((r) => r.map((c) => c?.value));
    expect(status.find((r) => r[3] === "cu-lao-dung.docx")?.[8]).toBe("Nộp bằng tệp Word (.docx)");
  });
});
