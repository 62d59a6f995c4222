import { isValueRow } from "../../src/core/catalog/schema";
import { checkGrids } from "../../src/core/check/check";
import { comparePrevious } from "../../src/core/compare/previous";
import { Cell, Grid } from "../../src/core/grid";
import { TEMPLATE_FIRST_DATA_ROW, buildTemplateLayout } from "../../src/core/layout/templateLayout";
import { DEFAULT_MESSAGES, fill } from "../../src/core/rules/messages";
import { RuleSet, RuleSetError, parseRuleSet, serializeRuleSet } from "../../src/core/rules/schema";
import { catalog, ruleSet } from "../support/data";

/** A filled cap-huyen-2023 sheet of a 2026 district, values by indicator ID. */
function sheet(values: Record<string, Cell["value"]>): Grid {
  const t = catalog.byId.get("cap-huyen-2023")!;
  const layout = buildTemplateLayout(t, { period: { kind: "h1", year: 2026 }, unitName: "UBND xã Đạ Huoai" });
  const rows: (Cell | undefined)[][] = layout.rows.map((row) => row.map((c) => (c.value === undefined || c.value === "" ? undefined : { value: c.value })));
  t.rows.forEach((r, i) => {
    if (isValueRow(r) && r.id in values) rows[TEMPLATE_FIRST_DATA_ROW + i][3] = { value: values[r.id] };
  });
  return { name: "Phụ lục", rows };
}

function findings(values: Record<string, Cell["value"]>, rs: RuleSet, grid = sheet(values)) {
  const r = checkGrids([grid], catalog, rs, "xa-da-huoai-6-thang-2026.xlsx");
  if (!r.ok) throw new Error(r.reason);
  return r;
}

/** The built-in rule set as a province's file would carry it, with `extra` fields added. */
function provinceFile(extra: Record<string, unknown>): Record<string, unknown> {
  return { ...(JSON.parse(serializeRuleSet(ruleSet)) as Record<string, unknown>), ...extra };
}

const DOCS = { total: "digital.documents.outgoing_total", full: "digital.documents.fully_electronic", paper: "digital.documents.electronic_and_paper" };

