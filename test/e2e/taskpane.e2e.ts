import { readFileSync, writeFileSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Page } from "playwright-core";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { decodeIdentity } from "../../src/core/identity";
import { DIST, ROOT, SHOTS, axeSerious, screenshot, standalonePages } from "./harness";

const WORKBOOKS = join(ROOT, "test", "fixtures", "workbooks");
const pages = standalonePages();
let page: Page;

beforeAll(() => console.log(`Ảnh chụp màn hình: ${SHOTS}`));
beforeEach(() => {
  page = pages.page();
});

async function downloaded(action: () => Promise<void>): Promise<Uint8Array> {
  return (await pages.downloaded(action)).bytes;
}

describe("task pane in a real browser, standalone mode", () => {
  it("starts in standalone mode, in Vietnamese, accessible", async () => {
    await expect(page.getByTestId("host-mode").textContent()).resolves.toContain("trang web");
    expect(await page.getAttribute("html", "lang")).toBe("vi");
    await screenshot(page, "1-chen-bieu-mau");
    expect(await axeSerious(page)).toEqual([]);
  });

  it("inserts a template as a downloaded .xlsx", async () => {
    await page.getByLabel("Loại đơn vị").selectOption({ label: "UBND cấp huyện" });
    await page.getByLabel("Kỳ báo cáo").selectOption({ label: "6 tháng đầu năm" });
    await page.getByLabel("Năm").fill("2024");
    await page.getByLabel("Tên đơn vị báo cáo").fill("UBND huyện Long Phú");
    const bytes = await downloaded(() => page.getByRole("button", { name: "Tải biểu mẫu (.xlsx)" }).click());
    const [grid] = readXlsx(bytes);
    expect(grid.rows[1][0]?.value).toBe("6 THÁNG ĐẦU NĂM 2024");
    expect(decodeIdentity(grid.rows[0][5]?.value)).toMatchObject({ template: "cap-huyen-2023", unitName: "UBND huyện Long Phú", period: { kind: "h1", year: 2024 } });
    await page.getByText("Đã tạo tệp biểu mẫu").waitFor();
    await screenshot(page, "2-da-tao-bieu-mau");
  });

  it("checks an uploaded workbook and lists its findings by section", async () => {
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByLabel("Chọn tệp báo cáo cần kiểm tra (.xlsx)").setInputFiles(join(WORKBOOKS, "004-so-tai-nguyen-khanh-hoa-2023.xlsx"));
    const summary = page.getByTestId("check-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Sở TNMT.*\d+ lỗi/);
    // Many findings start with their sections closed.
    const closed = page.locator('.fui-AccordionHeader__button[aria-expanded="false"]');
    while ((await closed.count()) > 0) await closed.first().click();
    const findings = page.getByTestId("finding");
    expect(await findings.count()).toBeGreaterThan(10);
    await expect(page.getByText(/D92 = 177\.190/).first().isVisible()).resolves.toBe(true);
    await screenshot(page, "3-kiem-tra");
    expect(await axeSerious(page)).toEqual([]);
  });

  it("uses a province's own rule set loaded from its JSON file, and exports the current one", async () => {
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByRole("button", { name: "Bộ quy tắc kiểm tra" }).click();
    const exported = await downloaded(() => page.getByRole("button", { name: "Tải bộ quy tắc hiện hành (.json)" }).click());
    const rules = JSON.parse(new TextDecoder().decode(exported)) as { name: string; rules: { id: string }[] };
    rules.name = "Bộ quy tắc của tỉnh thử nghiệm";
    rules.rules = rules.rules.filter((r) => r.id !== "van-ban.dien-tu+song-song-giay<=tong");
    const file = join(mkdtempSync(join(tmpdir(), "cchc-rules-")), "quy-tac-tinh.json");
    writeFileSync(file, JSON.stringify(rules));
    await page.getByLabel("Nạp bộ quy tắc của tỉnh (.json)").setInputFiles(file);
    await page.getByTestId("rule-set").filter({ hasText: "Bộ quy tắc của tỉnh thử nghiệm" }).waitFor();
    await page.getByLabel("Chọn tệp báo cáo cần kiểm tra (.xlsx)").setInputFiles(join(WORKBOOKS, "000-so-nong-nghiep-q1-2023.xlsx"));
    await page.getByTestId("check-summary").filter({ hasText: ": 0 lỗi" }).waitFor();
    await screenshot(page, "5-bo-quy-tac");
    await page.getByRole("button", { name: "Dùng lại bộ quy tắc mặc định" }).click();
    await page.getByLabel("Chọn tệp báo cáo cần kiểm tra (.xlsx)").setInputFiles(join(WORKBOOKS, "000-so-nong-nghiep-q1-2023.xlsx"));
    await page.getByTestId("check-summary").filter({ hasText: ": 1 lỗi" }).waitFor();
  });

  it("can be used with the keyboard alone", async () => {
    // Tab from the start of the page to the insert button, then press Enter.
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = (await page.evaluate(() => document.activeElement?.textContent ?? "")) === "Tải biểu mẫu (.xlsx)";
    }
    expect(reached).toBe(true);
    const bytes = await downloaded(() => page.keyboard.press("Enter"));
    expect(readXlsx(bytes)[0].rows[0][0]?.value).toContain("THỐNG KÊ");
    // Arrow keys move between the tabs.
    await page.getByRole("tab", { name: "Chèn biểu mẫu" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Chọn tệp…" }).waitFor();
  });

  it("explains a file that is not a workbook", async () => {
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    const bad = join(mkdtempSync(join(tmpdir(), "cchc-bad-")), "bao-cao.xlsx");
    writeFileSync(bad, "không phải tệp excel");
    await page.getByLabel("Chọn tệp báo cáo cần kiểm tra (.xlsx)").setInputFiles(bad);
    await expect(page.getByTestId("check-error").textContent()).resolves.toContain("văn bản thuần (CSV hoặc TXT)");
  });

  it("merges several uploaded workbooks and downloads the consolidated workbook", async () => {
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    const bad = join(mkdtempSync(join(tmpdir(), "cchc-bad-")), "hong.xlsx");
    writeFileSync(bad, readFileSync(join(WORKBOOKS, "001-so-thong-tin-nam-2023.xlsx")).subarray(0, 3000));
    await page.getByLabel("Chọn các tệp báo cáo đã nhận (.xlsx)").setInputFiles([
      join(WORKBOOKS, "000-so-nong-nghiep-q1-2023.xlsx"),
      join(WORKBOOKS, "003-huyen-cu-lao-dung-q1-2023-text.xlsx"),
      join(WORKBOOKS, "002-so-tai-chinh-q1-2021.xlsx"),
      bad,
    ]);
    await page.getByLabel(/Danh sách đơn vị phải báo cáo/).fill("Sở Nông nghiệp và PTNT\nỦy ban nhân dân huyện Cù Lao Dung\nSở Y tế");
    const bytes = await downloaded(() => page.getByRole("button", { name: /Tổng hợp 4 tệp và tải về/ }).click());
    await page.getByTestId("merge-message").waitFor();
    expect(await page.getByTestId("merge-message").textContent()).toContain("Đã tổng hợp 2 đơn vị");
    const rows = page.getByTestId("file-row");
    expect(await rows.count()).toBe(4);
    // The count table: each kind counted, problems first, each count a filter of the list.
    const count = (kind: string) => page.locator(`[data-testid="summary-count"][data-kind="${kind}"]`);
    expect(await count("submitted").textContent()).toBe("Đã nộp2");
    expect(await count("otherPeriod").textContent()).toBe("Khác kỳ1");
    expect(await count("rejected").textContent()).toBe("Tệp hỏng1");
    expect(await count("missing").textContent()).toBe("Chưa nộp1");
    expect(await count("duplicate").isDisabled()).toBe(true);
    expect(await rows.first().textContent()).toContain("hong.xlsx");
    await screenshot(page, "4-tong-hop");
    expect(await axeSerious(page)).toEqual([]);
    await count("otherPeriod").click();
    expect(await count("otherPeriod").getAttribute("aria-pressed")).toBe("true");
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("002-so-tai-chinh-q1-2021.xlsx");
    await count("missing").click();
    expect(await rows.count()).toBe(0);
    expect(await page.getByTestId("summary-missing").textContent()).toContain("Sở Y tế");
    await screenshot(page, "4-tong-hop-loc-chua-nop");
    await count("missing").click();
    expect(await rows.count()).toBe(4);

    const grids = readXlsx(bytes);
    expect(grids.map((g) => g.name)).toEqual(["Tổng hợp", "Tình hình nộp báo cáo", "Lỗi", "Danh sách đơn vị"]);
    const planned = grids[0].rows.find((r) => r[1]?.value === "Số nhiệm vụ đề ra trong kế hoạch");
    expect(planned?.[3]?.value).toBe(42);
    const status = grids[1].rows.map((r) => r.map((c) => c?.value));
    expect(status.find((r) => r[1] === "Sở Y tế")?.[2]).toBe("Chưa nộp");
  });

  it("merges the period the officer chooses, setting the others aside", async () => {
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByLabel("Chọn các tệp báo cáo đã nhận (.xlsx)").setInputFiles([
      join(WORKBOOKS, "000-so-nong-nghiep-q1-2023.xlsx"),
      join(WORKBOOKS, "002-so-tai-chinh-q1-2021-text.xlsx"),
    ]);
    await page.getByLabel("Kỳ tổng hợp").selectOption({ label: "Quý I" });
    await page.getByLabel("Năm tổng hợp").fill("2021");
    const bytes = await downloaded(() => page.getByRole("button", { name: /Tổng hợp 2 tệp và tải về/ }).click());
    await page.getByTestId("merge-message").filter({ hasText: "Đã tổng hợp 1 đơn vị (Quý I năm 2021)" }).waitFor();
    const status = readXlsx(bytes)[1].rows.map((r) => r.map((c) => c?.value));
    expect(status.find((r) => r[3] === "000-so-nong-nghiep-q1-2023.xlsx")?.[2]).toBe("Khác kỳ báo cáo");
  });

  it("ships a manifest pointed at the configured address", () => {
    const manifest = readFileSync(join(DIST, "manifest.xml"), "utf8");
    expect(manifest).toContain("https://cchc.example.gov.vn/addin/taskpane.html");
    expect(manifest).not.toContain("localhost");
  });
});
