#!/usr/bin/env node
// Runs the compiled CLI (built by `npm run build:cli`, which `npm ci` runs through `prepare`).
require("../dist-cli/src/cli/main.js").main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  },
);
