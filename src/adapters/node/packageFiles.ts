import { createHash } from "crypto";
import { readFileSync, readdirSync, renameSync, writeFileSync } from "fs";
import { readJsonText } from "./inputFile";
import { join } from "path";
import { LoadedPackage, PackageError, ProvincePackage, assemblePackage, parsePackage, prevalidatedPackage, withRuleSet } from "../../core/package/package";
import { CATALOG_DIR } from "./catalogFiles";
import { DEFAULT_RULES_FILE, loadRuleSet } from "./ruleFiles";

export const PACKAGE_HEADER_FILE = join(CATALOG_DIR, "package.json");
const TEMPLATES_DIR = join(CATALOG_DIR, "templates");
/** The built-in package as `npm run build:cli` validated it, with the fingerprint of the files it came from. */
export const PREVALIDATED_FILE = join(CATALOG_DIR, "..", "dist-cli", "builtin-package.json");

let builtin: LoadedPackage | undefined;

/** The built-in package's source files: catalog/package.json, catalog/templates/*.json, the rule set. */
function builtinSources(): { name: string; text: string }[] {
  const templates = readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(TEMPLATES_DIR, f));
  return [PACKAGE_HEADER_FILE, ...templates, DEFAULT_RULES_FILE].map((name) => ({ name, text: readFileSync(name, "utf8") }));
}

/** Tells whether the files changed since the build. */
function fingerprintOf(sources: { name: string; text: string }[]): string {
  const hash = createHash("sha256");
  for (const { name, text } of sources) hash.update(`${name.slice(CATALOG_DIR.length)}\0${text}\0`);
  return `sha256-${hash.digest("hex")}`;
}

function validated(sources: { name: string; text: string }[]): LoadedPackage {
  const [header, ...rest] = sources.map((f) => JSON.parse(f.text) as unknown);
  return assemblePackage(header, rest.slice(0, -1), rest[rest.length - 1]);
}

/**
 * The default package: catalog/package.json (name, unit types) + catalog/templates/*.json + the rule set.
 * Validated when the CLI is built; validated here only if the files changed since.
 */
export function loadBuiltinPackage(): LoadedPackage {
  if (builtin) return builtin;
  const sources = builtinSources();
  const fingerprint = fingerprintOf(sources);
  try {
    const built = JSON.parse(readFileSync(PREVALIDATED_FILE, "utf8")) as { fingerprint?: string; pkg?: ProvincePackage };
    if (built.fingerprint === fingerprint && built.pkg) builtin = prevalidatedPackage(built.pkg);
  } catch {
    // Not built yet, or unreadable: validate.
  }
  builtin ??= validated(sources);
  return builtin;
}

/** Validates the built-in package and records it for loadBuiltinPackage (run by `npm run build:cli`). */
export function writePrevalidatedPackage(): void {
  const sources = builtinSources();
  const data = JSON.stringify({ fingerprint: fingerprintOf(sources), pkg: validated(sources).pkg });
  writeFileSync(`${PREVALIDATED_FILE}.tmp`, data);
  renameSync(`${PREVALIDATED_FILE}.tmp`, PREVALIDATED_FILE);
}

/** A province's package file, or the built-in one; `rulesFile` (CLI `--rules`) replaces its rule set. */
export function loadPackage(file?: string, rulesFile?: string): LoadedPackage {
  let p: LoadedPackage;
  if (file) {
    p = parsePackage(readJsonText(file, "tệp bộ biểu mẫu", (m) => new PackageError(m)));
  } else p = loadBuiltinPackage();
  return rulesFile ? withRuleSet(p, loadRuleSet(rulesFile)) : p;
}
