/** Unit and integration tests (no browser). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/test/e2e/"],
  reporters: ["default", ["<rootDir>/test/support/countReporter.js", { name: "unit" }]],
  transform: { "^.+\\.tsx?$": "ts-jest" },
};
