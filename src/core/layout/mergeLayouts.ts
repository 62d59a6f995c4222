import { FORMAT_LABELS } from "../check/check";
import { DEFAULT_OUTLIERS, OutlierMap, describeOutliers, findOutliers } from "../compare/outliers";
import { Consolidation, ConsolidatedRow } from "../consolidate/consolidate";
import { SUMMARY_KINDS, SUMMARY_LABEL, SUMMARY_TONE, summarizeMerge } from "../consolidate/summary";
import { OutlierSettings } from "../rules/schema";
import { address, columnLetter } from "../grid";
import { periodLabel } from "../period";
import { unitKey } from "../recognize/unitNames";
import { UnitCandidate, candidatePlace, sameUnit } from "../recognize/unitEvidence";
import { LayoutCell, SheetLayout, StyleName, Validation, fitRowHeights, withinExcel } from "./sheetLayout";

export const MERGE_SHEET = "Tổng hợp";
export const STATUS_SHEET = "Tình hình nộp báo cáo";
export const FINDINGS_SHEET = "Lỗi";
export const UNITS_SHEET = "Danh sách đơn vị";
/** Right of the unit columns: units far from the others (a note, never an error), then the hidden indicator IDs. */
export const MERGE_OUTLIER_HEADER = "Đơn vị có số liệu khác biệt (tham khảo)";
export const MERGE_ID_HEADER = "Mã chỉ tiêu";

const FIRST_UNIT_COL = 6; // G
const HEADER_ROWS = 5; // title, period, count, blank, header (+ unit names on row 6)

const METHOD: Record<string, string> = {
  sum: "Tổng các đơn vị",
  ratio: "100 × Σ tử số / Σ mẫu số",
  countCode: "Số đơn vị có / số đơn vị báo cáo",
};

/** Text from submissions is written as text ("@"), so "=…" never becomes a formula. */
function text(value: string | undefined, style: StyleName = "textFormat"): LayoutCell {
  return { value: value ?? "", style };
}

/** The four sheets of a consolidation: totals per indicator, who reported, every finding, expected units. */
export function buildMergeLayouts(c: Consolidation, opts: { outliers?: OutlierSettings } = {}): SheetLayout[] {
  return [totalsSheet(c, findOutliers(c, opts.outliers ?? DEFAULT_OUTLIERS)), statusSheet(c), findingsSheet(c), unitsSheet(c)].map(withinExcel);
}

