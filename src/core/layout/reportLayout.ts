import { isValueRow } from "../catalog/schema";
import { address } from "../grid";
import { ProvinceReport, REPORT_SHEET, missingRowName } from "../report/provinceReport";
import { LayoutCell, SheetLayout, StyleName, fitRowHeights, withinExcel } from "./sheetLayout";
import { TEMPLATE_FIRST_DATA_ROW, rateFormula, templateHead, templateHeadMerges } from "./templateLayout";

const VALUE_STYLE: Record<string, StyleName> = { count: "number", money: "decimal", percent: "decimal", coded: "code", text: "wrap" };

/** Asked once of the officer and remembered: whose report it is, and the number and date of the report it goes with. */
export interface ReportHeading {
  /** "Hà Tĩnh", "tỉnh Hà Tĩnh" or "thành phố Cần Thơ". */
  province?: string;
  number?: string;
  date?: string;
}

/** "Hà Tĩnh" → "UBND tỉnh Hà Tĩnh"; a name that says "tỉnh" or "thành phố" keeps it. */
export function issuerName(province: string | undefined): string {
  const p = province?.trim().replace(/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu, "");
  if (!p) return "UBND tỉnh …";
  return `UBND ${/^(tỉnh|thành phố)\s/iu.test(p) ? p : `tỉnh ${p}`}`;
}

/**
 * "Báo cáo của tỉnh": the report in its template's official layout (title with the period, header rows,
 * bold sections), a source column, then what is still missing and what the rule set found in the report.
 */
export function buildReportLayout(report: ProvinceReport, heading: ReportHeading = {}): SheetLayout {
  const t = report.template;
  const head = { period: report.period, unitName: issuerName(heading.province), reportNumber: heading.number, reportDate: heading.date };
  const rows = templateHead(t, head, { header: { value: "Nguồn số liệu", style: "header" }, subHeader: { style: "header" } });
  const rowOf = new Map<string, number>();
  t.rows.forEach((r, i) => {
    if (isValueRow(r)) rowOf.set(r.id, TEMPLATE_FIRST_DATA_ROW + i);
  });
  let shownReporter: string | undefined;
  report.rows.forEach((r, i) => {
    // The 4th column as printed: once where it starts applying, like the official table.
    const reporter = r.reporterText && r.reporterText !== shownReporter ? r.reporterText : undefined;
    shownReporter = r.reporterText;
    const note: LayoutCell = { value: reporter, style: "wrap" };
    if (r.kind === "section" || r.kind === "group") {
      const s: StyleName = r.kind === "section" ? "section" : "group";
      rows.push([{ value: r.stt, style: s }, { value: r.label, style: s }, { style: s }, { style: s }, { ...note, style: s }, { style: s }]);
      return;
    }
    const row = t.rows[i];
    const formula = r.recomputed && isValueRow(row) ? rateFormula(row, rowOf) : undefined;
    const value: LayoutCell = { value: r.value, style: VALUE_STYLE[r.kind] ?? "wrap", ...(formula ? { formula } : {}) };
    rows.push([{ value: r.stt, style: "unit" }, { value: r.label, style: "wrap" }, { value: r.unit, style: "unit" }, value, note, { value: r.source, style: "wrap" }]);
  });

  rows.push([]);
  rows.push([{ value: "CÒN THIẾU", style: "bold" }]);
  if (!report.missing.length) rows.push([{ value: "Không thiếu số liệu nào.", style: "plain" }]);
  for (const m of report.missing) {
    const list = m.rows.map(missingRowName).join("; ");
    rows.push([{ value: "•", style: "plain" }, { value: `${m.who} cần gửi: ${list}`, style: "wrapPlain" }]);
  }
  rows.push([]);
  rows.push([{ value: "KẾT QUẢ KIỂM TRA BÁO CÁO (bộ quy tắc chung)", style: "bold" }]);
  if (!report.findings.length) rows.push([{ value: "Không có lỗi hay cảnh báo.", style: "plain" }]);
  for (const f of report.findings) {
    rows.push([{ value: f.cell, style: "plain" }, { value: `${f.severity === "error" ? "Lỗi" : "Cảnh báo"}: ${f.message}`, style: "wrapPlain" }]);
  }
  // Notes below the table span the text columns so they print on the page.
  const firstNote = TEMPLATE_FIRST_DATA_ROW + report.rows.length;
  const merges = [...templateHeadMerges("E"), "F5:F6"];
  for (let r = firstNote; r < rows.length; r++) if (rows[r][1]) merges.push(`${address(r, 1)}:${address(r, 5)}`);
  for (let r = firstNote; r < rows.length; r++) if (rows[r].length === 1) merges.push(`${address(r, 0)}:${address(r, 5)}`);

  const layout: SheetLayout = {
    name: REPORT_SHEET,
    columns: [{ width: 7 }, { width: 52 }, { width: 13 }, { width: 12 }, { width: 30 }, { width: 30 }],
    rows,
    rowHeights: { 0: 36, 2: 30 },
    merges,
    validations: [],
    protect: false,
    printTitleRows: [5, 6],
    // Only the official form prints (not the source column nor the notes below, which print on their own by selection).
    printArea: `A1:E${firstNote}`,
    freezeRows: 6,
    landscape: true,
  };
  layout.rowHeights = fitRowHeights({ ...layout, rows: rows.map((r, i) => (i >= firstNote ? [] : r)) });
  for (let r = firstNote; r < rows.length; r++) {
    const text = String(rows[r][1]?.value ?? "");
    const lines = Math.ceil(text.length / 150);
    if (lines > 1) layout.rowHeights[r] = lines * 15;
  }
  return withinExcel(layout);
}
