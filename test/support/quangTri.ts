/**
 * Quảng Trị's own 2026 appendix for UBND xã, phường, đặc khu (after the 1 July 2025 reorganisation), written
 * for these tests in wording and numbering unlike the seeds and the built-in templates, and submissions to
 * it filled the way commune officers fill them: numbers typed as text with Vietnamese separators, "-" and
 * "x" for nothing, a total row with a formula, merged title cells, the unit named in the title, the
 * letterhead or the signature block, extra and hidden sheets.
 */
import { unzipSync, zipSync, strFromU8, strToU8 } from "fflate";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { LayoutCell, SheetLayout } from "../../src/core/layout/sheetLayout";

/** key | STT | label | ĐVT — the province's table as published in its guidance. */
export const QT_ROWS: [string, string, string, string][] = [
  ["s1", "I.", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", ""],
  ["vbChiDao", "1.", "Số văn bản chỉ đạo, điều hành về CCHC do UBND xã ban hành trong kỳ", "Văn bản"],
  ["tlKeHoach", "2.", "Tỷ lệ hoàn thành kế hoạch CCHC năm 2026 của xã (%)", "%"],
  ["nvKeHoach", "2.1", "Số nhiệm vụ đề ra trong kế hoạch CCHC năm", "Nhiệm vụ"],
  ["nvXong", "2.2", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ"],
  ["g3", "3.", "Tự kiểm tra công tác CCHC tại thôn, tổ dân phố", ""],
  ["thonKt", "a)", "Số thôn, tổ dân phố đã được kiểm tra", "Thôn, TDP"],
  ["tonTai", "b)", "Số tồn tại, hạn chế phát hiện qua kiểm tra", "Vấn đề"],
  ["tonTaiXong", "c)", "Số tồn tại, hạn chế đã khắc phục xong", "Vấn đề"],
  ["khaoSat", "4.", "Xã có tổ chức khảo sát mức độ hài lòng của người dân không", "Không = 0, Có = 1"],
  ["s2", "II.", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", ""],
  ["tthc", "5.", "Tổng số TTHC thuộc thẩm quyền giải quyết của UBND xã", "Thủ tục"],
  ["tthcTtpv", "-", "Số TTHC được tiếp nhận tại Trung tâm Phục vụ hành chính công xã", "Thủ tục"],
  ["hsNhan", "6.", "Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ", "Hồ sơ"],
  ["hsTrucTuyen", "-", "Hồ sơ tiếp nhận trực tuyến", "Hồ sơ"],
  ["hsTrucTiep", "-", "Hồ sơ tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích", "Hồ sơ"],
  ["hsGiai", "7.", "Tổng số hồ sơ TTHC đã giải quyết", "Hồ sơ"],
  ["hsDungHan", "7.1", "Giải quyết trước hạn và đúng hạn", "Hồ sơ"],
  ["hsQuaHan", "7.2", "Giải quyết quá hạn", "Hồ sơ"],
  ["tlDungHan", "8.", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn (%)", "%"],
  ["hsSoHoa", "9.", "Số hồ sơ đã số hóa kết quả giải quyết TTHC", "Hồ sơ"],
  ["pakn", "10.", "Số phản ánh, kiến nghị về quy định, TTHC đã tiếp nhận", "Phản ánh, kiến nghị"],
  ["paknXong", "11.", "Số phản ánh, kiến nghị về quy định, TTHC đã xử lý xong", "Phản ánh, kiến nghị"],
  ["s3", "III.", "TỔ CHỨC BỘ MÁY, CÁN BỘ, CÔNG CHỨC", ""],
  ["cbcc", "12.", "Số cán bộ, công chức cấp xã hiện có", "Người"],
  ["daoTao", "13.", "Số lượt cán bộ, công chức được cử đi đào tạo, bồi dưỡng trong kỳ", "Lượt người"],
  ["s4", "IV.", "XÂY DỰNG CHÍNH QUYỀN SỐ", ""],
  ["tlKySo", "14.", "Tỷ lệ văn bản đi được ký số (%)", "%"],
  ["vbDi", "14.1", "Tổng số văn bản đi của UBND xã", "Văn bản"],
  ["vbKySo", "14.2", "Số văn bản đi được ký số", "Văn bản"],
  ["kinhPhi", "15.", "Kinh phí bố trí cho công tác CCHC trong kỳ", "Triệu đồng"],
];

export const QT_HEADER = ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả thực hiện", "Ghi chú"];
export const QT_GUIDANCE_TITLE = "PHỤ LỤC THỐNG KÊ KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH CỦA UBND XÃ, PHƯỜNG, ĐẶC KHU";

const c = (v: string | number | null | undefined): LayoutCell => ({ value: v ?? null });

/** The guidance's table, pasted into a sheet by Sở Nội vụ (what `add-template` reads). */
export function qtTemplateXlsx(): Uint8Array {
  const rows: LayoutCell[][] = [
    [c("UBND TỈNH QUẢNG TRỊ")],
    [c("SỞ NỘI VỤ")],
    [c(QT_GUIDANCE_TITLE)],
    [c("(Kèm theo Hướng dẫn số 125/HD-SNV ngày 05/01/2026 của Sở Nội vụ tỉnh Quảng Trị)")],
    [],
    QT_HEADER.map(c),
    ...QT_ROWS.map(([, stt, label, unit]) => [c(stt), c(label), c(unit)]),
  ];
  return writeXlsx([{ name: "Phụ lục xã 2026", columns: [{ width: 6 }, { width: 60 }, { width: 14 }, { width: 12 }, { width: 20 }], rows, merges: ["A3:E3", "A4:E4"], validations: [], protect: false }]);
}

/** A value as the officer typed it: a number, a text ("1.234", "12,5%", "-", "x"), a formula with its result. */
export type Typed = number | string | { formula: string; value: number } | { percent: number };

export interface Submission {
  file: string;
  /** Lines above the table, each merged across A:E. */
  heading: string[];
  values: Partial<Record<string, Typed>>;
  notes?: Partial<Record<string, string>>;
  /** Lines below the table (the signature block). */
  footer?: string[];
  sheetName?: string;
  /** A notes sheet before the appendix. */
  notesSheetFirst?: boolean;
  /** A hidden sheet holding another period's appendix with these values. */
  hiddenCopy?: { name: string; heading: string[]; values: Partial<Record<string, Typed>> };
}

const FIRST_ROW = (heading: string[]): number => heading.length + 2; // 0-based index of the first data row

function appendixSheet(name: string, heading: string[], values: Partial<Record<string, Typed>>, notes: Partial<Record<string, string>> = {}, footer: string[] = []): { layout: SheetLayout; percentCells: string[] } {
  const rows: LayoutCell[][] = heading.map((h) => [c(h)]);
  rows.push([]);
  rows.push(QT_HEADER.map(c));
  const first = FIRST_ROW(heading);
  const percentCells: string[] = [];
  QT_ROWS.forEach(([key, stt, label, unit], i) => {
    const v = values[key];
    let cell: LayoutCell = c(null);
    if (typeof v === "number" || typeof v === "string") cell = c(v);
    else if (v && "formula" in v) cell = { formula: v.formula.replace(/\{(\w+)\}/g, (_m, k: string) => `D${first + QT_ROWS.findIndex((r) => r[0] === k) + 1}`), value: v.value };
    else if (v && "percent" in v) {
      cell = c(v.percent);
      percentCells.push(`D${first + i + 1}`);
    }
    rows.push([c(stt), c(label), c(unit), cell, c(notes[key] ?? null)]);
  });
  rows.push([]);
  for (const f of footer) rows.push([c(null), c(null), c(null), c(f)]);
  const merges = heading.map((_h, i) => `A${i + 1}:E${i + 1}`);
  return { layout: { name, columns: [{ width: 6 }, { width: 60 }, { width: 14 }, { width: 12 }, { width: 20 }], rows, merges, validations: [], protect: false }, percentCells };
}

/** Rewrites parts of a written workbook: hidden sheets, a "0%" format on given cells of the first appendix sheet. */
function patch(bytes: Uint8Array, hiddenSheets: number[], percentCells: string[], appendixIndex: number): Uint8Array {
  const files = unzipSync(bytes);
  if (hiddenSheets.length) {
    let wb = strFromU8(files["xl/workbook.xml"]);
    let n = 0;
    wb = wb.replace(/<sheet /g, (m) => (hiddenSheets.includes(n++) ? '<sheet state="hidden" ' : m));
    files["xl/workbook.xml"] = strToU8(wb);
  }
  if (percentCells.length) {
    let styles = strFromU8(files["xl/styles.xml"]);
    let xfCount = 0;
    styles = styles.replace(/<cellXfs count="(\d+)">/, (_m, k: string) => {
      xfCount = Number(k);
      return `<cellXfs count="${xfCount + 1}">`;
    });
    styles = styles.replace("</cellXfs>", '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>');
    files["xl/styles.xml"] = strToU8(styles);
    const path = `xl/worksheets/sheet${appendixIndex + 1}.xml`;
    let sheet = strFromU8(files[path]);
    for (const ref of percentCells) sheet = sheet.replace(new RegExp(`<c r="${ref}"( s="\\d+")?>`), `<c r="${ref}" s="${xfCount}">`);
    files[path] = strToU8(sheet);
  }
  return zipSync(files);
}

export function submissionXlsx(s: Submission): Uint8Array {
  const main = appendixSheet(s.sheetName ?? "Phụ lục", s.heading, s.values, s.notes, s.footer);
  const sheets: SheetLayout[] = [];
  const hidden: number[] = [];
  if (s.notesSheetFirst) sheets.push({ name: "Ghi chú", columns: [{ width: 80 }], rows: [[c("Số liệu tính từ 15/12/2025 đến 14/6/2026.")], [c("Người lập biểu: Lê Thị Hoa, công chức Văn phòng - Thống kê, ĐT 0233.3852.123")]], merges: [], validations: [], protect: false });
  const appendixIndex = sheets.length;
  sheets.push(main.layout);
  if (s.hiddenCopy) {
    hidden.push(sheets.length);
    sheets.push(appendixSheet(s.hiddenCopy.name, s.hiddenCopy.heading, s.hiddenCopy.values).layout);
  }
  return patch(writeXlsx(sheets), hidden, main.percentCells, appendixIndex);
}
