import { readFileSync } from "fs";
import { join } from "path";
import { LoadedPackage, PackageError, assemblePackage, parsePackage, withRuleSet } from "../../core/package/package";
import { CATALOG_DIR, readJsonDir } from "./catalogFiles";
import { DEFAULT_RULES_FILE, loadRuleSet } from "./ruleFiles";

export const PACKAGE_HEADER_FILE = join(CATALOG_DIR, "package.json");

let builtin: LoadedPackage | undefined;

/** The default package: catalog/package.json (name, unit types) + catalog/templates/*.json + the rule set. */
export function loadBuiltinPackage(): LoadedPackage {
  builtin ??= assemblePackage(
    JSON.parse(readFileSync(PACKAGE_HEADER_FILE, "utf8")),
    readJsonDir(join(CATALOG_DIR, "templates")).map((f) => f.data),
    JSON.parse(readFileSync(DEFAULT_RULES_FILE, "utf8")),
  );
  return builtin;
}

/** A province's package file, or the built-in one; `rulesFile` (CLI `--rules`) replaces its rule set. */
export function loadPackage(file?: string, rulesFile?: string): LoadedPackage {
  let p: LoadedPackage;
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      throw new PackageError(`Không mở được tệp bộ biểu mẫu “${file}”.`);
    }
    p = parsePackage(text);
  } else p = loadBuiltinPackage();
  return rulesFile ? withRuleSet(p, loadRuleSet(rulesFile)) : p;
}
