/** The district template's appendix reworded for communes, as Sở Nội vụ would paste it from its guidance. */
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { Template, isValueRow } from "../../src/core/catalog/schema";
import { LayoutCell, SheetLayout } from "../../src/core/layout/sheetLayout";

export interface CommuneRow {
  stt: string;
  label: string;
  unit: string;
  /** The district indicator the row was reworded from; undefined for a new row. */
  from?: string;
}

/** New commune rows (none exists in any template), appended to section VII. */
export const NEW_ROWS: CommuneRow[] = [
  { stt: "13", label: "Tỷ lệ thôn, ấp có tổ công nghệ số cộng đồng", unit: "%" },
  { stt: "", label: "Số thôn, ấp trên địa bàn xã", unit: "Thôn, ấp" },
  { stt: "", label: "Số thôn, ấp đã thành lập tổ công nghệ số cộng đồng", unit: "Thôn, ấp" },
  { stt: "14", label: "Bộ phận một cửa phục vụ người dân ngoài giờ hành chính", unit: "Không = 0, Có = 1" },
  { stt: "", label: "Số buổi phục vụ ngoài giờ hành chính", unit: "Buổi" },
  { stt: "15", label: "Số kiến nghị của cử tri về TTHC đã tiếp nhận", unit: "Kiến nghị" },
  { stt: "", label: "Số kiến nghị của cử tri về TTHC đã giải quyết xong", unit: "Kiến nghị" },
];

/** District rows minus the commune-supervision ones, "cấp huyện" → "cấp xã", plus NEW_ROWS. */
export function communeRows(district: Template): CommuneRow[] {
  const out: CommuneRow[] = [];
  for (const r of district.rows) {
    if (/cấp xã|UBND xã/.test(r.label) || (isValueRow(r) && /commune/.test(r.id))) continue;
    const label = r.label.replace(/cấp huyện/g, "cấp xã").replace(/UBND huyện/g, "UBND xã");
    const unit = isValueRow(r) ? r.unit : "";
    out.push({ stt: r.stt, label, unit, from: isValueRow(r) ? r.id : undefined });
  }
  return [...out, ...NEW_ROWS];
}

const WRAP_AT = "Tỷ lệ hoàn thành Kế hoạch CCHC năm";

/** The table as a plain pasted sheet (no styles, no stamp); one long label wraps onto a row of its own. */
export function communeSheetXlsx(rows: CommuneRow[]): Uint8Array {
  return writeXlsx([communeSheetLayout(rows)]);
}

export function communeSheetLayout(rows: CommuneRow[]): SheetLayout {
  const cell = (v: string): LayoutCell => ({ value: v });
  const table: LayoutCell[][] = [
    [cell("THỐNG KÊ SỐ LIỆU VÀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH")],
    [cell("(Kèm theo Kế hoạch số …/KH-SNV của Sở Nội vụ — mẫu dành cho UBND cấp xã)")],
    [],
    ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"].map(cell),
  ];
  for (const r of rows) {
    if (r.label.startsWith(WRAP_AT)) {
      table.push([cell(r.stt), cell(WRAP_AT), cell(r.unit)]);
      table.push([cell(""), cell(r.label.slice(WRAP_AT.length).trim())]);
    } else table.push([cell(r.stt), cell(r.label), cell(r.unit)]);
  }
  return { name: "Phụ lục xã", columns: [{ width: 6 }, { width: 60 }, { width: 14 }, { width: 10 }, { width: 10 }], rows: table, merges: [], validations: [], protect: false };
}
