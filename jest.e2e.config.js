/** End-to-end tests: the built task pane in Debian's headless Chromium, driven by playwright-core. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  globalSetup: "<rootDir>/test/e2e/globalSetup.js",
  testTimeout: 120000,
  reporters: ["default", ["<rootDir>/test/support/countReporter.js", { name: "e2e" }]],
  transform: { "^.+\\.tsx?$": "ts-jest" },
};
