import { spawnSync } from "child_process";
import { join } from "path";

const THREADS = join(__dirname, "..", "..", "bin", "threads.js");

describe("the CLI's helper threads", () => {
  it("run at a lower priority than the main thread, which keeps its own", () => {
    // Each thread's nice value from /proc (field 19 of its stat), before and after.
    const script = `const fs = require("fs");
      const nice = (tid) => Number(fs.readFileSync("/proc/self/task/" + tid + "/stat", "utf8").split(")").pop().trim().split(" ")[16]);
      const others = () => fs.readdirSync("/proc/self/task").filter((t) => Number(t) !== process.pid);
      const before = { main: nice(process.pid), others: others().map(nice) };
      const lowered = require(${JSON.stringify(THREADS)}).lowerHelperThreads();
      const cpus = require("os").availableParallelism();
      process.stdout.write(JSON.stringify({ before, lowered, cpus, main: nice(process.pid), others: others().map(nice) }));`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    const got = JSON.parse(r.stdout) as { before: { main: number; others: number[] }; lowered: number; cpus: number; main: number; others: number[] };
    expect(got.main).toBe(got.before.main);
    if (got.cpus < 2) {
      expect(got.lowered).toBe(0);
      expect(got.others).toEqual(got.before.others);
    } else {
      // Node's own worker threads (V8's compiler and collector among them) are there from the start.
      expect(got.lowered).toBeGreaterThanOrEqual(4);
      expect(got.others).toEqual(got.before.others.map((n) => Math.max(n, 10)));
    }
  });
});
