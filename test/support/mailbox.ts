import { Template } from "../../src/core/catalog/schema";
import { LayoutCell } from "../../src/core/layout/sheetLayout";
import { Period } from "../../src/core/period";
import { syntheticSubmission } from "../../scripts/syntheticSubmissions";
import { catalog } from "./data";

/** A province's units for Quý III 2026, as its Sở Nội vụ lists them (two tiers: sở, ban, ngành and cấp xã). */
export const UNITS = [
  "Ban Quản lý các Khu công nghiệp tỉnh Lâm Đồng",
  "Ban Quản lý dự án đầu tư xây dựng tỉnh",
  "Bảo hiểm xã hội tỉnh Lâm Đồng",
  "Bộ Chỉ huy Quân sự tỉnh",
  "Công an tỉnh",
  "Đài Phát thanh và Truyền hình tỉnh",
  "Sở Công Thương",
  "Sở Dân tộc và Tôn giáo",
  "Sở Giáo dục và Đào tạo",
  "Sở Khoa học và Công nghệ",
  "Sở Ngoại vụ",
  "Sở Nội vụ",
  "Sở Nông nghiệp và Môi trường",
  "Sở Tài chính",
  "Sở Tư pháp",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Xây dựng",
  "Sở Y tế",
  "Thanh tra tỉnh",
  "Văn phòng UBND tỉnh",
  "UBND đặc khu Phú Quý",
  "UBND Phường 1",
  "UBND Phường 12",
  "UBND phường B'Lao",
  "UBND phường Lâm Viên - Đà Lạt",
  "UBND phường Phan Thiết",
  "UBND phường Xuân Hương - Đà Lạt",
  "UBND xã Bảo Thuận",
  "UBND xã Di Linh",
  "UBND xã Đạ Huoai",
  "UBND xã Đinh Trang Thượng",
  "UBND xã Hàm Thuận Bắc",
  "UBND xã Hòa Ninh",
  "UBND xã Hòa Ninh Đông",
  "UBND xã Lạc Dương",
  "UBND xã Nam Ban",
  "UBND xã Quảng Sơn",
  "UBND xã Quảng Tín",
  "UBND xã Tân Hà",
  "UBND xã Tuy Phong",
] as const;
export type Unit = (typeof UNITS)[number];

/** The units that sent nothing this quarter. */
export const SENT_NOTHING: Unit[] = ["Sở Xây dựng", "UBND xã Quảng Tín"];

/** A unit outside the list that sent its report anyway. */
export const OUTSIDER = "Trường Chính trị tỉnh";

export type Outcome = "merged" | "wait" | "duplicate";

export interface Mail {
  file: string;
  /** Who really sent the file. */
  sender: Unit | typeof OUTSIDER;
  /** The unit the "(Kèm theo … của …)" line names; "…" when the unit left it as the template has it. */
  title?: string;
  /** The unit in the add-in's stamp (a sheet inserted by the add-in); none for a workbook made by hand. */
  stamp?: string;
  /** A heading line above the table ("ỦY BAN NHÂN DÂN XÃ ĐẠ HUOAI"), and the signature block below it. */
  heading?: string;
  signature?: string;
  /** What the merge must do with the file, with the list of units and without. */
  withList: Outcome;
  withoutList: Outcome;
  /** Older files count as sent earlier (a resubmission keeps the newer). */
  modified?: number;
}

const nfd = (s: string): string => s.normalize("NFD");

