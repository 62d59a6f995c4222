import { readFileSync } from "fs";
import { join } from "path";
import { RuleSet, RuleSetError, parseRuleSet } from "../../core/rules/schema";
import { CATALOG_DIR } from "./catalogFiles";

export const DEFAULT_RULES_FILE = join(CATALOG_DIR, "rules", "cchc-rules.json");

/** The built-in rule set, or a province's own JSON file. */
export function loadRuleSet(file = DEFAULT_RULES_FILE): RuleSet {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new RuleSetError(`Không mở được tệp bộ quy tắc “${file}”.`);
  }
  return parseRuleSet(text);
}
