import { RuleSetError, parseRuleSet } from "../../src/core/rules/schema";
import { ruleSet } from "../support/data";

/** The built-in set with one rule added: refused naming that rule, or accepted. */
function withRule(rule: Record<string, unknown>): string {
  try {
    parseRuleSet(JSON.stringify({ ...ruleSet, rules: [...ruleSet.rules, rule] }));
    return "accepted";
  } catch (e) {
    if (e instanceof RuleSetError) return e.message;
    throw e;
  }
}

const base = { severity: "error", description: "Quy tắc thử của tỉnh Quảng Trị 2026" };

describe("rules that reference themselves are refused, naming the rule", () => {
  it("a comparison of an indicator with itself", () => {
    const m = withRule({ ...base, id: "qt.x-lt-x", type: "compare", left: ["a.b"], operator: "<", right: ["a.b"], missing: "skipIfAnyMissing" });
    expect(m).toMatch(/qt\.x-lt-x/);
    expect(m).toMatch(/chỉ tiêu “a\.b” có ở cả hai vế/);
  });

  it("a rate that is its own numerator or denominator", () => {
    const m = withRule({ ...base, id: "qt.ty-le", type: "rate", rate: "a.r", numerator: "a.r", denominator: "a.r", tolerance: 1, blankSeverity: "warning" });
    expect(m).toMatch(/qt\.ty-le/);
    expect(m).toMatch(/ba chỉ tiêu khác nhau/);
  });

  it("a total listed among its own parts", () => {
    expect(withRule({ ...base, id: "qt.tong", type: "blankTotal", total: "a.t", parts: ["a.p", "a.t"], sum: true })).toMatch(/qt\.tong.*tổng “a\.t” nằm trong chính các phần/s);
    expect(withRule({ ...base, id: "qt.chong", type: "overlap", total: "a.t", parts: ["a.t", "a.q"], overlapSeverity: "warning" })).toMatch(/qt\.chong/);
    expect(withRule({ ...base, id: "qt.ma", type: "codedDetails", coded: "a.c", code: 0, details: ["a.c"] })).toMatch(/qt\.ma/);
  });

  it("the built-in rule set has none", () => {
    expect(() => parseRuleSet(JSON.stringify(ruleSet))).not.toThrow();
  });
});
