#!/usr/bin/env node
// Runs the compiled CLI (built by `npm run build:cli`, which `npm ci` runs through `prepare`).
// exitCode, not exit(): exit() cuts output to a pipe (e.g. `--json | jq`) at 64 KB.
require("../dist-cli/src/cli/main.js").main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  },
);
