import { Catalog, buildCatalog } from "../core/catalog/catalog";
import { RuleSet, parseRuleSet } from "../core/rules/schema";

// Injected at build time from catalog/ (webpack DefinePlugin), so adding a template is adding a file.
declare const __CATALOG_TEMPLATES__: { name: string; data: unknown }[];
declare const __CATALOG_RULES__: string;

let cached: { catalog: Catalog; ruleSet: RuleSet } | undefined;

export function builtinData(): { catalog: Catalog; ruleSet: RuleSet } {
  cached ??= { catalog: buildCatalog(__CATALOG_TEMPLATES__), ruleSet: parseRuleSet(__CATALOG_RULES__) };
  return cached;
}
