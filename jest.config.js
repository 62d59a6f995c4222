/** Unit and integration tests (no browser). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // CI runs on a busy 2-core machine: the fake Excel simulates every cell and CLI tests start Node.
  testTimeout: 60000,
  testPathIgnorePatterns: ["/test/e2e/"],
  reporters: ["default", ["<rootDir>/test/support/countReporter.js", { name: "unit" }]],
  transform: { "^.+\\.tsx?$": "ts-jest" },
};
