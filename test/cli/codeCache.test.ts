import { spawnSync } from "child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ensureCliBuilt } from "../support/cli";

const ROOT = join(__dirname, "..", "..");

/** `cchc templates` run from a copy of the built CLI, with what the loader did with the code cache. */
function templatesFrom(root: string): { code: number | null; out: string; cache: string } {
  const r = spawnSync("node", [join(root, "bin", "cchc.js"), "templates"], { encoding: "utf8", env: { ...process.env, CCHC_CODE_CACHE: "report" } });
  return { code: r.status, out: r.stdout, cache: /code cache: (\w+)/.exec(r.stderr)?.[1] ?? r.stderr };
}

describe("the CLI's code cache", () => {
  let copy: string;
  beforeAll(() => {
    ensureCliBuilt();
    copy = mkdtempSync(join(tmpdir(), "cchc-cache-"));
    for (const dir of ["bin", "catalog"]) cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
    mkdirSync(join(copy, "dist-cli"));
    for (const f of ["cchc.js", "cchc.js.cache", "builtin-package.json"]) cpSync(join(ROOT, "dist-cli", f), join(copy, "dist-cli", f));
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("is made by the build and accepted by the CLI", () => {
    const r = templatesFrom(ROOT);
    expect(r.cache).toBe("accepted");
    expect(r.code).toBe(0);
  });

  it("is not used for a bundle it was not made from, even one of the same length", () => {
    const bundle = join(copy, "dist-cli", "cchc.js");
    const expected = templatesFrom(ROOT).out;
    const source = readFileSync(bundle, "utf8");
    // V8 itself compares only the source's length.
    const edited = source.replace('"use strict";', "'use strict';");
    expect(edited.length).toBe(source.length);
    expect(edited).not.toBe(source);
    writeFileSync(bundle, edited);
    const r = templatesFrom(copy);
    writeFileSync(bundle, source);
    expect(r).toEqual({ code: 0, out: expected, cache: "stale" });
  });

  it("damaged or missing, the CLI still runs", () => {
    const cache = join(copy, "dist-cli", "cchc.js.cache");
    const good = readFileSync(cache);
    const expected = templatesFrom(ROOT).out;
    const damaged = Buffer.from(good);
    damaged.fill(0x5a, 4, 4000);
    writeFileSync(cache, damaged);
    expect(templatesFrom(copy)).toEqual({ code: 0, out: expected, cache: "rejected" });
    rmSync(cache);
    expect(templatesFrom(copy)).toEqual({ code: 0, out: expected, cache: "absent" });
    writeFileSync(cache, good);
  });
});
