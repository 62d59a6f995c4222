import { LoadedPackage, assemblePackage } from "../core/package/package";

// Injected at build time from catalog/ (webpack DefinePlugin), so adding a template is adding a file.
declare const __CATALOG_PACKAGE__: unknown;
declare const __CATALOG_TEMPLATES__: { name: string; data: unknown }[];
declare const __CATALOG_RULES__: string;

let cached: LoadedPackage | undefined;

/** The built-in package: catalog/package.json, the templates and the rule set. */
export function builtinPackage(): LoadedPackage {
  cached ??= assemblePackage(
    __CATALOG_PACKAGE__,
    __CATALOG_TEMPLATES__.map((t) => t.data),
    JSON.parse(__CATALOG_RULES__),
  );
  return cached;
}
