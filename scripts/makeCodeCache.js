// Run by `npm run build:cli`, after the bundle: runs a merge and a check of synthetic submissions with
// the bundle, then keeps V8's code cache of every function they ran (see bin/bundle.js).
const fs = require("fs");
const os = require("os");
const path = require("path");
const { loadBundle, writeCodeCache } = require("../bin/bundle");
const { loadCatalog } = require("../dist-cli/src/adapters/node/catalogFiles");
const { syntheticSubmission } = require("../dist-cli/scripts/syntheticSubmissions");

async function main() {
  const bundle = loadBundle({ useCache: false });
  const catalog = loadCatalog();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-code-cache-"));
  try {
    const period = { kind: "q1", year: 2024 };
    const files = catalog.templates.flatMap((t, k) =>
      [0, 1, 2, 3].map((i) => {
        const file = path.join(dir, `${t.id}-${i}.xlsx`);
        fs.writeFileSync(file, syntheticSubmission(t, `Đơn vị ${k}-${i}`, i, period, { asText: i === 1, unstamped: i % 2 === 0 }));
        return file;
      }),
    );
    // What the commands print is not wanted here.
    const write = process.stdout.write;
    process.stdout.write = () => true;
    try {
      await bundle.exports.main(["merge", ...files, "-o", path.join(dir, "tong-hop.xlsx")]);
      await bundle.exports.main(["check", files[0]]);
    } finally {
      process.stdout.write = write;
    }
    writeCodeCache(bundle);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  // The cache only saves time: the CLI runs without it.
  process.stderr.write(`Không tạo được bộ đệm mã của CLI: ${e instanceof Error ? e.message : String(e)}\n`);
});
