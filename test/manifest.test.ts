import { readFileSync, existsSync } from "fs";
import { join } from "path";
import { REQUIRED_API, REQUIREMENTS_MESSAGE, standalonePageAdvice } from "../src/adapters/office/capabilities";

const ROOT = join(__dirname, "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** Offline checks of manifest.xml (office-addin-manifest validate needs a network service). */
function tag(name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}\\b[^>]*>([^<]*)</${name}>|<${name}\\b([^>]*)/>`, "g"))].map((m) => m[1] ?? m[2]);
}

function attr(fragment: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`).exec(fragment)?.[1];
}

describe("manifest.xml", () => {
  it("is well-formed XML (balanced tags)", () => {
    const stack: string[] = [];
    for (const m of xml.replace(/<\?xml[^>]*\?>/, "").matchAll(/<(\/?)([\w:.]+)[^>]*?(\/?)>/g)) {
      const [, close, name, self] = m;
      if (self) continue;
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name);
    }
    expect(stack).toEqual([]);
  });

  it("has a GUID Id, a version and vi-VN as default locale", () => {
    expect(tag("Id")[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(tag("Version")[0]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(tag("DefaultLocale")[0]).toBe("vi-VN");
  });

  it("targets workbooks and asks only for ExcelApi 1.1, so Excel 2016 and 2019 open the pane and read why it cannot run there", () => {
    expect(xml).toContain('<Host Name="Workbook"/>');
    const set = tag("Set").find((s) => attr(s, "Name") === "ExcelApi");
    expect(attr(set!, "MinVersion")).toBe("1.1");
    // The level the code needs is checked at run time, with the Vietnamese message and the standalone page.
    expect(REQUIRED_API.version).toBe("1.9");
  });

  it("points at the task pane page over https, with icons that exist and a ribbon button", () => {
    const source = attr(tag("SourceLocation")[0], "DefaultValue")!;
    expect(source).toMatch(/^https:\/\/[^/]+\/taskpane\.html$/);
    const icons = [...xml.matchAll(/DefaultValue="https:\/\/[^/]+\/(assets\/[^"]+\.png)"/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const icon of icons) expect([icon, existsSync(join(ROOT, icon))]).toEqual([icon, true]);
    expect(xml).toMatch(/<Control xsi:type="Button"[\s\S]*<Action xsi:type="ShowTaskpane">/);
    expect(xml).toContain('resid="Taskpane.Url"');
  });

  it("says truthfully which Excel versions run it, inside the pane and in an old webview, and where the others go", () => {
    const html = readFileSync(join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    for (const text of [REQUIREMENTS_MESSAGE, html]) {
      expect(text).toContain("Microsoft 365");
      expect(text).toContain("Excel 2021, Excel 2024 (Windows và Mac)");
      expect(text).toContain("Excel trên web");
    }
    expect(REQUIREMENTS_MESSAGE).toMatch(/Excel 2016 và Excel 2019 trên Windows không chạy được/);
    expect(standalonePageAdvice("https://cchc.example.gov.vn/addin/taskpane.html")).toContain("https://cchc.example.gov.vn/addin/taskpane.html");
    expect(html).toContain("trang web độc lập");
    // No Office.js in the page itself: it is injected from Microsoft's CDN only inside Office.
    expect(html).not.toMatch(/<script[^>]+office/i);
  });
});