function totalsSheet(c: Consolidation, outliers: OutlierMap): SheetLayout {
  const units = c.units;
  const lastCol = FIRST_UNIT_COL + Math.max(units.length, 1) - 1;
  const outlierCol = lastCol + 1;
  const rows: LayoutCell[][] = [];
  rows.push([{ value: "TỔNG HỢP SỐ LIỆU THỐNG KÊ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", style: "title" }]);
  rows.push([{ value: c.period ? periodLabel(c.period).toUpperCase() : "KỲ BÁO CÁO: (chưa xác định)", style: "subtitle" }]);
  rows.push([
    {
      value: `Đã tổng hợp ${units.length} đơn vị; ${c.waiting.length ? `có tệp chưa xác định đơn vị: ${c.waiting.length}; ` : ""}chưa nộp: ${c.missing.length}. Cột “Toàn tỉnh” tính từ các cột đơn vị bên phải (ô trống là đơn vị không báo cáo, không phải số 0).`,
      style: "caption",
    },
  ]);
  rows.push([]);
  const header: LayoutCell[] = [
    { value: "STT", style: "header" },
    { value: "Chỉ tiêu thống kê", style: "header" },
    { value: "Đơn vị tính", style: "header" },
    { value: "Toàn tỉnh", style: "header" },
    { value: "Số đơn vị báo cáo", style: "header" },
    { value: "Cách tính", style: "header" },
  ];
  const names: LayoutCell[] = header.map(() => ({ style: "header" as StyleName }));
  const merges: string[] = [];
  // Unit columns grouped by unit type, with a group header above the unit names.
  let col = FIRST_UNIT_COL;
  const groups = new Map<string, number>();
  for (const u of units) groups.set(u.unitTypeLabel, (groups.get(u.unitTypeLabel) ?? 0) + 1);
  for (const [label, n] of groups) {
    header[col] = { value: label, style: "header" };
    for (let i = 1; i < n; i++) header[col + i] = { style: "header" };
    if (n > 1) merges.push(`${address(HEADER_ROWS - 1, col)}:${address(HEADER_ROWS - 1, col + n - 1)}`);
    col += n;
  }
  units.forEach((u, i) => (names[FIRST_UNIT_COL + i] = text(u.unitName, "header")));
  header[outlierCol] = { value: MERGE_OUTLIER_HEADER, style: "header" };
  header[outlierCol + 1] = { value: MERGE_ID_HEADER, style: "hiddenId" };
  for (let cc = 0; cc <= outlierCol; cc++) {
    header[cc] ??= { style: "header" };
    names[cc] ??= { style: "header" };
  }
  merges.push(`${address(HEADER_ROWS - 1, outlierCol)}:${address(HEADER_ROWS, outlierCol)}`);
  rows.push(header, names);
  for (let cc = 0; cc < FIRST_UNIT_COL; cc++) merges.push(`${address(HEADER_ROWS - 1, cc)}:${address(HEADER_ROWS, cc)}`);

  const firstData = rows.length;
  const rowOfId = new Map<string, number>();
  c.rows.forEach((r, i) => {
    if (r.indicator) rowOfId.set(r.indicator.id, firstData + i);
  });
  const unitRange = (r: number): string => `${address(r, FIRST_UNIT_COL)}:${address(r, lastCol)}`;
  for (const r of c.rows) {
    const cells = totalsRow(r, rows.length, units.map((u) => u.unitName), unitRange, rowOfId);
    if (!units.length) cells.push({ style: "wrap" });
    const o = r.indicator && outliers.get(r.indicator.id);
    cells.push(o ? text(describeOutliers(o), "wrap") : { style: "wrap" }, { value: r.indicator?.id ?? "", style: "hiddenId" });
    rows.push(cells);
  }
  const layout: SheetLayout = {
    name: MERGE_SHEET,
    // Narrow enough that a landscape page holds the indicator columns and 5-9 unit columns at 80 % (LibreOffice and Excel measure fonts differently).
    columns: [
      { width: 5 },
      { width: 42 },
      { width: 10 },
      { width: 11 },
      { width: 9 },
      { width: 16 },
      ...(units.length ? units : [undefined]).map(() => ({ width: 12 })),
      { width: 40 },
      { width: 30, hidden: true },
    ],
    rows,
    merges: [`A1:${columnLetter(lastCol)}1`, `A2:${columnLetter(lastCol)}2`, `A3:${columnLetter(lastCol)}3`, ...merges],
    validations: [],
    protect: false,
    // Printed like the official table: the indicator columns (STT … Toàn tỉnh) on every page, the unit
    // columns running on over as many pages as they need at a readable size (11 pt × 80 % ≈ 9 pt).
    printTitleRows: [HEADER_ROWS, HEADER_ROWS + 1],
    printTitleColumns: [1, 4],
    printScale: 80,
    freezeRows: HEADER_ROWS + 1,
    freezeColumns: 2,
    landscape: true,
  };
  layout.rowHeights = { ...fitRowHeights(layout), 0: 30, 2: 30 };
  return layout;
}