describe("one table of messages for every rule type", () => {
  it("reads the same as before when a rule set rewords nothing", () => {
    const f = findings({ [DOCS.total]: 100, [DOCS.full]: 150 }, ruleSet).findings;
    expect(f.map((x) => x.message)).toEqual([expect.stringMatching(/ \(D\d+ = 150\) lớn hơn tổng số văn bản đi .*\(D\d+ = 100\)\.$/)]);
  });

  it("lets a province's rule file reword a comparison, a blank total, a structure check and a previous-period change", () => {
    const rs = parseRuleSet(
      provinceFile({
        messages: {
          compare: { "<=": "Kiểm tra lại: {left} là {leftValues} ({leftCells}), vượt {right} là {rightValues}." },
          blankTotal: { sum: "Chưa điền {total} ở ô {cell}; các dòng con cộng lại được {sum}." },
          structure: { headingValue: "Không ghi số vào dòng tiêu đề “{label}” (ô {cell})." },
          previous: { jumpUp: "{label}: {value}, kỳ trước {previousValue} — {hint}.", extraDigit: "thừa một chữ số?" },
        },
      }),
    );
    const over = findings({ [DOCS.total]: 100, [DOCS.full]: 150 }, rs).findings;
    expect(over.map((x) => x.message)).toEqual([expect.stringMatching(/^Kiểm tra lại: .+ là 150 \(D\d+\), vượt tổng số văn bản đi.* là 100\.$/)]);
    const blank = findings({ [DOCS.full]: 60, [DOCS.paper]: 30 }, rs).findings;
    expect(blank.map((x) => x.message)).toEqual([expect.stringMatching(/^Chưa điền .+ ở ô D\d+; các dòng con cộng lại được 90\.$/)]);

    const withHeading = sheet({});
    const heading = catalog.byId.get("cap-huyen-2023")!.rows.findIndex((r) => !isValueRow(r) && r.kind !== "section");
    withHeading.rows[TEMPLATE_FIRST_DATA_ROW + heading][3] = { value: 4 };
    const said = findings({}, rs, withHeading).findings.map((x) => x.message);
    expect(said).toContainEqual(expect.stringMatching(/^Không ghi số vào dòng tiêu đề “.+” \(ô D\d+\)\.$/));

    const checked = findings({ "procedures.cases.received": 12000 }, rs);
    const previous = { fileName: "xa-da-huoai-6-thang-2025.xlsx", period: { kind: "h1" as const, year: 2025 }, values: new Map([["procedures.cases.received", 1200]]) };
    const jumps = comparePrevious({ template: checked.submission.template, period: checked.submission.period, values: checked.values }, previous, rs);
    expect(jumps.map((x) => x.message)).toEqual([expect.stringMatching(/: 12\.000, kỳ trước 1\.200 — thừa một chữ số\?\.$/)]);
    // What the file leaves out keeps its default wording.
    expect(findings({ "procedures.cases.solved": 12 }, rs).findings.map((x) => x.message)).toEqual([expect.stringContaining("để trống trong khi các dòng chi tiết đã có số liệu")]);
  });

  it("takes a structure rule's own wording, as older rule files give it, into the table", () => {
    const file = provinceFile({});
    const rules = (file.rules as Record<string, unknown>[]).map((r) => (r.type === "structure" && r.check === "unknownRow" ? { ...r, message: "Dòng lạ “{label}” ({cell}) có số {value}." } : r));
    const rs = parseRuleSet({ ...file, rules });
    expect(rs.rules.find((r) => r.type === "structure" && r.check === "unknownRow")).not.toHaveProperty("message");
    expect(rs.messages?.structure?.unknownRow).toBe("Dòng lạ “{label}” ({cell}) có số {value}.");
    // Read back as it is written out: the same rule set.
    expect(parseRuleSet(serializeRuleSet(rs))).toEqual(rs);
  });

  it("turns a whole-rule missing-value strategy into one per side when the file is parsed", () => {
    const compare = { id: "thu.a<=b", type: "compare", severity: "error", description: "Thử.", left: [DOCS.full], operator: "<=", right: [DOCS.total] };
    const parsed = (missing: string) => parseRuleSet({ version: "1", name: "Lâm Đồng 2026", unitSynonyms: [], rules: [{ ...compare, missing }] });
    expect(parsed("skipIfAnyMissing").rules[0]).toMatchObject({ missing: { left: "skipIfAnyMissing", right: "skipIfAnyMissing" } });
    const all = parsed("skipIfAllMissing");
    expect(all.rules[0]).toMatchObject({ missing: { left: "neverSkip", right: "neverSkip" } });
    // As before: a filled side against a blank one compares with 0; nothing filled, nothing said.
    expect(findings({ [DOCS.full]: 7 }, all).findings.map((x) => x.message)).toEqual([expect.stringMatching(/\(D\d+ = 7\) lớn hơn .*\(D\d+ = 0\)\.$/)]);
    expect(findings({}, all).findings).toEqual([]);
  });

  it("refuses a message for an outcome that does not exist, in Vietnamese", () => {
    expect(() => parseRuleSet(provinceFile({ messages: { compare: { "!=": "{left} khác {right}." } } }))).toThrow(RuleSetError);
    expect(() => parseRuleSet(provinceFile({ messages: { kiemTra: {} } }))).toThrow(/Bộ quy tắc không hợp lệ/);
  });

  it("fills a template: an empty value takes its space, values are kept as written", () => {
    expect(fill(DEFAULT_MESSAGES.structure.rowMissing, { stt: "", label: "Số xã", cell: "B7" })).toBe("Thiếu dòng “Số xã” của biểu mẫu (sau ô B7).");
    expect(fill("“{value}” ở {cell}", { value: "  hai  khoảng ", cell: "{label}" })).toBe("“  hai  khoảng ” ở {label}");
  });
});
