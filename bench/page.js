/* global window, document, performance, MutationObserver -- the functions passed to page.evaluate run in the page */
/* The task pane's merge in the production page (dist/, `npm run build`), in Debian's headless Chromium:
 * how long a merge takes from the click to the result, and the longest task on the page's main thread
 * meanwhile (PerformanceObserver "longtask": tasks over 50 ms). */
const fs = require("fs");
const http = require("http");
const path = require("path");

const DIST = path.join(__dirname, "..", "dist");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml" };

/** dist/ on a free port of 127.0.0.1, as the static host serves it. */
function serve() {
  const server = http.createServer((req, res) => {
    const file = path.join(DIST, path.normalize(decodeURIComponent(req.url.split("?")[0])).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// Collects long tasks from the page's start; the merge's own are picked by time afterwards.
const OBSERVE = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: "longtask", buffered: true });
`;

/** Opens the pane's page once; `merge(files)` then merges in a fresh page and measures it. */
async function openPage() {
  const { chromium } = require("playwright-core");
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("Chạy `npm run build` trước (thiếu dist/taskpane.html).");
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const url = `http://127.0.0.1:${server.address().port}/taskpane.html`;
  return {
    async merge(files) {
      const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 350, height: 900 }, locale: "vi-VN" });
      try {
        await page.addInitScript(OBSERVE);
        await page.goto(url);
        await page.getByRole("tab", { name: "Tổng hợp" }).click();
        await page.getByLabel(/Chọn các tệp báo cáo đã nhận/).setInputFiles(files);
        const button = page.getByRole("button", { name: new RegExp(`Tổng hợp ${files.length} tệp`) });
        await button.waitFor();
        const download = page.waitForEvent("download");
        // The clock starts in the page, as the click is handled, and stops when the result is shown.
        await page.evaluate(() => {
          window.__done = new Promise((resolve) => {
            const seen = () => document.querySelector('[data-testid="merge-message"]') && resolve(performance.now());
            new MutationObserver(seen).observe(document.body, { childList: true, subtree: true });
          });
        });
        const t0 = await button.evaluate((b) => {
          const t = performance.now();
          b.click();
          return t;
        });
        const t1 = await page.evaluate(() => window.__done);
        const bytes = fs.readFileSync(await (await download).path());
        const longest = await page.evaluate(([from, to]) => Math.max(0, ...window.__longTasks.filter((t) => t.start + t.duration >= from && t.start <= to).map((t) => t.duration)), [t0, t1]);
        const message = await page.getByTestId("merge-message").textContent();
        return { seconds: (t1 - t0) / 1000, longestTaskMs: longest, message, bytes };
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

module.exports = { openPage };
