#!/usr/bin/env node
// Runs the compiled CLI, bundled into one file by `npm run build:cli` (which `npm ci` runs through
// `prepare`): one file loads faster than the modules it is made of.
process.stdout.on("error", (err) => {
  // The reader went away (`cchc … | head`): nothing left to write to.
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
const cli = require("../dist-cli/cchc.js");
// exitCode, not exit(): exit() cuts output to a pipe (e.g. `--json | jq`) at 64 KB.
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`Lỗi không mong đợi: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