function totalsRow(
  r: ConsolidatedRow,
  rr: number,
  unitNames: string[],
  unitRange: (r: number) => string,
  rowOfId: Map<string, number>,
): LayoutCell[] {
  if (!r.indicator) {
    const s: StyleName = r.kind === "section" ? "section" : "group";
    return [{ value: r.stt, style: s }, { value: r.label, style: s }, { style: s }, { style: s }, { style: s }, { style: s }, ...unitNames.map(() => ({ style: s }))];
  }
  const ind = r.indicator;
  const a = ind.aggregate;
  const range = unitRange(rr);
  let total: LayoutCell;
  let method = METHOD[a.type] ?? "";
  const numberStyle: StyleName = r.kind === "percent" ? "decimalBold" : "numberBold";
  if (a.type === "sum") total = { formula: `IF(COUNT(${range})=0,"",SUM(${range}))`, value: ind.total ?? "", style: numberStyle };
  else if (a.type === "countCode") {
    total = { formula: `IF(COUNT(${range})=0,"",COUNTIF(${range},${a.code}))`, value: ind.total ?? "", style: "numberBold" };
    method = `Số đơn vị trả lời mã ${a.code} / số đơn vị báo cáo`;
  } else if (a.type === "ratio") {
    const num = rowOfId.get(a.numerator);
    const den = rowOfId.get(a.denominator);
    if (num !== undefined && den !== undefined) {
      const sn = `SUM(${unitRange(num)})`;
      const sd = `SUM(${unitRange(den)})`;
      total = { formula: `IF(OR(COUNT(${unitRange(den)})=0,${sd}=0),"",ROUND(100*${sn}/${sd},2))`, value: ind.total ?? "", style: "decimalBold" };
      method = `100 × Σ dòng ${num + 1} / Σ dòng ${den + 1}`;
    } else {
      total = { value: "", style: "decimalBold" };
      method = "Không tổng hợp: thiếu dòng tử số hoặc mẫu số";
    }
  } else {
    total = { value: "", style: "wrap" };
    method = `Không tổng hợp: ${a.reason}`;
  }
  const reportedCell: LayoutCell =
    a.type === "ratio" ? { value: ind.reported, style: "number" } : { formula: `COUNT(${range})`, value: ind.reported, style: "number" };
  const unitStyle: StyleName = r.kind === "percent" ? "decimal" : "number";
  return [
    { value: r.stt, style: "wrap" },
    { value: r.label, style: "wrap" },
    { value: ind.unit, style: "wrap" },
    total,
    reportedCell,
    text(method, "wrap"),
    ...unitNames.map((n): LayoutCell => {
      const v = ind.values.get(n);
      return typeof v === "number" ? { value: v, style: unitStyle } : v === undefined ? { style: unitStyle } : text(v, "warning");
    }),
  ];
}

/** Empty bordered cells, so tables print with every line. */
function blank(n: number): LayoutCell[] {
  return Array.from({ length: n }, () => ({ style: "wrap" as StyleName }));
}

const STATUS_LABEL = { read: "Đã nộp", rejected: "Lỗi tệp", duplicate: "Trùng", otherPeriod: "Khác kỳ báo cáo", unresolved: "Chưa rõ đơn vị" } as const;
/** A listed unit not merged, but named by a file that waits for the officer's choice: it sent something. */
export const WAITING_STATUS = "Có tệp chưa xác định đơn vị";
/** A unit row whose unit the officer chose; its "Đơn vị" cell stays a choice, so a wrong choice can be changed. */
export const ASSIGNED_STATUS = "Đã nộp (cán bộ chọn đơn vị)";
const FIRST_LISTED_ROW = 5; // 0-based: the status table starts under the header on row 5
const UNITS_FIRST_ROW = 3; // 1-based: the units sheet lists units from row 3
/** Room for units the officer adds to the list after this merge. */
const UNITS_SLACK = 100;

/** Who has not reported, for a summary: units with a file waiting for the officer's choice, then units with no file at all. */
export function submissionSummary(c: Pick<Consolidation, "waiting" | "missing" | "repeatedUnits">): string[] {
  const out: string[] = [];
  if (c.waiting.length) out.push(`${WAITING_STATUS} (${c.waiting.length}): ${c.waiting.join("; ")}`);
  if (c.missing.length) out.push(`Chưa nộp (${c.missing.length}): ${c.missing.join("; ")}`);
  if (c.repeatedUnits.length) out.push(`Danh sách đơn vị ghi lặp, chỉ tính một lần: ${c.repeatedUnits.join("; ")}`);
  return out;
}

