import { Grid, cellText } from "../grid";
import { LayoutCell, SheetLayout, StyleName, fitRowHeights } from "../layout/sheetLayout";
import { foldText } from "../text";
import { KIND_LABELS, Proposal, ReviewRow, RowEdit, RowKind, RuleProposal } from "./author";
import { Trial } from "./trial";

export const REVIEW_SHEET = "Rà soát biểu mẫu";
const FIRST_ROW = 4; // 0-based: title, summary, blank, header
const STATUS_LABELS: Record<ReviewRow["status"], string> = { heading: "Tiêu đề", reused: "Dùng lại mã có sẵn", new: "Mã mới" };

/** One line summing up the proposal, in Vietnamese. */
export function proposalSummary(p: Proposal): string {
  const added = p.rules.length;
  return (
    `Biểu mẫu “${p.template.id}” (${p.template.name}): ${p.stats.rows} dòng, ${p.stats.headings} tiêu đề, ${p.stats.indicators} chỉ tiêu — ` +
    `dùng lại ${p.stats.reused} mã có sẵn, ${p.stats.newIds} mã mới; ${p.ruleReview.length} quy tắc suy ra (${added} thêm mới, ${p.ruleReview.filter((r) => r.existing).length} đã có${dropped(p) ? `, ${dropped(p)} bỏ` : ""}).`
  );
}

const dropped = (p: Proposal): number => p.ruleReview.filter((r) => r.dropped).length;

function ruleStatus(r: Proposal["ruleReview"][number]): string {
  return r.existing ? `Đã có (${r.existing})` : r.dropped ? DROP : ADD;
}
const ADD = "Thêm mới";
const DROP = "Bỏ";

/** The review as text for the CLI: every row, what was inferred and from what; then every rule. */
export function reviewText(p: Proposal): string {
  const lines = [proposalSummary(p), "", "Các dòng (dòng trang tính · STT · chỉ tiêu · ĐVT → loại, mã; căn cứ):"];
  for (const r of p.review) {
    const what = r.status === "heading" ? KIND_LABELS[r.kind] : `${KIND_LABELS[r.kind]}, ${STATUS_LABELS[r.status].toLowerCase()} ${r.id}`;
    lines.push(`  Dòng ${String(r.sheetRow).padEnd(4)} ${r.stt.padEnd(5)} ${r.label}${r.unit ? ` [${r.unit}]` : ""}`);
    lines.push(`        → ${what}${r.aggregate ? `; tổng hợp: ${r.aggregate}` : ""}`);
    if (r.evidence.length) lines.push(`          căn cứ: ${r.evidence.join("; ")}`);
  }
  lines.push("", "Quy tắc suy ra:");
  for (const r of p.ruleReview) {
    lines.push(`  [${ruleStatus(r).toLowerCase()}] ${r.rule.id}: ${r.rule.description} — ${proposalSeverity(r)}`);
    lines.push(`          căn cứ: ${r.evidence}`);
  }
  if (!p.ruleReview.length) lines.push("  (không có)");
  if (p.untiedRates.length) {
    lines.push("", "Tỷ lệ chưa gắn tử số, mẫu số (gắn bằng --tie <mã tỷ lệ>=<mã tử số>/<mã mẫu số>):");
    for (const u of p.untiedRates) {
      lines.push(`  ${u.id}: ${u.label} — ${u.why}`);
      if (u.candidates.length) lines.push(`          có thể dùng: ${u.candidates.map((c) => `${c.id} (${c.label.trim()})`).join("; ")}`);
    }
  }
  return lines.join("\n") + "\n";
}

/** How sure a proposed rule is, and so how it marks a report. */
export const CONFIDENCE_LABELS: Record<RuleProposal["confidence"], string> = {
  stated: "mức lỗi (cách trình bày của bảng nêu rõ)",
  likely: "mức cảnh báo (suy từ lời văn, cần xem lại)",
};

/** The severity a proposal marks a report with: an existing rule keeps its own. */
export function appliedSeverity(r: RuleProposal): "error" | "warning" {
  return r.existing && r.existingSeverity ? r.existingSeverity : r.confidence === "stated" ? "error" : "warning";
}

/** How a proposal marks a report: an existing rule keeps its own severity, which the reviewer must see. */
export function proposalSeverity(r: RuleProposal): string {
  const inferred = r.confidence === "stated" ? "error" : "warning";
  if (!r.existing || !r.existingSeverity || r.existingSeverity === inferred) return CONFIDENCE_LABELS[r.confidence];
  return `${r.existingSeverity === "error" ? "mức lỗi" : "mức cảnh báo"} của quy tắc có sẵn “${r.existing}” (áp dụng cho báo cáo theo biểu mẫu này), dù suy ra ở ${CONFIDENCE_LABELS[r.confidence]}`;
}

/** The trial on filled reports as text for the CLI: per rule, how many reports fail it; then the corrections. */
export function trialText(t: Trial): string {
  const lines = [`Chạy thử trên ${t.files} tệp (${t.read} đọc được):`];
  for (const u of t.unread) lines.push(`  ${u.fileName}: không dùng được — ${u.reason}`);
  for (const r of t.rules) {
    if (!r.filled) continue;
    const mark = r.suspect ? " — QUY TẮC CÓ THỂ SAI" : r.failed ? "" : " — đạt";
    lines.push(`  ${r.proposal.existing ?? r.proposal.rule.id}: không đạt ${r.failed}/${r.filled} báo cáo đã điền${mark}`);
  }
  const unused = t.rules.filter((r) => !r.filled).length;
  if (unused) lines.push(`  ${unused} quy tắc không có báo cáo nào điền đủ các dòng để thử.`);
  if (t.corrections.length) {
    lines.push("", "Đề nghị sửa cách tính tỷ lệ (số liệu khớp một cặp dòng khác):");
    for (const c of t.corrections)
      lines.push(
        `  ${c.rate} (${c.label.trim()}): 100 × ${c.numerator.id} / ${c.denominator.id} khớp ${c.fits}/${c.of} báo cáo` +
          `${c.current ? `, thay cho 100 × ${c.current.numerator} / ${c.current.denominator}` : ""} — --tie ${c.rate}=${c.numerator.id}/${c.denominator.id}`,
      );
  }
  return lines.join("\n") + "\n";
}

