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
    // The previous period is chosen next: its picker is above the findings, in the first screen of the pane.
    const previous = await page.getByRole("button", { name: "Chọn tệp kỳ trước…" }).boundingBox();
    expect(previous && previous.y + previous.height).toBeLessThanOrEqual(page.viewportSize()!.height);
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
    // The comparison says what it added, so one that adds nothing is not mistaken for one that did not run.
    expect(await page.getByTestId("check-previous").textContent()).toMatch(/^So với kỳ trước: \d+ lỗi\/cảnh báo/);
  });

  it("counts files chosen in two picks together, clears them, gives the focus to the outcome, and shows units off the typed list 100 at a time with why", async () => {
    const page = pages.page();
    const dept = catalog.byId.get("so-nganh-2023")!;
    const files = Array.from({ length: 104 }, (_, i) =>
      write(`nop-bao-cao-${i + 1}.xlsx`, syntheticSubmission(dept, `Trung tâm dịch vụ công khu vực ${i + 1}`, i, { kind: "h1", year: 2025 })),
    );
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    const picker = page.getByLabel(/Chọn các tệp báo cáo đã nhận/);
    await picker.setInputFiles(files.slice(0, 60));
    await picker.setInputFiles(files.slice(60));
    const chosen = page.getByTestId("picker-chosen").first();
    expect(await chosen.textContent()).toContain("Đã chọn: 104 tệp");
    await page.getByLabel(/Danh sách đơn vị phải báo cáo/).fill("Trung tâm dịch vụ công khu vực 1\nTrung tâm dịch vụ công khu vực 2");
    const merge = page.getByRole("button", { name: "Tổng hợp 104 tệp và tải về" });
    // Started from the keyboard: the button is disabled while merging, and the focus must not fall back to the page.
    await merge.focus();
    await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    await page.getByTestId("merge-message").waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("merge-message");
    const unresolved = page.getByTestId("unresolved-files");
    expect(await unresolved.getByTestId("unresolved-file").count()).toBe(100);
    expect(await unresolved.getByTestId("list-more").textContent()).toBe("Hiện 2 dòng còn lại");
    expect(await unresolved.getByTestId("unresolved-file").first().textContent()).toContain("không có trong danh sách đơn vị phải báo cáo");
    await screenshot(page, "tong-hop-ngoai-danh-sach");

    // A list short of the senders: one click adds them and merges again.
    expect(await page.getByTestId("unlisted-units").textContent()).toMatch(/^102 đơn vị gửi tệp không có trong danh sách/);
    await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Thêm 102 đơn vị vào danh sách rồi tổng hợp lại" }).click()]);
    await page.getByTestId("merge-message").filter({ hasText: "Đã tổng hợp 104 đơn vị" }).waitFor();
    expect((await page.getByLabel(/Danh sách đơn vị phải báo cáo/).inputValue()).split("\n")).toHaveLength(104);
    expect(await page.getByTestId("unresolved-files").count()).toBe(0);

    await page.getByRole("button", { name: "Bỏ các tệp đã chọn" }).click();
    expect(await chosen.textContent()).toBe("hoặc kéo thả các tệp vào đây");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Chọn tệp…");
    expect(await page.getByTestId("merge-summary").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Tổng hợp 0 tệp và tải về" }).isDisabled()).toBe(true);
  });

  it.each([
    ["ghi-chu.txt", "Đây là một tệp văn bản, không phải báo cáo.", /văn bản thuần \(CSV hoặc TXT\).*lưu lại thành \.xlsx.*Nhận báo cáo dạng .*\(\.xlsx\).*\(\.docx\).*\(\.ods\)/],
    ["trong.xlsx", "", /^Tệp rỗng \(0 byte\).*\(\.xlsx\).*\(\.docx\).*\(\.ods\)/],
  ])("says what is wrong with %s and which formats are accepted", async (name, content, message) => {
    const page = pages.page();
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByRole("button", { name: "Chọn tệp…" }).first().focus();
    await page.getByLabel(CHECK_INPUT).setInputFiles(write(name, content));
    const error = page.getByTestId("check-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(message);
    // The picker is disabled while checking: the focus stays on it or goes on to the message, never back to the page.
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
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