/** "“X” (dòng tiêu đề A4, tên tệp)": what a file says about its sender. */
export function describeCandidates(candidates: UnitCandidate[]): string {
  const byName = new Map<string, string[]>();
  for (const c of candidates) byName.set(c.name, [...(byName.get(c.name) ?? []), candidatePlace(c)]);
  return [...byName].map(([n, w]) => `“${n}” (${w.join(", ")})`).join("; ");
}

/** The pane's count table as one row of coloured counts: a count is coloured only when there is something to see. */
function summaryRow(c: Consolidation): LayoutCell[] {
  const { counts } = summarizeMerge(c);
  return [
    { value: `Phải nộp: ${c.expected.length}`, style: "section" },
    ...SUMMARY_KINDS.map((k): LayoutCell => ({ value: `${SUMMARY_LABEL[k]}: ${counts[k]}`, style: counts[k] ? SUMMARY_TONE[k] : "wrap" })),
    ...(c.waiting.length ? [{ value: `${WAITING_STATUS}: ${c.waiting.length}`, style: "warning" as StyleName }] : []),
    ...(c.repeatedUnits.length ? [text(`Danh sách đơn vị ghi lặp (chỉ tính một lần): ${c.repeatedUnits.join("; ")}`, "wrap")] : []),
  ];
}