/** One quarter's mailbox: file names as officers write them, sheets as they fill them. */
export const MAILBOX: Mail[] = [
  { file: "BQL cac KCN_BC CCHC Q3.2026_final_v2.xlsx", sender: "Ban Quản lý các Khu công nghiệp tỉnh Lâm Đồng", title: "Ban Quản lý các KCN tỉnh Lâm Đồng", withList: "merged", withoutList: "merged" },
  { file: "Ban_Quan_ly_du_an_DTXD.xlsx", sender: "Ban Quản lý dự án đầu tư xây dựng tỉnh", stamp: "Ban Quản lý dự án ĐTXD tỉnh", withList: "merged", withoutList: "merged" },
  { file: "Bao_hiem_xa_hoi_tinh.xlsx", sender: "Bảo hiểm xã hội tỉnh Lâm Đồng", title: "Bảo hiểm xã hội tỉnh Lâm Đồng", withList: "merged", withoutList: "merged" },
  { file: "Bo Chi huy Quan su tinh - Quy 3 2026.xlsx", sender: "Bộ Chỉ huy Quân sự tỉnh", title: "Bộ Chỉ huy Quân sự tỉnh", withList: "merged", withoutList: "merged" },
  // A first attempt with nothing in it that names the sender; the unit's real file follows.
  { file: "bao cao quy 3 2026.xlsx", sender: "Bộ Chỉ huy Quân sự tỉnh", withList: "wait", withoutList: "wait" },
  { file: "CA tinh BC CCHC quy III.xlsx", sender: "Công an tỉnh", title: "Công an tỉnh Lâm Đồng", stamp: "Công an tỉnh Lâm Đồng", withList: "merged", withoutList: "merged" },
  { file: "Dai PT-TH tinh - BC quy 3-2026.xlsx", sender: "Đài Phát thanh và Truyền hình tỉnh", title: "Đài Phát thanh - Truyền hình tỉnh", withList: "merged", withoutList: "merged" },
  // The recipient in the file name ("gửi SNV") is not the sender.
  { file: "SCT gui SNV - quy 3.xlsx", sender: "Sở Công Thương", title: "Sở Công Thương", withList: "merged", withoutList: "merged" },
  { file: "So DTTG_Q3-2026.xlsx", sender: "Sở Dân tộc và Tôn giáo", withList: "merged", withoutList: "wait" },
  { file: nfd("Sở GD&ĐT báo cáo CCHC quý 3.xlsx"), sender: "Sở Giáo dục và Đào tạo", title: "Sở Giáo dục và Đào tạo", withList: "merged", withoutList: "merged" },
  { file: "SKHCN-CCHC-Q3-2026.xlsx", sender: "Sở Khoa học và Công nghệ", stamp: "Sở KH&CN", withList: "merged", withoutList: "merged" },
  { file: "So Ngoai vu - Q3 2026 - final.xlsx", sender: "Sở Ngoại vụ", heading: "SỞ NGOẠI VỤ", withList: "merged", withoutList: "merged" },
  { file: "BC CCHC Q3 2026 - So Noi vu.xlsx", sender: "Sở Nội vụ", title: "Sở Nội vụ", stamp: "Sở Nội vụ", withList: "merged", withoutList: "merged" },
  { file: "SNNMT_Q3_2026.xlsx", sender: "Sở Nông nghiệp và Môi trường", title: "Sở Nông nghiệp và Môi trường tỉnh Lâm Đồng", withList: "merged", withoutList: "merged" },
  // Sở Tài chính filled a copy of Sở Tư pháp's file and kept its title; the file name says who sent it.
  { file: "STC_bao cao Q3.2026.xlsx", sender: "Sở Tài chính", title: "Sở Tư pháp", withList: "wait", withoutList: "wait" },
  { file: "So Tai chinh - bao cao CCHC quy 3 nam 2026 (ban sua).xlsx", sender: "Sở Tài chính", title: "Sở Tài chính tỉnh Lâm Đồng", withList: "merged", withoutList: "merged" },
  { file: "So Tu phap.xlsx", sender: "Sở Tư pháp", title: "Sở Tư pháp", withList: "merged", withoutList: "merged" },
  { file: "Book1 (2).xlsx", sender: "Sở Tư pháp", withList: "wait", withoutList: "wait" },
  { file: "So VHTTDL.xlsx", sender: "Sở Văn hóa, Thể thao và Du lịch", withList: "merged", withoutList: "wait" },
  { file: "SYT_Quy 3_2026 (1).xlsx", sender: "Sở Y tế", withList: "merged", withoutList: "wait" },
  { file: "Thanh tra tinh.xlsx", sender: "Thanh tra tỉnh", title: "Thanh tra tỉnh", withList: "merged", withoutList: "merged" },
  { file: "VP UBND tinh_CCHC_Q3.xlsx", sender: "Văn phòng UBND tỉnh", title: "Văn phòng UBND tỉnh Lâm Đồng", withList: "merged", withoutList: "merged" },
  { file: "Dac khu Phu Quy - Quy 3 2026.xlsx", sender: "UBND đặc khu Phú Quý", title: "UBND đặc khu Phú Quý", withList: "merged", withoutList: "merged" },
  { file: "Phuong 1 - bao cao CCHC Quy 3 nam 2026.xlsx", sender: "UBND Phường 1", title: "UBND Phường 1", withList: "merged", withoutList: "merged" },
  { file: "UBND phuong 12.xlsx", sender: "UBND Phường 12", withList: "merged", withoutList: "wait" },
  { file: "B'Lao Q3.xlsx", sender: "UBND phường B'Lao", title: "UBND phường B’Lao", withList: "merged", withoutList: "merged" },
  { file: "phuong-lam-vien-da-lat.xlsx", sender: "UBND phường Lâm Viên - Đà Lạt", withList: "merged", withoutList: "wait" },
  { file: "Phan Thiet.xlsx", sender: "UBND phường Phan Thiết", title: "UBND phường Phan Thiết", withList: "merged", withoutList: "merged" },
  { file: "Xuan Huong - copy.xlsx", sender: "UBND phường Xuân Hương - Đà Lạt", title: "UBND phường Xuân Hương - Đà Lạt", withList: "merged", withoutList: "merged" },
  // Written by the add-in, named by the officer as they liked.
  { file: "xa-sach-1.xlsx", sender: "UBND xã Bảo Thuận", stamp: "UBND xã Bảo Thuận", withList: "merged", withoutList: "merged" },
  { file: "Book1.xlsx", sender: "UBND xã Di Linh", signature: "TM. ỦY BAN NHÂN DÂN XÃ DI LINH", withList: "merged", withoutList: "merged" },
  { file: "z5864203557311_8c1d0b7e5f2a4e19.xlsx", sender: "UBND xã Đạ Huoai", title: "UBND xã Đạ Huoai", withList: "merged", withoutList: "merged" },
  { file: nfd("Đinh Trang Thượng.xlsx"), sender: "UBND xã Đinh Trang Thượng", title: "UBND xã Đinh Trang Thượng", withList: "merged", withoutList: "merged" },
  // Filled in a copy of xã Tuy Phong's file, title left as it was; older than Tuy Phong's own file.
  { file: "xa Ham Thuan Bac.xlsx", sender: "UBND xã Hàm Thuận Bắc", title: "UBND xã Tuy Phong", withList: "wait", withoutList: "wait", modified: 1 },
  { file: "xa Hoa Ninh - BC quy 3.2026.xlsx", sender: "UBND xã Hòa Ninh", title: "UBND xã Hòa Ninh", withList: "merged", withoutList: "merged" },
  { file: "z5864203560001_0f3a9c.xlsx", sender: "UBND xã Hòa Ninh", withList: "wait", withoutList: "wait" },
  { file: "xa_hoa_ninh_dong_Q3.xlsx", sender: "UBND xã Hòa Ninh Đông", withList: "merged", withoutList: "wait" },
  // Copied from xã Đạ Huoai: the "Kèm theo" line fixed, the heading above it not.
  { file: "Lac Duong.xlsx", sender: "UBND xã Lạc Dương", title: "UBND xã Lạc Dương", heading: "ỦY BAN NHÂN DÂN XÃ ĐẠ HUOAI", withList: "wait", withoutList: "wait" },
  { file: "xa-nam-ban-quy-3.xlsx", sender: "UBND xã Nam Ban", withList: "merged", withoutList: "wait" },
  { file: "QUANG SON.XLSX", sender: "UBND xã Quảng Sơn", title: "UBND xã Quảng Sơn", withList: "merged", withoutList: "merged" },
  { file: "xa Tan Ha quy III 2026.xlsx", sender: "UBND xã Tân Hà", title: "UBND xã Tân Hà", stamp: "UBND xã Tân Hà", withList: "merged", withoutList: "merged" },
  { file: "Tuy Phong_BC.xlsx", sender: "UBND xã Tuy Phong", stamp: "UBND xã Tuy Phong", withList: "merged", withoutList: "merged", modified: 2 },
  { file: "Truong Chinh tri tinh.xlsx", sender: OUTSIDER, title: OUTSIDER, withList: "wait", withoutList: "merged" },
];

export const Q3_2026: Period = { kind: "q3", year: 2026 };
export const PLANNED_ID = "direction.plan.tasks_planned";
const TEMPLATE_TITLE_ROW = 2;
const HEADING_ROW = 3;

const templateOf = (m: Mail): Template => catalog.byId.get(/^UBND (xã|phường|đặc khu|Phường)/.test(m.sender) ? "cap-huyen-2023" : "so-nganh-2023")!;

/** The file as the unit sent it: real .xlsx bytes, each file with numbers of its own. */
export function mailBytes(m: Mail, index: number): Uint8Array {
  return syntheticSubmission(templateOf(m), m.stamp ?? "", index, Q3_2026, {
    unstamped: !m.stamp,
    edit: (layout) => {
      layout.rows[TEMPLATE_TITLE_ROW][0].value = `(Kèm theo Báo cáo số 41/BC-UBND ngày 12 tháng 9 năm 2026 của ${m.title ?? "…"})`;
      if (m.heading) layout.rows[HEADING_ROW] = [{ value: m.heading }];
      if (m.signature) layout.rows.push([], [{}, {}, { value: m.signature } as LayoutCell], [{}, {}, { value: "CHỦ TỊCH" }]);
    },
  });
}
