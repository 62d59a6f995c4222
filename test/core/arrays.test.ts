import { spawnSync } from "child_process";
import { join } from "path";
import { emptyObjectArray } from "../../src/core/arrays";
import { ensureCliBuilt } from "../support/cli";

describe("emptyObjectArray", () => {
  test("is an empty array that takes any element", () => {
    const a = emptyObjectArray<string>();
    expect(a).toEqual([]);
    a.push("x", "y");
    expect(a.pop()).toBe("y");
    expect(a).toEqual(["x"]);
  });

  test("is an array of objects to the engine from the start, unlike []", () => {
    ensureCliBuilt();
    const compiled = join(__dirname, "..", "..", "dist-cli", "src", "core", "arrays.js");
    // V8's own answer, through its test intrinsics: what keeps optimized code valid at the first push.
    const script = `const { emptyObjectArray } = require(${JSON.stringify(compiled)});
      const ours = emptyObjectArray(), plain = [];
      process.stdout.write(JSON.stringify([%HasObjectElements(ours), %HasSmiElements(ours), %HasSmiElements(plain)]));`;
    const r = spawnSync(process.execPath, ["--allow-natives-syntax", "-e", script], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual([true, false, true]);
  });
});
