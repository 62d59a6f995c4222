import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from "fs";
import { tmpdir } from "os";
import { createServer, Server } from "http";
import { AddressInfo } from "net";
import { extname, join, normalize } from "path";
import { Browser, ConsoleMessage, Page, chromium } from "playwright-core";

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");
export const SHOTS = join(ROOT, ".cchc-e2e", "screenshots");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".json": "application/json",
  ".css": "text/css",
};

/** Serves dist/ on a free localhost port, as the static https host would in production. */
export function serveDist(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/taskpane.html` })),
  );
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Fails the test on any console error or uncaught page error. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m: ConsoleMessage) => {
    if (m.type() === "error") errors.push(`console: ${m.text()} ${m.location().url}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => errors.push(`requestfailed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`http ${r.status()}: ${r.url()}`);
  });
  return errors;
}

/** The narrowest task pane Excel opens (and the default width, at which the screenshots are taken). */
export const PANE_MIN = 320;
export const PANE_DEFAULT = 350;

/**
 * What sticks out of a `width`-px pane: the page's own sideways scroll, a box inside it that scrolls
 * sideways, or a badge whose text wrapped out of it, each named with its text so a failure says what to
 * shorten or wrap.
 */
export async function overflowAt(page: Page, width: number): Promise<string[]> {
  const size = page.viewportSize() ?? { width: 420, height: 900 };
  await page.setViewportSize({ width, height: size.height });
  const out = await page.evaluate(() => {
    const doc = document.documentElement;
    const found: string[] = [];
    const name = (e: Element) => `${e.tagName.toLowerCase()} “${(e.textContent ?? "").trim().slice(0, 50)}”`;
    if (doc.scrollWidth > doc.clientWidth) {
      found.push(`trang rộng ${doc.scrollWidth} px > ${doc.clientWidth} px`);
      for (const e of document.body.querySelectorAll("*")) {
        const r = e.getBoundingClientRect();
        // The outermost element that sticks out names the culprit; its children would only repeat it.
        if (r.right > doc.clientWidth + 0.5 && r.width > 0 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > doc.clientWidth + 0.5))
          found.push(`${name(e)} đến ${Math.round(r.right)} px`);
      }
    }
    // A badge is one line of fixed height: text wrapped onto a second line spills over its edges.
    for (const e of document.body.querySelectorAll(".fui-Badge")) {
      const text = document.createRange();
      text.selectNodeContents(e);
      const lines = new Set([...text.getClientRects()].map((r) => Math.round(r.bottom))).size;
      if (lines > 1 || e.scrollWidth > e.clientWidth + 1) found.push(`${name(e)} tràn khỏi nhãn (${lines} dòng, rộng ${e.scrollWidth} > ${e.clientWidth} px)`);
    }
    for (const e of document.body.querySelectorAll("*")) {
      const o = getComputedStyle(e).overflowX;
      if ((o === "auto" || o === "scroll") && e.scrollWidth > e.clientWidth + 1 && e.tagName !== "TEXTAREA")
        found.push(`${name(e)} cuộn ngang (${e.scrollWidth} > ${e.clientWidth} px)`);
    }
    return found.slice(0, 12);
  });
  await page.setViewportSize(size);
  return out;
}

/**
 * Saves the page as it looks in Excel's default pane width, after asserting that nothing in it scrolls
 * sideways in the narrowest pane: every state the e2e suite photographs is also checked for width.
 */
export async function screenshot(page: Page, name: string, opts: { wideTable?: boolean } = {}): Promise<string> {
  if (!opts.wideTable) expect({ state: name, overflow: await overflowAt(page, PANE_MIN) }).toEqual({ state: name, overflow: [] });
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  const size = page.viewportSize() ?? { width: 420, height: 900 };
  await page.setViewportSize({ width: PANE_DEFAULT, height: size.height });
  await page.screenshot({ path: file, fullPage: true });
  await page.setViewportSize(size);
  return file;
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/**
 * Runs axe-core in the page; returns serious and critical violations. Fluent's focus manager (tabster)
 * adds hidden focus sentinels that forward focus; they are not content and are left out.
 */
export async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = (await page.evaluate("axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] })")) as AxeResult;
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/**
 * The usual set-up of an e2e file: dist/ served, one browser, a fresh standalone page per test (failing the
 * test on console errors), and a way to catch a download. Call at the top level of a test file.
 */
export function standalonePages(): { page: () => Page; downloaded: (action: () => Promise<void>) => Promise<{ name: string; bytes: Uint8Array }> } {
  let server: Server;
  let url: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ server, url } = await serveDist());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: PANE_DEFAULT, height: 900 }, locale: "vi-VN" });
    errors = watchConsole(page);
    await page.goto(url);
    await page.getByTestId("host-mode").waitFor();
  });
  afterEach(async () => {
    await page.close();
    expect(errors).toEqual([]);
  });
  return {
    page: () => page,
    async downloaded(action) {
      // A button that an opening panel is still moving can take the click at its old place on a busy machine.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity));
      const [download] = await Promise.all([page.waitForEvent("download"), action()]);
      const file = join(mkdtempSync(join(tmpdir(), "cchc-dl-")), download.suggestedFilename());
      await download.saveAs(file);
      return { name: download.suggestedFilename(), bytes: readFileSync(file) };
    },
  };
}
