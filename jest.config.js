/** Unit and integration tests (no browser). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/test/e2e/"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true }] },
};
