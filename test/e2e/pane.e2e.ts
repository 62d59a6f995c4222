import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { syntheticSubmission } from "../../scripts/syntheticSubmissions";
import { loadBuiltinPackage } from "../../src/adapters/node/packageFiles";
import { axeSerious, screenshot, standalonePages } from "./harness";

/** The pane in Excel's width: findings at a glance, what a file error says, and the insert panel's unit types. */
const pages = standalonePages();
const dir = mkdtempSync(join(tmpdir(), "cchc-pane-e2e-"));
const catalog = loadBuiltinPackage().catalog;

function write(name: string, bytes: Uint8Array | string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const CHECK_INPUT = "Chọn tệp báo cáo cần kiểm tra (.xlsx)";

describe("the pane at 320-350 px", () => {
  it("summarises many findings by section and severity, closed, filtered by Lỗi / Cảnh báo, each naming its row", async () => {
    const page = pages.page();
    const file = write("thi-xa-tan-lap-6t-2026.xlsx", syntheticSubmission(catalog.byId.get("cap-huyen-2023")!, "UBND thị xã Tân Lập", 2, { kind: "h1", year: 2026 }));
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByLabel(CHECK_INPUT).setInputFiles(file);
    await page.getByTestId("check-summary").waitFor();
    const summary = page.getByTestId("findings-summary");
    expect(await summary.locator("tbody tr").count()).toBeGreaterThan(3);
    const findings = page.locator('[data-testid="finding"]:visible');
    const [errors, warnings] = [page.getByTestId("findings-filter").first(), page.getByTestId("findings-filter").last()];
    const errorCount = Number(/\((\d+)\)/.exec((await errors.textContent()) ?? "")?.[1]);
    const warningCount = Number(/\((\d+)\)/.exec((await warnings.textContent()) ?? "")?.[1]);
    expect(errorCount).toBeGreaterThan(0);
    expect(warningCount).toBeGreaterThan(0);
    // More than 20 findings: every section starts closed, the summary says where to look.
    expect(errorCount + warningCount).toBeGreaterThan(20);
    expect(await findings.count()).toBe(0);
    await screenshot(page, "kiem-tra-1-tom-tat");
    expect(await axeSerious(page)).toEqual([]);

    const headers = page.locator(".fui-AccordionHeader__button");
    for (let i = 0; i < (await headers.count()); i++) await headers.nth(i).click();
    expect(await findings.count()).toBe(errorCount + warningCount);
    await warnings.click();
    expect(await findings.count()).toBe(warningCount);
    await errors.click();
    expect(await findings.count()).toBe(errorCount);
    // In the page a finding is text naming the row's label and value, not a button that pretends to select a cell.
    const first = findings.first();
    expect(await first.getByRole("button").count()).toBe(0);
    expect(await first.getByTestId("finding-row").textContent()).toMatch(/^Dòng “.+”: /);
    await screenshot(page, "kiem-tra-2-loi-mo-muc");
    expect(await axeSerious(page)).toEqual([]);
  });

  it("checks again at once when the previous period is chosen after a check", async () => {
    const page = pages.page();
    const dept = catalog.byId.get("so-nganh-2023")!;
    const now = write("so-ngoai-vu-6t.xlsx", syntheticSubmission(dept, "Sở Ngoại vụ", 1, { kind: "h1", year: 2026 }));
    const before = write("so-ngoai-vu-q1.xlsx", syntheticSubmission(dept, "Sở Ngoại vụ", 4, { kind: "q1", year: 2026 }));
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByLabel(CHECK_INPUT).setInputFiles(now);
    const summary = page.getByTestId("check-summary");
    await summary.waitFor();
    const alone = await summary.textContent();
    await page.getByLabel(/Chọn báo cáo kỳ trước của đơn vị/).setInputFiles(before);
    await page.getByTestId("previous-source").waitFor();
    await summary.filter({ hasNotText: alone ?? "" }).waitFor();
    expect(await summary.textContent()).not.toBe(alone);
  });

  it.each([
    ["ghi-chu.txt", "Đây là một tệp văn bản, không phải báo cáo.", /văn bản thuần \(CSV hoặc TXT\).*lưu lại thành \.xlsx.*Nhận báo cáo dạng .*\(\.xlsx\).*\(\.docx\).*\(\.ods\)/],
    ["trong.xlsx", "", /^Tệp rỗng \(0 byte\).*\(\.xlsx\).*\(\.docx\).*\(\.ods\)/],
  ])("says what is wrong with %s and which formats are accepted", async (name, content, message) => {
    const page = pages.page();
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByLabel(CHECK_INPUT).setInputFiles(write(name, content));
    const error = page.getByTestId("check-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(message);
    await screenshot(page, `thong-bao-${name.replace(/\W/g, "-")}`);
  });

  it("says in plain words that a rule set is not a package", async () => {
    const page = pages.page();
    await page.getByRole("tab", { name: "Bộ biểu mẫu" }).click();
    await page.getByLabel("Nạp bộ biểu mẫu của tỉnh (.json)").setInputFiles(write("quy-tac.json", JSON.stringify({ name: "Quy tắc tỉnh", rules: [] })));
    const message = page.getByTestId("package-message");
    await message.filter({ hasText: "bộ quy tắc kiểm tra, không phải bộ biểu mẫu" }).waitFor();
    expect(await message.textContent()).not.toContain("Trường");
    await screenshot(page, "thong-bao-bo-bieu-mau");
  });

  it("offers every unit type of the package; where it has no template, says so, hides the button and the old message", async () => {
    const page = pages.page();
    const types = await page.getByLabel("Loại đơn vị").locator("option").allTextContents();
    expect(types).toEqual(expect.arrayContaining(["Sở, ban, ngành", "UBND cấp xã", "UBND cấp huyện"]));
    await page.getByLabel("Năm").fill("2026");
    await page.getByRole("button", { name: "Tải biểu mẫu (.xlsx)" }).click();
    await page.getByText("Đã tạo tệp biểu mẫu").waitFor();

    await page.getByLabel("Loại đơn vị").selectOption({ label: "UBND cấp xã" });
    const none = page.getByTestId("insert-no-template");
    await none.waitFor();
    expect(await none.textContent()).toContain("chưa có biểu mẫu cho UBND cấp xã");
    expect(await page.getByRole("button", { name: "Tải biểu mẫu (.xlsx)" }).count()).toBe(0);
    expect(await page.getByText("Đã tạo tệp biểu mẫu").count()).toBe(0);
    await screenshot(page, "chen-1-chua-co-mau-xa");
    expect(await axeSerious(page)).toEqual([]);

    // A district in 2026 no longer reports: warned, no button.
    await page.getByLabel("Loại đơn vị").selectOption({ label: "UBND cấp huyện" });
    await page.getByText(/UBND cấp huyện không báo cáo kỳ này/).waitFor();
    expect(await page.getByRole("button", { name: "Tải biểu mẫu (.xlsx)" }).count()).toBe(0);
    await screenshot(page, "chen-2-huyen-2026");

    await page.getByLabel("Loại đơn vị").selectOption({ label: "UBND cấp xã" });
    await page.getByRole("button", { name: "Nạp bộ biểu mẫu của tỉnh" }).click();
    await page.getByTestId("package-info").waitFor();
  });
});
