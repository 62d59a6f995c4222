import { readFileSync } from "fs";
import { join } from "path";
import { RuleSet, parseRuleSet } from "../../core/rules/schema";
import { CATALOG_DIR } from "./catalogFiles";

export const DEFAULT_RULES_FILE = join(CATALOG_DIR, "rules", "cchc-rules.json");

export function loadRuleSet(file = DEFAULT_RULES_FILE): RuleSet {
  return parseRuleSet(readFileSync(file, "utf8"));
}