const HEADERS = ["Dòng", "STT", "Chỉ tiêu thống kê", "Đơn vị tính (sửa được)", "Loại (sửa được)", "Mã chỉ tiêu (sửa được)", "Kết quả đối chiếu", "Tổng hợp", "Căn cứ"];

/** The review as a sheet: one row per template row, kind/ID/unit editable, then the inferred rules. */
export function buildReviewLayout(p: Proposal): SheetLayout {
  const t = (value: string | number | undefined, style: StyleName = "label"): LayoutCell => ({ value: value ?? "", style });
  const rows: LayoutCell[][] = [
    [{ value: `RÀ SOÁT BIỂU MẪU “${p.template.name.toUpperCase()}” TRƯỚC KHI THÊM VÀO BỘ BIỂU MẪU`, style: "title" }],
    [{ value: proposalSummary(p), style: "caption" }],
    [],
    HEADERS.map((h) => t(h, "header")),
  ];
  for (const r of p.review) {
    const style: StyleName = r.status === "heading" ? (r.kind === "section" ? "section" : "group") : "label";
    rows.push([
      t(r.sheetRow, "unit"),
      t(r.stt, "unit"),
      t(r.label, style),
      t(r.unit, "code"),
      t(KIND_LABELS[r.kind], "code"),
      t(r.id ?? "", "code"),
      t(STATUS_LABELS[r.status], r.status === "new" ? "warning" : "label"),
      t(r.aggregate ?? "", "label"),
      t(r.evidence.join("; "), "label"),
    ]);
  }
  rows.push([], [t(`QUY TẮC KIỂM TRA SUY RA (ghi “${DROP}” ở cột B để không thêm quy tắc)`, "bold")], ["Mã quy tắc", "Thêm mới / Bỏ", "Nội dung", "Căn cứ"].map((h) => t(h, "header")));
  for (const r of p.ruleReview) rows.push([t(r.rule.id), t(ruleStatus(r)), t(r.rule.description), t(`${proposalSeverity(r)}; ${r.evidence}`)]);
  if (p.untiedRates.length) {
    rows.push([], [t("TỶ LỆ CHƯA GẮN TỬ SỐ, MẪU SỐ (chọn trong ô “Tạo biểu mẫu từ trang tính” hoặc dùng --tie)", "bold")]);
    for (const u of p.untiedRates) rows.push([t(u.id), t(""), t(u.label), t(`${u.why}; có thể dùng: ${u.candidates.map((c) => c.id).join(", ")}`)]);
  }
  const last = FIRST_ROW + p.review.length;
  const layout: SheetLayout = {
    name: REVIEW_SHEET,
    columns: [{ width: 7 }, { width: 6 }, { width: 50 }, { width: 18 }, { width: 11 }, { width: 34 }, { width: 16 }, { width: 26 }, { width: 60 }],
    rows,
    merges: ["A1:I1", "A2:I2"],
    validations: [{ type: "list", ref: `E${FIRST_ROW + 1}:E${last}`, items: Object.values(KIND_LABELS), prompt: "Chọn loại của dòng." }],
    protect: false,
    freezeRows: FIRST_ROW,
    landscape: true,
  };
  layout.rowHeights = { ...fitRowHeights(layout), 0: 24 };
  return layout;
}

/** Rules the officer struck out in the review sheet ("Bỏ" beside the rule). */
export function droppedRulesFromReviewGrid(grid: Grid, p: Proposal): Set<string> {
  const ids = new Set(p.ruleReview.filter((r) => !r.existing).map((r) => r.rule.id));
  const out = new Set<string>();
  for (const row of grid.rows.slice(FIRST_ROW + p.review.length)) {
    const id = cellText(row?.[0]);
    if (ids.has(id) && foldText(cellText(row?.[1])) === foldText(DROP)) out.add(id);
  }
  return out;
}

/** Corrections an officer typed into the review sheet (ĐVT, loại, mã), by table row, against the proposal. */
export function editsFromReviewGrid(grid: Grid, p: Proposal): Map<number, RowEdit> {
  const byLabel = new Map(Object.entries(KIND_LABELS).map(([k, v]) => [foldText(v), k as RowKind]));
  const edits = new Map<number, RowEdit>();
  p.review.forEach((r, i) => {
    const row = grid.rows[FIRST_ROW + i] ?? [];
    if (Number(cellText(row[0])) !== r.sheetRow) return;
    const edit: RowEdit = {};
    const unit = cellText(row[3]);
    const kind = byLabel.get(foldText(cellText(row[4])));
    const id = cellText(row[5]);
    if (unit !== r.unit) edit.unit = unit;
    if (kind && kind !== r.kind) edit.kind = kind;
    if (id && id !== (r.id ?? "")) edit.id = id;
    if (Object.keys(edit).length) edits.set(i, edit);
  });
  return edits;
}
