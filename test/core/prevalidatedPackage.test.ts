import { readFileSync } from "fs";
import { PACKAGE_HEADER_FILE, PREVALIDATED_FILE, loadBuiltinPackage } from "../../src/adapters/node/packageFiles";
import { CATALOG_DIR, readJsonDir } from "../../src/adapters/node/catalogFiles";
import { DEFAULT_RULES_FILE } from "../../src/adapters/node/ruleFiles";
import { assemblePackage, prevalidatedPackage } from "../../src/core/package/package";
import { join } from "path";

/** The built-in package is validated when the CLI is built; what commands load must be that same package. */
describe("the prevalidated built-in package", () => {
  const validated = assemblePackage(
    JSON.parse(readFileSync(PACKAGE_HEADER_FILE, "utf8")),
    readJsonDir(join(CATALOG_DIR, "templates")).map((f) => f.data),
    JSON.parse(readFileSync(DEFAULT_RULES_FILE, "utf8")),
  );

  it("indexing a validated package written as JSON gives the validated package", () => {
    const again = prevalidatedPackage(JSON.parse(JSON.stringify(validated.pkg)));
    expect(again).toEqual(validated);
    expect(again.catalog.templates.map((t) => t.id)).toEqual(validated.catalog.templates.map((t) => t.id));
  });

  it("the build recorded the current catalog files, and commands load exactly that package", () => {
    // `npm run build:cli` (run before the tests) wrote it; a stale record would be validated again instead.
    const built = JSON.parse(readFileSync(PREVALIDATED_FILE, "utf8")) as { pkg: unknown };
    expect(built.pkg).toEqual(JSON.parse(JSON.stringify(validated.pkg)));
    expect(loadBuiltinPackage()).toEqual(validated);
  });

  it("a command start takes the recorded package without validating it again", async () => {
    // Fresh copies of the modules, to watch one start.
    await jest.isolateModulesAsync(async () => {
      const pkgModule = await import("../../src/core/package/package");
      const files = await import("../../src/adapters/node/packageFiles");
      const validate = jest.spyOn(pkgModule, "assemblePackage");
      const index = jest.spyOn(pkgModule, "prevalidatedPackage");
      files.loadBuiltinPackage();
      expect(index).toHaveBeenCalledTimes(1);
      expect(validate).not.toHaveBeenCalled();
    });
  });
});
