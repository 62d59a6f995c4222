/**
 * Where the task pane runs, decided at once: as a plain page it loads no Office.js and talks to no host
 * but its own; inside Office it injects Microsoft's CDN Office.js; without modern JavaScript (old
 * webviews) it shows why instead of a blank pane.
 */
import { existsSync, readFileSync } from "fs";
import { Server } from "http";
import { join } from "path";
import { Browser, Page, Route } from "playwright-core";
import { OFFICE_JS_URL } from "../../src/taskpane/host";
import { DIST, launch, serveDist, watchConsole } from "./harness";

let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, url } = await serveDist());
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Every request the page makes, by URL. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

/** A stand-in for Microsoft's Office.js: Excel that supports ExcelApi up to `version`. */
function fakeOfficeJs(version: string): string {
  return `window.Office = {
    HostType: { Excel: "Excel" },
    onReady: function () { return Promise.resolve({ host: "Excel", platform: "PC" }); },
    context: { requirements: { isSetSupported: function (set, v) {
      var a = String(v).split("."), b = "${version}".split(".");
      return set === "ExcelApi" && (Number(a[0]) < Number(b[0]) || (Number(a[0]) === Number(b[0]) && Number(a[1] || 0) <= Number(b[1] || 0)));
    } } }
  };`;
}

describe("the task pane decides its host at once", () => {
  it("as a plain page: three tabs, no console error, no request to any other host, no Office.js", async () => {
    const page = await browser.newPage({ locale: "vi-VN" });
    const errors = watchConsole(page);
    const requests = recordRequests(page);
    await page.goto(url);
    await page.getByTestId("host-mode").waitFor();
    for (const tab of ["Chèn biểu mẫu", "Kiểm tra", "Tổng hợp"]) await expect(page.getByRole("tab", { name: tab }).isVisible()).resolves.toBe(true);
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.waitForLoadState("networkidle");
    const origin = new URL(url).origin;
    expect(requests.filter((r) => !r.startsWith(`${origin}/`))).toEqual([]);
    expect(requests.length).toBeGreaterThan(1);
    expect(await page.evaluate("typeof window.Office")).toBe("undefined");
    expect(await page.locator("script[src*='office']").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the build ships no copy of Office.js; the bundle names Microsoft's CDN", () => {
    expect(existsSync(join(DIST, "office-js"))).toBe(false);
    expect(readFileSync(join(DIST, "taskpane.html"), "utf8")).not.toMatch(/office\.js/);
    expect(readFileSync(join(DIST, "taskpane.js"), "utf8")).toContain(OFFICE_JS_URL);
  });

  it("opened by Excel (_host_Info): loads Office.js from the CDN and runs in Excel", async () => {
    const page = await browser.newPage({ locale: "vi-VN" });
    const errors = watchConsole(page);
    const cdn: string[] = [];
    await page.route("https://appsforoffice.microsoft.com/**", (route: Route) => {
      cdn.push(route.request().url());
      return route.fulfill({ contentType: "text/javascript", body: fakeOfficeJs("1.18") });
    });
    await page.goto(`${url}?_host_Info=Excel$Win32$16.01$vi-VN$$$$0`);
    await expect(page.getByTestId("host-mode").textContent()).resolves.toBe("Đang chạy trong Excel");
    expect(cdn).toEqual([OFFICE_JS_URL]);
    await expect(page.getByRole("button", { name: "Chèn biểu mẫu" }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("in an Excel without ExcelApi 1.9: names the versions that work and the standalone page", async () => {
    const page = await browser.newPage({ locale: "vi-VN" });
    await page.route("https://appsforoffice.microsoft.com/**", (route: Route) => route.fulfill({ contentType: "text/javascript", body: fakeOfficeJs("1.8") }));
    await page.goto(`${url}?_host_Info=Excel$Win32$16.01$vi-VN$$$$0`);
    const text = await page.getByTestId("unsupported").textContent();
    expect(text).toMatch(/Microsoft 365/);
    expect(text).toMatch(/Excel 2021, Excel 2024/);
    expect(text).toMatch(/Excel trên web/);
    expect(text).toContain(url);
    expect(await page.getByRole("tab").count()).toBe(0);
    await page.close();
  });

  it("inside Office without Internet (CDN unreachable): says so in Vietnamese", async () => {
    const page = await browser.newPage({ locale: "vi-VN" });
    await page.route("https://appsforoffice.microsoft.com/**", (route: Route) => route.abort());
    await page.goto(`${url}?_host_Info=Excel|Web|16.00|vi-VN`);
    await expect(page.getByTestId("unsupported").textContent()).resolves.toMatch(/Không tải được thư viện Office\.js/);
    await page.close();
  });

  it("in a webview without modern JavaScript: shows the versions that work instead of a blank pane", async () => {
    const page = await browser.newPage({ locale: "vi-VN" });
    // What an Internet Explorer webview lacks, among others.
    await page.addInitScript("delete window.Proxy; delete window.fetch;");
    await page.goto(url);
    const legacy = page.locator("#legacy");
    await expect(legacy.isVisible()).resolves.toBe(true);
    await expect(legacy.textContent()).resolves.toMatch(/Microsoft 365, Excel 2021, Excel 2024/);
    await expect(page.locator("#legacy-url").textContent()).resolves.toBe(url);
    expect(await page.locator("#root").innerHTML()).toBe("");
    await page.close();
  });
});