function statusSheet(c: Consolidation): SheetLayout {
  const rows: LayoutCell[][] = [
    [{ value: "TÌNH HÌNH NỘP BÁO CÁO", style: "title" }],
    [{ value: c.period ? periodLabel(c.period) : "", style: "subtitle" }],
    summaryRow(c),
    [],
    ["STT", "Đơn vị", "Tình trạng", "Tệp", "Biểu mẫu", "Kỳ báo cáo", "Số lỗi", "Số cảnh báo", "Ghi chú"].map((h) => ({ value: h, style: "header" as StyleName })),
  ];
  let n = 0;
  const byName = new Map(c.units.map((u) => [u.unitName, u]));
  const waiting = new Set(c.waiting);
  const waitingFiles = (name: string): string[] =>
    c.files.filter((f) => f.status === "unresolved" && f.candidates?.some((x) => sameUnit(x.name, name))).map((f) => `“${f.fileName}”`);
  // A listed unit that sent only another period's report has not reported this period; the note says what it sent.
  const otherPeriodFiles = (name: string): string[] =>
    c.files.filter((f) => f.status === "otherPeriod" && f.unitName && sameUnit(f.unitName, name)).map((f) => `“${f.fileName}”`);
  const listed = new Set<string>();
  const choices: string[] = [];
  const assignedFiles = new Set(c.files.filter((f) => f.assigned).map((f) => f.fileName));
  const pushUnit = (name: string) => {
    const u = byName.get(name);
    listed.add(name);
    const assigned = u && assignedFiles.has(u.fileName);
    if (assigned) choices.push(`B${rows.length + 1}`);
    rows.push([
      { value: ++n, style: "number" },
      text(name),
      u
        ? { value: assigned ? ASSIGNED_STATUS : "Đã nộp", style: u.errors ? "warning" : "ok" }
        : waiting.has(name)
          ? { value: WAITING_STATUS, style: "warning" }
          : { value: "Chưa nộp", style: "error" },
      text(u?.fileName),
      text(u?.template.name),
      text(u?.period ? periodLabel(u.period) : u ? "(không ghi kỳ)" : ""),
      u ? { value: u.errors, style: "number" } : { style: "number" },
      u ? { value: u.warnings, style: "number" } : { style: "number" },
      u?.format && u.format !== "xlsx"
        ? text(`Nộp bằng tệp ${FORMAT_LABELS[u.format]} (.${u.format})`, "wrap")
        : !u && waiting.has(name)
          ? text(`Tệp ghi tên đơn vị này, đang chờ chọn đơn vị: ${waitingFiles(name).join("; ")}.`, "wrap")
          : !u && otherPeriodFiles(name).length
            ? text(`Đã gửi báo cáo khác kỳ (${otherPeriodFiles(name).join("; ")}); chưa có báo cáo kỳ này.`, "wrap")
            : { style: "wrap" },
    ]);
  };
  const byKey = new Map(c.units.map((u) => [u.unitKey, u]));
  for (const e of c.expected) pushUnit(byKey.get(unitKey(e.name))?.unitName ?? e.name);
  for (const u of c.units) if (!listed.has(u.unitName)) pushUnit(u.unitName);
  for (const f of c.files) {
    if (f.status === "read") continue;
    if (f.status === "unresolved") {
      // Left blank for the officer: a suggestion written here would be taken as the officer's choice.
      choices.push(`B${rows.length + 1}`);
      const said = f.candidates?.length ? ` Tên đọc được: ${describeCandidates(f.candidates)}.` : "";
      const hint = f.suggestion ? ` Gợi ý: “${f.suggestion}”.` : "";
      rows.push([
        { value: ++n, style: "number" },
        text("", "warning"),
        { value: STATUS_LABEL.unresolved, style: "error" },
        text(f.fileName),
        ...blank(4),
        text(`${f.reason ?? ""}${said}${hint} Chọn đơn vị ở cột “Đơn vị”, rồi tổng hợp lại với tệp này làm danh sách đơn vị.`),
      ]);
      continue;
    }
    const changes = f.changed?.length ? `\n${f.changed.map((x) => `${x.indicator} ${x.label}: ${x.old ?? "(trống)"} → ${x.new ?? "(trống)"}`).join("\n")}` : "";
    rows.push([{ value: ++n, style: "number" }, text(f.unitName ?? ""), { value: STATUS_LABEL[f.status], style: "error" }, text(f.fileName), ...blank(4), text(`${f.reason ?? ""}${changes}`)]);
  }
  const validations: Validation[] = choices.length
    ? [
        {
          type: "list",
          ref: choices.join(" "),
          items: [],
          range: `'${UNITS_SHEET}'!$A$${UNITS_FIRST_ROW}:$A$${UNITS_FIRST_ROW + c.expected.length - 1 + UNITS_SLACK}`,
          prompt: "Chọn đơn vị gửi tệp này (danh sách ở trang “Danh sách đơn vị”)",
        },
      ]
    : [];
  const layout: SheetLayout = {
    name: STATUS_SHEET,
    columns: [{ width: 6 }, { width: 40 }, { width: 16 }, { width: 36 }, { width: 28 }, { width: 18 }, { width: 9 }, { width: 11 }, { width: 50 }],
    rows,
    merges: ["A1:I1", "A2:I2"],
    validations,
    protect: false,
    freezeRows: 5,
    landscape: true,
  };
  layout.rowHeights = { ...fitRowHeights(layout), 0: 24 };
  return layout;
}

