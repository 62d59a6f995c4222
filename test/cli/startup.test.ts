import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadCatalog } from "../../src/adapters/node/catalogFiles";
import { syntheticSubmission } from "../../scripts/syntheticSubmissions";

const CLI = join(__dirname, "..", "..", "bin", "cchc.js");

describe("the CLI's start", () => {
  it("does not load Node modules a merge has no use for (crypto, worker_threads: 3-5 ms of every command)", () => {
    const dir = mkdtempSync(join(tmpdir(), "cchc-startup-"));
    try {
      const t = loadCatalog().templates[0];
      const file = join(dir, "a.xlsx");
      writeFileSync(file, syntheticSubmission(t, "Sở Nội vụ", 0, { kind: "q1", year: 2024 }, {}));
      // Node lists every built-in module it has loaded; printed when the merge has written its workbook.
      const list = join(dir, "modules.js");
      writeFileSync(list, `process.on("exit", () => process.stderr.write(JSON.stringify(process.moduleLoadList)));`);
      const r = spawnSync(process.execPath, ["-r", list, CLI, "merge", file, "-o", join(dir, "out.xlsx")], { encoding: "utf8" });
      expect(r.status).toBe(0);
      const loaded = JSON.parse(r.stderr) as string[];
      expect(loaded).toContain("NativeModule zlib");
      expect(loaded.filter((m) => /\b(crypto|worker_threads)\b/.test(m))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
