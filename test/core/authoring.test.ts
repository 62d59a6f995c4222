import { loadBuiltinPackage } from "../../src/adapters/node/packageFiles";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { AuthoringError, proposeTemplate } from "../../src/core/authoring/author";
import { REVIEW_SHEET, buildReviewLayout, droppedRulesFromReviewGrid, editsFromReviewGrid, reviewText } from "../../src/core/authoring/review";
import { valueRows } from "../../src/core/catalog/catalog";
import { foldText } from "../../src/core/text";
import { addTemplate } from "../../src/core/package/package";
import { NEW_ROWS, communeRows, communeSheetLayout, communeSheetXlsx } from "../support/communeSheet";

const builtin = loadBuiltinPackage();
const district = builtin.catalog.byId.get("cap-huyen-2023")!;
const rows = communeRows(district);
const grid = readXlsx(communeSheetXlsx(rows))[0];
const opts = { unitType: "cap-xa", unitTypeLabel: "UBND cấp xã", version: "2026" };
const proposal = proposeTemplate(grid, builtin, opts);

describe("authoring a commune template from a pasted sheet", () => {
  test.each(["Nội dung chỉ tiêu", "Tên chỉ tiêu", "Nội dung"])("reads a table whose label column is headed “%s”", (heading) => {
    const layout = communeSheetLayout(rows);
    const header = layout.rows.find((r) => r[0]?.value === "STT")!;
    header[0] = { value: "TT" };
    header[1] = { value: heading };
    header[2] = { value: "ĐVT" };
    const p = proposeTemplate(readXlsx(writeXlsx([layout]))[0], builtin, opts);
    expect(p.review.length).toBe(rows.length);
  });

  test("every table row is reviewed, the wrapped label joined", () => {
    expect(proposal.review.length).toBe(rows.length);
    expect(proposal.review[1].label).toBe("Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)");
    expect(proposal.template.id).toBe("cap-xa-2026");
    expect(proposal.review.every((r) => r.evidence.length > 0)).toBe(true);
  });

  test("≥ 90 % of the rows that exist in another template keep that template's indicator ID", () => {
    // A reworded row exists as the district row it came from, or as a row already worded that way
    // ("Số hồ sơ TTHC do UBND cấp xã tiếp nhận" is the district template's commune row).
    const sameLabel = (label: string) =>
      builtin.catalog.templates.flatMap((t) => valueRows(t).filter((v) => [v.label, ...(v.aliases ?? [])].some((n) => foldText(n) === foldText(label))).map((v) => v.id));
    const existing = rows.map((r, i) => ({ r, got: proposal.review[i], ok: [r.from, ...sameLabel(r.label)] })).filter((x) => x.r.from);
    const kept = existing.filter((x) => x.ok.includes(x.got.id));
    const share = kept.length / existing.length;
    const missed = existing.filter((x) => !x.ok.includes(x.got.id)).map((x) => `${x.r.label} → ${x.got.id} (${x.r.from})`);
    console.log(`kept ${kept.length}/${existing.length} = ${(share * 100).toFixed(1)} %\n${missed.join("\n")}`);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  test("new rows get new stable IDs, kinds from ĐVT and wording, and inferred rules", () => {
    const news = proposal.review.slice(-NEW_ROWS.length);
    expect(news.map((r) => r.status)).toEqual(NEW_ROWS.map(() => "new"));
    expect(news.map((r) => r.kind)).toEqual(["percent", "count", "count", "coded", "count", "count", "count"]);
    expect(news[0].aggregate).toBe(`100 × ${news[2].id} / ${news[1].id}`);
    expect(news[3].aggregate).toBe("đếm mã 1");
    const again = proposeTemplate(grid, builtin, opts);
    expect(again.review.map((r) => r.id)).toEqual(proposal.review.map((r) => r.id));
    const added = proposal.ruleReview.filter((r) => !r.existing).map((r) => r.rule);
    expect(added.find((r) => r.type === "rate" && r.rate === news[0].id)).toBeDefined();
    expect(added.find((r) => r.type === "compare" && r.left[0] === news[6].id && r.right[0] === news[5].id)).toBeDefined();
    expect(added.find((r) => r.type === "codedDetails" && r.coded === news[3].id && r.details[0] === news[4].id)).toBeDefined();
    // A rule the package already has for the reused indicators is listed, not added twice.
    expect(proposal.ruleReview.some((r) => r.existing)).toBe(true);
    const text = reviewText(proposal);
    expect(text).toContain("dùng lại");
    expect(text).toContain(`Mã mới`.toLowerCase());
    expect(text).toContain("[thêm mới]");
  });

  test("the review sheet's edits (kind, ID, unit) are applied on a second pass", () => {
    const back = readXlsx(writeXlsx([buildReviewLayout(proposal)])).find((g) => g.name === REVIEW_SHEET)!;
    const at = proposal.review.length - 1;
    back.rows[4 + at][5] = { value: "procedures.voter_petitions.solved" };
    back.rows[4 + at][3] = { value: "Ý kiến" };
    const firstRule = 4 + proposal.review.length + 3;
    const struck = proposal.ruleReview.findIndex((r) => !r.existing);
    back.rows[firstRule + struck][1] = { value: "Bỏ" };
    const edits = editsFromReviewGrid(back, proposal);
    expect([...edits.keys()]).toEqual([at]);
    const droppedRules = droppedRulesFromReviewGrid(back, proposal);
    expect([...droppedRules]).toEqual([proposal.ruleReview[struck].rule.id]);
    const edited = proposeTemplate(grid, builtin, { ...opts, edits, droppedRules });
    expect(edited.review[at]).toMatchObject({ id: "procedures.voter_petitions.solved", unit: "Ý kiến", status: "new" });
    expect(edited.rules.map((r) => r.id)).not.toContain(proposal.ruleReview[struck].rule.id);
    // The part ≤ whole rule of the edited row goes too: its unit no longer matches the whole's.
    expect(edited.rules.length).toBe(proposal.rules.length - 2);
    expect(reviewText(edited)).toContain(`[bỏ] ${proposal.ruleReview[struck].rule.id}`);
  });

  test("confirming adds the template and its rules to the package", () => {
    const p2 = addTemplate(builtin, { template: proposal.template, rules: proposal.rules, version: "2026.1" });
    expect(p2.catalog.byId.get("cap-xa-2026")?.rows.length).toBe(rows.length);
    expect(p2.ruleSet.rules.length).toBe(builtin.ruleSet.rules.length + proposal.rules.length);
    expect(p2.pkg.version).toBe("2026.1");
    expect(() => addTemplate(p2, { template: proposal.template, rules: [] })).toThrow("đã có biểu mẫu mã “cap-xa-2026”");
  });

  test("a sheet without a table is refused in Vietnamese", () => {
    expect(() => proposeTemplate({ name: "Trống", rows: [[{ value: "x" }]] }, builtin, opts)).toThrow(AuthoringError);
  });
});
