import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { FINDINGS_SHEET, buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { FIXTURES, catalog, ruleSet } from "../support/data";
import { retitled } from "../support/periods";
import { axeSerious, screenshot, standalonePages } from "./harness";

const { page: current, downloaded } = standalonePages();
const dir = mkdtempSync(join(tmpdir(), "cchc-e2e-previous-"));

function save(name: string, bytes: Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

const nn = `${FIXTURES.nongNghiep}-text.xlsx`;
const tt = `${FIXTURES.thongTin}-text.xlsx`;
const q1 = { nn: retitled(nn, "QUÝ I NĂM 2023"), tt: retitled(tt, "QUÝ I NĂM 2023") };
const h1 = {
  nn: save("nn-6t.xlsx", retitled(nn, "6 THÁNG ĐẦU NĂM 2023", { "direction.plan.tasks_done": "18", "direction.plan.completion_rate": "78,26", "procedures.cases.received": "4250", "procedures.cases.solved": "4200" })),
  nnBad: save("nn-6t-sai.xlsx", retitled(nn, "6 THÁNG ĐẦU NĂM 2023", { "direction.plan.tasks_done": "10", "procedures.cases.received": "4250" })),
  tt: save("tt-6t.xlsx", retitled(tt, "6 THÁNG ĐẦU NĂM 2023", { "direction.plan.tasks_done": "30", "procedures.cases.received": "190", "procedures.cases.solved": "190" })),
};

describe("So sánh với kỳ trước in the task pane", () => {
  it("Kiểm tra: a unit's Quý I report as the previous one; the fallen figure is listed with its previous value", async () => {
    const page = current();
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByLabel(/Chọn báo cáo kỳ trước của đơn vị/).setInputFiles(save("nn-q1.xlsx", q1.nn));
    await page.getByTestId("previous-source").filter({ hasText: "Kỳ trước: Quý I năm 2023" }).waitFor();
    await page.getByLabel("Chọn tệp báo cáo cần kiểm tra (.xlsx)").setInputFiles(h1.nnBad);
    await page.getByTestId("check-summary").waitFor();
    await page.getByText(/kỳ trước: 13, Quý I năm 2023, tệp “nn-q1\.xlsx”/).first().waitFor();
    await screenshot(page, "ky-truoc-kiem-tra");
    expect(await axeSerious(page)).toEqual([]);
  });

  it("Tổng hợp: last period's consolidated workbook; the message names only the unit whose figures fell", async () => {
    const inputs = [
      { fileName: "nn-q1.xlsx", result: checkReceivedFile(q1.nn, "nn-q1.xlsx", catalog, ruleSet) },
      { fileName: "tt-q1.xlsx", result: checkReceivedFile(q1.tt, "tt-q1.xlsx", catalog, ruleSet) },
    ];
    const last = save("tong-hop-q1.xlsx", writeXlsx(buildMergeLayouts(consolidate(inputs))));
    const page = current();
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByLabel("Chọn sổ tổng hợp của kỳ trước (.xlsx)").setInputFiles(last);
    await page.getByTestId("previous-source").filter({ hasText: "2 đơn vị" }).waitFor();
    await page.getByLabel("Chọn các tệp báo cáo đã nhận (.xlsx)").setInputFiles([h1.nn, h1.tt]);
    const { bytes } = await downloaded(() => page.getByRole("button", { name: /Tổng hợp 2 tệp và tải về/ }).click());
    const message = page.getByTestId("merge-message");
    await message.filter({ hasText: "So với kỳ trước" }).waitFor();
    const text = (await message.textContent()) ?? "";
    expect(text).toMatch(/cần xem lại số liệu của: Sở Thông tin và Truyền thông[^;]*\(trang Lỗi\)/);
    expect(text).not.toContain("Nông nghiệp và PTNT (trang");
    await screenshot(page, "ky-truoc-tong-hop");
    const lỗi = readXlsx(bytes).find((g) => g.name === FINDINGS_SHEET)!;
    const previousRows = lỗi.rows.filter((r) => String(r[7]?.value ?? "").startsWith("previous."));
    expect(previousRows.map((r) => r[1]?.value)).toEqual(["Sở Thông tin và Truyền thông tỉnh Sóc Trăng"]);
  });
});
