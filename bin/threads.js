// A merge's critical path is the main thread. V8's compiler and garbage-collector threads, made when
// Node starts, ran at the same priority and, on a 2-core machine, took turns on the main thread's core:
// it waited 30-80 ms of a 500 ms merge (/proc/self/task/*/schedstat). At a lower priority they use the
// spare core (bench/: wall time of a merge of 130 files 15-50 ms lower). Linux only, and only with a
// second core to go to; elsewhere nothing is changed.
const fs = require("fs");
const os = require("os");

const HELPER_NICE = 10;

/** Lowers the priority of this process's threads other than the main one; returns how many. */
function lowerHelperThreads() {
  if (process.platform !== "linux" || os.availableParallelism() < 2) return 0;
  let lowered = 0;
  try {
    for (const tid of fs.readdirSync("/proc/self/task")) {
      if (Number(tid) === process.pid) continue;
      try {
        os.setPriority(Number(tid), HELPER_NICE);
        lowered++;
      } catch {
        // A thread that has ended, or a system that refuses: it keeps its priority.
      }
    }
  } catch {
    // No /proc: nothing to lower.
  }
  return lowered;
}

module.exports = { lowerHelperThreads, HELPER_NICE };
