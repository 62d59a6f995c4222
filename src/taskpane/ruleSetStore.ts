import { RuleSet, parseRuleSet } from "../core/rules/schema";
import { builtinPackage } from "./builtinData";

/** A province's own rule set, loaded once from its JSON file and kept in this browser/Excel profile. */
const KEY = "cchc.ruleSet";

export function currentRuleSet(): { ruleSet: RuleSet; custom: boolean } {
  try {
    const stored = globalThis.localStorage?.getItem(KEY);
    if (stored) return { ruleSet: parseRuleSet(stored), custom: true };
  } catch {
    // A stored rule set that no longer validates falls back to the built-in one.
  }
  return { ruleSet: builtinPackage().ruleSet, custom: false };
}

/** Validates and keeps a rule set; throws a Vietnamese RuleSetError when the file is not one. */
export function saveRuleSet(json: string): RuleSet {
  const rs = parseRuleSet(json);
  globalThis.localStorage?.setItem(KEY, JSON.stringify(rs));
  return rs;
}

export function resetRuleSet(): void {
  globalThis.localStorage?.removeItem(KEY);
}
