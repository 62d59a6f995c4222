import { readFileSync } from "fs";
import { DEFAULT_RULES_FILE } from "../../src/adapters/node/ruleFiles";
import { RuleSetError, parseRuleSet } from "../../src/core/rules/schema";
import { visibleText } from "../../src/core/text";
import { ruleSet } from "../support/data";

const text = readFileSync(DEFAULT_RULES_FILE, "utf8");
const data = () => JSON.parse(text) as { rules: Record<string, unknown>[] } & Record<string, unknown>;
const RULE = "van-ban.dien-tu+song-song-giay<=tong";

function message(json: unknown): string {
  try {
    parseRuleSet(json);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleSetError);
    return (e as Error).message;
  }
  throw new Error("accepted");
}

describe("rule set files: BOM and Vietnamese messages naming the rule and the field", () => {
  it("accepts the built-in rule set, also with a UTF-8 byte order mark", () => {
    expect(parseRuleSet("\uFEFF" + text)).toEqual(ruleSet);
  });

  it.each([
    [[], "Toàn bộ tệp: cần một đối tượng { … }, không phải một danh sách [ … ]."],
    [{ ...JSON.parse(text), version: undefined }, "Trường “version”: thiếu (cần một chuỗi ký tự)."],
    [{ ...JSON.parse(text), name: "" }, "Trường “name”: không được để trống."],
    [{ ...JSON.parse(text), extra: 1 }, "Toàn bộ tệp: có trường không được phép: “extra”."],
    [{ ...JSON.parse(text), rules: [] }, "Trường “rules”: cần ít nhất 1 phần tử."],
    [{ ...JSON.parse(text), unitSynonyms: [["Thủ tục"]] }, "Nhóm đơn vị tính thứ 1: cần ít nhất 2 phần tử."],
  ])("a wrong shape is told in Vietnamese (%#)", (json, expected) => {
    expect(message(json)).toBe(`Bộ quy tắc không hợp lệ: ${expected}`);
  });

  it("names the rule by its ID and the field, in Vietnamese, for each kind of mistake", () => {
    const edit = (change: (r: Record<string, unknown>) => Record<string, unknown>) => {
      const rs = data();
      rs.rules = rs.rules.map((r) => (r.id === RULE ? change(r) : r));
      return message(rs);
    };
    expect(edit((r) => ({ ...r, operator: "=<" }))).toBe(
      `Bộ quy tắc không hợp lệ: Quy tắc “${RULE}”, trường “operator”: “=<” không được phép; giá trị hợp lệ: “<=”, “<”, “==”, “>=”, “>”.`,
    );
    expect(edit((r) => ({ ...r, left: ["Van Ban"] }))).toBe(`Bộ quy tắc không hợp lệ: Quy tắc “${RULE}”, trường “left”, phần tử thứ 1: không đúng dạng quy định (đang là “Van Ban”).`);
    expect(edit((r) => ({ ...r, severity: 2 }))).toBe(`Bộ quy tắc không hợp lệ: Quy tắc “${RULE}”, trường “severity”: cần một trong: “error”, “warning”, không phải một số.`);
    expect(edit((r) => ({ ...r, colour: "red" }))).toBe(`Bộ quy tắc không hợp lệ: Quy tắc “${RULE}”: có trường không được phép: “colour”.`);
    // A repeated ID names the rule where it repeats.
    const rs = data();
    rs.rules.push({ ...rs.rules.find((r) => r.id === RULE)! });
    expect(message(rs)).toBe(`Bộ quy tắc không hợp lệ: Quy tắc “${RULE}”, trường “id”: mã quy tắc này đã dùng cho một quy tắc khác.`);
  });

  it("says how many more problems there are beyond the first five", () => {
    const rs = data();
    rs.rules = rs.rules.map((r) => ({ ...r, severity: "fatal" }));
    expect(message(rs)).toMatch(/\(và \d+ lỗi khác\)$/);
  });
});

describe("text made visible for a terminal", () => {
  it("escapes C0 (but tab), DEL, C1, bidi controls and line separators, and leaves Vietnamese text alone", () => {
    expect(visibleText("Sở Tư pháp\tQuý I")).toBe("Sở Tư pháp\tQuý I");
    expect(visibleText("a\x1b[2Jb\x07\x00\r\n")).toBe("a\\x1b[2Jb\\x07\\x00\\x0d\\x0a");
    expect(visibleText("\x7f\x85\x9b")).toBe("\\x7f\\x85\\x9b");
    expect(visibleText("\u202a\u202e\u2066\u2069\u200e\u200f\u061c\u2028\u2029")).toBe("\\u202a\\u202e\\u2066\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029");
    expect(visibleText("Ủy ban nhân dân — “x” ½ €")).toBe("Ủy ban nhân dân — “x” ½ €");
  });
});
