import { join } from "path";
import { readJsonText } from "./inputFile";
import { RuleSet, RuleSetError, parseRuleSet } from "../../core/rules/schema";
import { CATALOG_DIR } from "./catalogFiles";

export const DEFAULT_RULES_FILE = join(CATALOG_DIR, "rules", "cchc-rules.json");

/** The built-in rule set, or a province's own JSON file. */
export function loadRuleSet(file = DEFAULT_RULES_FILE): RuleSet {
  return parseRuleSet(readJsonText(file, "tệp bộ quy tắc", (m) => new RuleSetError(m)));
}
