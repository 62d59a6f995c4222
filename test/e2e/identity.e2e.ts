import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { MERGE_SHEET, STATUS_SHEET } from "../../src/core/layout/mergeLayouts";
import { copiedDistrict } from "../support/copiedDistricts";
import { axeSerious, screenshot, standalonePages } from "./harness";

const pages = standalonePages();
const downloaded = async (action: () => Promise<void>): Promise<Uint8Array> => (await pages.downloaded(action)).bytes;

const KE_SACH_FILE = "huyen-ke-sach-q1-2023.xlsx";

describe("standalone page: a file copied from another district", () => {
  it("is listed unresolved; choosing its unit and merging again credits its numbers to that unit", async () => {
    const page = pages.page();
    const dir = mkdtempSync(join(tmpdir(), "cchc-identity-e2e-"));
    const own = join(dir, "huyen-cu-lao-dung-q1-2023.xlsx");
    const copy = join(dir, KE_SACH_FILE);
    writeFileSync(own, copiedDistrict("UBND huyện Cù Lao Dung", 19));
    writeFileSync(copy, copiedDistrict("UBND huyện Kế Sách", 31));

    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByLabel("Chọn các tệp báo cáo đã nhận (.xlsx)").setInputFiles([own, copy]);
    const first = await downloaded(() => page.getByRole("button", { name: /Tổng hợp 2 tệp và tải về/ }).click());
    await page.getByTestId("unresolved-files").waitFor();
    expect(await page.getByTestId("unresolved-file").count()).toBe(1);
    expect(await page.getByTestId("unresolved-files").textContent()).toContain("Ủy ban nhân dân huyện Cù Lao Dung");
    expect(await page.getByText("chưa rõ đơn vị", { exact: true }).count()).toBe(1);
    const firstStatus = readXlsx(first).find((g) => g.name === STATUS_SHEET)!.rows.map((r) => r.map((c) => c?.value));
    expect(firstStatus.find((r) => r[3] === KE_SACH_FILE)?.[2]).toBe("Chưa rõ đơn vị");
    await screenshot(page, "identity-1-chua-ro-don-vi");
    expect(await axeSerious(page)).toEqual([]);

    await page.getByRole("combobox", { name: `Đơn vị gửi tệp ${KE_SACH_FILE}` }).click();
    await page.getByRole("option", { name: "UBND huyện Kế Sách" }).click();
    const bytes = await downloaded(() => page.getByRole("button", { name: "Tổng hợp lại" }).click());
    await page.getByTestId("merge-message").filter({ hasText: "Đã tổng hợp 2 đơn vị" }).waitFor();
    await screenshot(page, "identity-2-da-chon-don-vi");

    const grids = readXlsx(bytes);
    const totals = grids.find((g) => g.name === MERGE_SHEET)!;
    const names = totals.rows[5].map((c) => c?.value);
    const col = names.indexOf("UBND huyện Kế Sách");
    expect(col).toBeGreaterThan(0);
    const planned = totals.rows.find((r) => r[1]?.value === "Số nhiệm vụ đề ra trong kế hoạch")!;
    expect(planned[col]?.value).toBe(31);
    expect(planned[3]?.value).toBe(50);
    const status = grids.find((g) => g.name === STATUS_SHEET)!.rows.map((r) => r.map((c) => c?.value));
    expect(status.find((r) => r[3] === KE_SACH_FILE)?.[1]).toBe("UBND huyện Kế Sách");
  });
});
