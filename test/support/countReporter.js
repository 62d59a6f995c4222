/* Writes the run's pass/fail counts to $CCHC_COUNTS_DIR/<name>.json so .ci/run can print one total line. */
const fs = require("fs");
const path = require("path");

class CountReporter {
  constructor(_globalConfig, options) {
    this.name = (options && options.name) || "jest";
  }
  onRunComplete(_contexts, results) {
    const dir = process.env.CCHC_COUNTS_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(path.join(dir, `${this.name}.json`), JSON.stringify(counts));
  }
}

module.exports = CountReporter;
