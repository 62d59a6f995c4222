// Loads the CLI bundle (dist-cli/cchc.js) with V8's code cache made by `npm run build:cli`: the
// functions a merge runs are then not compiled again at every start (bench/: 20-25 ms of a cold merge
// of 130 files). V8 rejects a cache made by another version or with other flags; it checks only the
// length of the source, so the cache starts with a CRC-32 of the bundle it was made from.
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const zlib = require("zlib");
const Module = require("module");

const BUNDLE = path.join(__dirname, "..", "dist-cli", "cchc.js");
const CACHE = `${BUNDLE}.cache`;

// A merge is one short batch: V8's pretenuring of long-lived allocations, decided in its middle, threw
// away the optimized code of every function allocating at those sites (measured in bench/: 8–10 % of
// the CPU time of a merge of 130 files, less garbage-collection work saved than recompiling cost).
// Set before compiling: V8 accepts a code cache only under the flags it was made with.
require("v8").setFlagsFromString("--no-allocation-site-pretenuring");
// Settings measured on the V8 of Node 20 (11.3) only; another V8 keeps its defaults (it may tier
// code differently, and a flag it does not know would print an error at every start):
// - the young generation grows to its full size (16 MB) in two steps instead of four: a merge keeps what
//   it reads, and each early, small collection copied it again (bench/: 19-20 collections → 14);
// - the optimizing compiler inlines a third as much (150 bytes of bytecode a call, 300 a function) and
//   does not peel loops: in a run this short, compiling large bodies cost more than it saved (bench/:
//   instructions of a merge of 130 files 4.76 → 4.54 → 4.48 G, helper threads' CPU 245 → 199 ms;
//   inlining limits of 100/200 and 230/300 measured 4.58 and 4.60 G).
if (process.versions.v8.startsWith("11.3.")) {
  for (const flag of ["--semi-space-growth-factor=4", "--max-inlined-bytecode-size=150", "--max-inlined-bytecode-size-cumulative=300", "--no-turbo-loop-peeling"])
    require("v8").setFlagsFromString(flag);
}

/** The bundle's exports, and how its code cache was used: "accepted", "rejected", "stale" or "absent". */
function loadBundle({ useCache = true } = {}) {
  // The CRC of the bytes as read: of the string, it would first encode its 600 KB back to UTF-8.
  const bytes = fs.readFileSync(BUNDLE);
  const crc = zlib.crc32(bytes);
  const source = bytes.toString("utf8");
  let cachedData;
  let cache = "absent";
  if (useCache) {
    try {
      const cached = fs.readFileSync(CACHE);
      if (cached.length > 4 && cached.readUInt32LE(0) === crc) cachedData = cached.subarray(4);
      else cache = "stale";
    } catch {
      // Not built: compiled as the bundle runs.
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  if (cachedData) cache = script.cachedDataRejected ? "rejected" : "accepted";
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, BUNDLE, path.dirname(BUNDLE));
  return { exports: module.exports, cache, script, crc };
}

/** Writes the code cache of a bundle loaded and run by loadBundle (after the functions to keep have run). */
function writeCodeCache({ script, crc }) {
  const header = Buffer.alloc(4);
  header.writeUInt32LE(crc, 0);
  fs.writeFileSync(`${CACHE}.tmp`, Buffer.concat([header, script.createCachedData()]));
  fs.renameSync(`${CACHE}.tmp`, CACHE);
}

module.exports = { loadBundle, writeCodeCache, CACHE };