function findingsSheet(c: Consolidation): SheetLayout {
  const rows: LayoutCell[][] = [
    [{ value: "DANH SÁCH LỖI VÀ CẢNH BÁO CỦA TỪNG BÁO CÁO", style: "title" }],
    c.suspect?.length
      ? [{ value: `Có ${c.suspect.length} quy tắc có thể sai (phần lớn đơn vị không đạt): báo một lần ở cuối trang, không tính là lỗi của từng đơn vị.`, style: "warning" }]
      : [],
    // The rule ID is for Sở Nội vụ (a hidden last column), not for the units the sheet goes back to.
    [...["STT", "Đơn vị", "Tệp", "Trang", "Ô", "Mức độ", "Nội dung"].map((h) => ({ value: h, style: "header" as StyleName })), { value: "Mã quy tắc", style: "hiddenId" }],
  ];
  let n = 0;
  for (const u of c.units) {
    for (const f of u.findings) {
      rows.push([
        { value: ++n, style: "number" },
        text(u.unitName),
        text(u.fileName),
        text(u.sheetName),
        text(f.cell),
        { value: f.severity === "error" ? "Lỗi" : "Cảnh báo", style: f.severity === "error" ? "error" : "warning" },
        text(f.message),
        text(f.rule, "hiddenId"),
      ]);
    }
  }
  for (const f of c.files) {
    if (f.status !== "rejected") continue;
    rows.push([{ value: ++n, style: "number" }, text(f.unitName ?? ""), text(f.fileName), ...blank(2), { value: "Lỗi", style: "error" }, text(f.reason), text("tep.khong-doc-duoc", "hiddenId")]);
  }
  if (c.suspect?.length) {
    rows.push([], [{ value: "QUY TẮC CÓ THỂ SAI — SỞ NỘI VỤ XEM LẠI QUY TẮC TRƯỚC KHI TRẢ BÁO CÁO", style: "bold" }]);
    rows.push([...["STT", "Số đơn vị không đạt", "Số đơn vị đã điền", "", "", "Mức độ", "Nội dung"].map((h) => ({ value: h, style: "header" as StyleName })), { value: "Mã quy tắc", style: "hiddenId" }]);
    c.suspect.forEach((s, i) =>
      rows.push([
        { value: i + 1, style: "number" },
        { value: s.failed, style: "number" },
        { value: s.filled, style: "number" },
        ...blank(2),
        { value: "Quy tắc có thể sai", style: "warning" },
        text(`${s.description} Không đạt ở ${s.failed}/${s.filled} đơn vị đã điền: ${s.units.join(", ")}.`),
        text(s.rule, "hiddenId"),
      ]),
    );
  }
  const layout: SheetLayout = {
    name: FINDINGS_SHEET,
    columns: [{ width: 6 }, { width: 32 }, { width: 30 }, { width: 14 }, { width: 7 }, { width: 10 }, { width: 80 }, { width: 28, hidden: true }],
    rows,
    merges: ["A1:G1"],
    validations: [],
    protect: false,
    freezeRows: 3,
    landscape: true,
  };
  layout.rowHeights = { ...fitRowHeights(layout), 0: 24 };
  return layout;
}

function unitsSheet(c: Consolidation): SheetLayout {
  const rows: LayoutCell[][] = [
    [{ value: "DANH SÁCH ĐƠN VỊ PHẢI BÁO CÁO (sửa trực tiếp; lần tổng hợp sau dùng danh sách này)", style: "bold" }],
    [{ value: "Đơn vị", style: "header" }, { value: "Loại đơn vị", style: "header" }],
    ...c.expected.map((e) => [text(e.name, "plain"), text(e.unitType ?? "", "plain")]),
  ];
  return { name: UNITS_SHEET, columns: [{ width: 50 }, { width: 24 }], rows, merges: [], validations: [], protect: false };
}

/** Reads the officer's choices back from a "Tình hình nộp báo cáo" sheet's rows: file → unit. */
export function assignmentsFromRows(rows: (string | number | boolean | null | undefined)[][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows.slice(FIRST_LISTED_ROW)) {
    const status = String(r[2] ?? "").trim();
    const unit = String(r[1] ?? "").trim();
    const file = String(r[3] ?? "").trim();
    if ((status === STATUS_LABEL.unresolved || status === ASSIGNED_STATUS) && unit && file) out[file] = unit;
  }
  return out;
}

/** Reads the expected-unit list back from a "Danh sách đơn vị" sheet's rows (column A, from row 3). */
export function expectedUnitsFromRows(rows: (string | number | boolean | null | undefined)[][]): { name: string; unitType?: string }[] {
  return rows
    .slice(2)
    .map((r) => ({ name: String(r[0] ?? "").trim(), unitType: String(r[1] ?? "").trim() || undefined }))
    .filter((e) => e.name);
}
