/**
 * The old-webview check in taskpane.html: itself ES5 (it must run everywhere), and testing exactly the
 * language level the bundle is built for, ES2022 (test/e2e/bundleLevel.e2e.ts parses the bundle at it).
 */
import { Parser } from "acorn";
import { readFileSync } from "fs";
import { join } from "path";
import { runInNewContext } from "vm";

const HTML = readFileSync(join(__dirname, "..", "..", "src", "taskpane", "taskpane.html"), "utf8");
const SCRIPT = /<script>([\s\S]*?)<\/script>/.exec(HTML)?.[1] ?? "";
/** The code the check compiles with `new Function`: the language level it demands. */
const PROBE = /new Function\("((?:[^"\\]|\\.)*)"\)/.exec(SCRIPT)?.[1] ?? "";

function parses(code: string, ecmaVersion: 5 | 2021 | 2022): boolean {
  try {
    Parser.parse(code, { ecmaVersion, sourceType: "script", allowReturnOutsideFunction: true });
    return true;
  } catch {
    return false;
  }
}

/** Runs the check in a page whose engine compiles (or not) what the probe needs; returns whether it showed the message. */
function showsMessage(engineHasEs2022: boolean): boolean {
  const elements: Record<string, { style: { display: string }; innerText: string }> = {
    legacy: { style: { display: "none" }, innerText: "" },
    "legacy-url": { style: { display: "" }, innerText: "này" },
  };
  const window: Record<string, unknown> = { fetch: () => undefined };
  const FunctionOfEngine = function (body: string) {
    if (!engineHasEs2022) throw new SyntaxError("Unexpected token '{'");
    return new Function(body);
  };
  runInNewContext(SCRIPT, {
    window,
    Proxy,
    Function: FunctionOfEngine,
    document: { getElementById: (id: string) => elements[id] },
    location: { protocol: "https:", host: "cchc.example.gov.vn", pathname: "/addin/taskpane.html" },
  });
  return window.CCHC_LEGACY === true && elements.legacy.style.display === "block";
}

describe("the webview check before the bundle", () => {
  it("is itself ES5", () => {
    expect(SCRIPT.length).toBeGreaterThan(100);
    expect(parses(SCRIPT, 5)).toBe(true);
  });

  it("demands ES2022, no less: its probe needs ES2022 syntax and is valid ES2022", () => {
    expect(parses(PROBE, 2022)).toBe(true);
    expect(parses(PROBE, 2021)).toBe(false);
  });

  it("shows the Vietnamese message and the standalone page's address where the probe does not compile, nothing where it does", () => {
    expect(showsMessage(false)).toBe(true);
    expect(showsMessage(true)).toBe(false);
  });
});
