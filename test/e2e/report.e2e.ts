import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { REPORT_SHEET } from "../../src/core/report/provinceReport";
import { writeProvince } from "../support/province";
import { axeSerious, screenshot, standalonePages } from "./harness";

const { page: current, downloaded } = standalonePages();
let files: string[];

beforeAll(() => {
  files = writeProvince(mkdtempSync(join(tmpdir(), "cchc-province-")));
});

describe("province report in the standalone page", () => {
  it("after a merge, makes the report in the tinh-2023 layout and downloads it with the merge sheets", async () => {
    const page = current();
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByLabel("Chọn các tệp báo cáo đã nhận (.xlsx)").setInputFiles(files);
    await downloaded(() => page.getByRole("button", { name: `Tổng hợp ${files.length} tệp và tải về` }).click());
    await page.getByTestId("merge-message").filter({ hasText: "Đã tổng hợp 6 đơn vị" }).waitFor();

    const form = page.getByRole("region", { name: "Lập báo cáo của tỉnh" });
    await form.getByLabel("Biểu mẫu báo cáo của tỉnh").selectOption("tinh-2023");
    // Asked once, remembered for the next report.
    await form.getByLabel("Tên tỉnh, thành phố").fill("Hà Giang Mới");
    await form.getByLabel("Số báo cáo").fill("27/BC-UBND");
    await form.getByLabel("Ngày báo cáo").fill("5/4/2023");
    const { name, bytes } = await downloaded(() => form.getByRole("button", { name: "Lập báo cáo của tỉnh" }).click());
    expect(name).toBe("bao-cao-cua-tinh-q1-2023.xlsx");
    const message = page.getByTestId("report-message");
    await message.waitFor();
    expect(await message.textContent()).toMatch(/Đã lập trang “Báo cáo của tỉnh” .*\d+ chỉ tiêu có số liệu, \d+ còn trống; \d+ lỗi\/cảnh báo\./);
    expect(await page.getByTestId("report-missing").filter({ hasText: "Sở Thông tin và Truyền thông" }).textContent()).toContain("7.1");
    expect(await form.getByTestId("findings-summary").locator("tbody tr").count()).toBeGreaterThan(0);

    const grids = readXlsx(bytes);
    expect(grids.map((g) => g.name)).toEqual(["Tổng hợp", "Tình hình nộp báo cáo", "Lỗi", "Danh sách đơn vị", REPORT_SHEET]);
    const sheet = grids.find((g) => g.name === REPORT_SHEET)!;
    expect(sheet.rows[1][0]?.value).toBe("QUÝ I NĂM 2023");
    expect(sheet.rows[2][0]?.value).toBe("(Kèm theo Báo cáo số 27/BC-UBND ngày 05 tháng 04 năm 2023 của UBND tỉnh Hà Giang Mới)");
    expect(await page.evaluate(() => localStorage.getItem("cchc.provinceReportHeading"))).toContain("Hà Giang Mới");
    const line = sheet.rows.find((r) => r?.[0]?.value === "2.1.1")!;
    expect(line[3]?.value).toBe(20);
    expect(line[5]?.value).toBe("Theo báo cáo của Sở Tư pháp");
    await screenshot(page, "bao-cao-cua-tinh");
    expect(await axeSerious(page)).toEqual([]);
  });
});
