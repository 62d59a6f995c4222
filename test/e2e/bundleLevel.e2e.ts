/**
 * The built bundle parses at the language level the webview check in taskpane.html guarantees (ES2022),
 * and the production manifest is a different add-in from the development one (settings are per add-in).
 */
import { Parser } from "acorn";
import { readFileSync } from "fs";
import { join } from "path";
import { DIST } from "./harness";

const idOf = (xml: string): string | undefined => /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];

describe("the built task pane", () => {
  it("parses as ES2022, the level the webview check tests", () => {
    const bundle = readFileSync(join(DIST, "taskpane.js"), "utf8");
    expect(() => Parser.parse(bundle, { ecmaVersion: 2022, sourceType: "script" })).not.toThrow();
  });

  it("has a production manifest whose Id is not the development one", () => {
    const dev = idOf(readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8"));
    const prod = idOf(readFileSync(join(DIST, "manifest.xml"), "utf8"));
    expect(prod).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(prod).not.toBe(dev);
  });
});
