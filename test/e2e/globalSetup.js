/* Builds the production task pane once for the e2e run, with the manifest pointed at a configured address. */
const { execFileSync } = require("child_process");
const path = require("path");

module.exports = async () => {
  if (process.env.E2E_SKIP_BUILD) return;
  const root = path.join(__dirname, "..", "..");
  execFileSync("npx", ["webpack", "--mode", "production"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ADDIN_URL: "https://cchc.example.gov.vn/addin/" },
  });
};
