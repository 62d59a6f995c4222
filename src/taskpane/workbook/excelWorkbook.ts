import {
  checkActiveSheet,
  insertTemplateSheet,
  readAssignments,
  readExpectedUnits,
  readSheetGrid,
  selectCell,
  watchActiveSheet,
  writeMergeSheets,
} from "../../adapters/office/actions";
import { checkRequirements, standalonePageAdvice } from "../../adapters/office/capabilities";
import { readActiveSheetGrid } from "../../adapters/office/readSheet";
import { fileWorkbook } from "./fileWorkbook";
import { PackageStorage, Workbook } from "./Workbook";

/** Excel through Office.js: templates become sheets, checks read and mark the active sheet. */
export function excelWorkbook(standaloneUrl: string, packageStorage: PackageStorage): Workbook {
  const requirements = checkRequirements();
  return {
    description: "Đang chạy trong Excel",
    unsupported: requirements.ok ? undefined : `${requirements.message} ${standalonePageAdvice(standaloneUrl)}`,
    insertLabel: "Chèn biểu mẫu",
    async insertTemplate(layout, about) {
      const name = await insertTemplateSheet(layout);
      return `Đã chèn trang “${name}” (${about.rowCount} dòng).`;
    },
    activeSheet: {
      checkLabel: "Kiểm tra trang tính hiện hành",
      liveLabel: "Tự kiểm tra lại khi sửa số liệu",
      check: checkActiveSheet,
      selectCell,
      watch: watchActiveSheet,
      read: readActiveSheetGrid,
    },
    mergeLabel: (n) => `Tổng hợp ${n} tệp vào sổ này`,
    expectedUnitsLabel: "Danh sách đơn vị phải báo cáo (mỗi dòng một đơn vị; để trống để dùng trang Danh sách đơn vị trong sổ hoặc các đơn vị đã nộp)",
    readExpectedUnits,
    readAssignments,
    readSheet: readSheetGrid,
    async writeMerge(layouts) {
      await writeMergeSheets(layouts);
      return "Đã ghi các trang Tổng hợp, Tình hình nộp báo cáo, Lỗi.";
    },
    packageStorage,
  };
}

/** Office opened the pane but Microsoft's Office.js could not be loaded (no Internet access). */
export function officeUnavailable(standaloneUrl: string): Workbook {
  return {
    ...fileWorkbook(),
    description: "Đang chạy trong Office",
    unsupported: `Không tải được thư viện Office.js từ máy chủ của Microsoft (appsforoffice.microsoft.com): phần bổ trợ cần kết nối Internet khi chạy trong Excel. Hãy kiểm tra kết nối mạng rồi mở lại ngăn. ${standalonePageAdvice(standaloneUrl)}`,
  };
}
