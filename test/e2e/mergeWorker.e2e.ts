import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { consolidate, mergeInput } from "../../src/core/consolidate/consolidate";
import { buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { Period } from "../../src/core/period";
import { syntheticSubmission } from "../../scripts/syntheticSubmissions";
import { catalog, ruleSet } from "../support/data";
import { screenshot, standalonePages } from "./harness";

const pages = standalonePages();

/** 130 reports of a province's departments and communes for 6 tháng 2026, as a merge in the page receives them. */
function province(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "cchc-130-"));
  const H1: Period = { kind: "h1", year: 2026 };
  const dept = catalog.byId.get("so-nganh-2023")!;
  const district = catalog.byId.get("cap-huyen-2023")!;
  return Array.from({ length: 130 }, (_, i) => {
    const t = i % 4 === 3 ? district : dept;
    const who = t === dept ? `Sở chuyên ngành thứ ${i + 1} tỉnh Lào Cai` : `UBND huyện vùng cao thứ ${i + 1}`;
    const file = join(dir, `nop-6thang-2026-${String(i + 1).padStart(3, "0")}.xlsx`);
    writeFileSync(file, syntheticSubmission(t, who, i, H1, { asText: i % 5 === 0, unstamped: i % 3 === 0 }));
    return file;
  });
}

const values = (bytes: Uint8Array) => readXlsx(bytes).map((g) => ({ name: g.name, rows: g.rows.map((r) => r.map((c) => c?.value ?? null)) }));

describe("a merge in the page runs in a worker", () => {
  it("goes on while the officer opens another tab and comes back, and gives the same workbook", async () => {
    const page = pages.page();
    const files = province();
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByLabel(/Chọn các tệp báo cáo đã nhận/).setInputFiles(files);
    // A province's list shows its first 100 lines, and more on request.
    expect(await page.getByTestId("file-row").count()).toBe(100);
    expect(await page.getByTestId("list-more").textContent()).toBe("Hiện 30 dòng còn lại");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tổng hợp 130 tệp và tải về" }).click()]);
    // Meanwhile: another tab works, then the merge tab is back with its result.
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByRole("button", { name: /Chọn tệp/ }).first().waitFor();
    expect(await page.getByTestId("merge-message").isVisible()).toBe(false);
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByTestId("merge-message").filter({ hasText: "Đã tổng hợp 130 đơn vị (6 tháng đầu năm 2026)" }).waitFor();
    // Rules that most units break: said once, then a short line each, a few at a time, without the rules' codes.
    const suspect = page.getByTestId("merge-suspect");
    expect(await suspect.getByTestId("suspect-rule").count()).toBe(5);
    expect(await suspect.textContent()).not.toMatch(/[a-z]\.[a-z-]+(<=|>=|\+)/);
    await suspect.getByTestId("list-more").click();
    expect(await suspect.getByTestId("suspect-rule").count()).toBeGreaterThan(5);
    const summary = page.getByTestId("merge-summary");
    expect(await summary.getByTestId("file-row").count()).toBe(100);
    await screenshot(page, "tong-hop-130-tep");
    await summary.getByTestId("list-more").click();
    expect(await summary.getByTestId("file-row").count()).toBe(130);
    expect(await summary.getByTestId("list-more").count()).toBe(0);

    const bytes = readFileSync(await download.path());
    const direct = consolidate(files.map((f) => mergeInput(basename(f), checkReceivedFile(readFileSync(f), basename(f), catalog, ruleSet))), { rules: ruleSet.rules });
    expect(values(bytes)).toEqual(values(writeXlsx(buildMergeLayouts(direct, { outliers: ruleSet.outliers }))));
  });
});
