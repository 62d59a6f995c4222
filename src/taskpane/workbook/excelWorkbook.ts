import {
  checkActiveSheet,
  clearActiveSheetMarks,
  insertTemplateSheet,
  readAssignments,
  readExpectedUnits,
  readSheetGrid,
  selectCell,
  watchActiveSheet,
  writeMergeSheets,
} from "../../adapters/office/actions";
import { checkRequirements, standalonePageAdvice, supports } from "../../adapters/office/capabilities";
import { readActiveSheetGrid } from "../../adapters/office/readSheet";
import { OFFICE_READY_MS } from "../host";
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
      liveUndoNote: liveUndoNote(supports(UNDO_STEPS_API)),
      clearLabel: "Xóa đánh dấu",
      check: checkActiveSheet,
      clearMarks: clearActiveSheetMarks,
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

/** From ExcelApi 1.19 each write of an add-in is one undo step; before, most writes clear Excel's undo list. */
export const UNDO_STEPS_API = "1.19";

export function liveUndoNote(undoSteps: boolean): string {
  return undoSteps
    ? "Mỗi lần tự kiểm tra tô màu lại các ô sai và là một bước Hoàn tác: Ctrl+Z bỏ màu trước rồi mới bỏ số vừa sửa. Muốn bỏ màu và ghi chú lỗi, hãy bấm “Xóa đánh dấu”."
    : "Phiên bản Excel này xóa danh sách Hoàn tác (Ctrl+Z) mỗi khi phần bổ trợ tô màu, nên khi bật chế độ này sẽ không hoàn tác được các lần sửa trước đó. Muốn bỏ màu và ghi chú lỗi, hãy bấm “Xóa đánh dấu”.";
}

/** What the network must let through for Office.js: the library, then what it loads from Office's servers. */
const OFFICE_HOSTS = "appsforoffice.microsoft.com, *.officeapps.live.com, *.office.net, *.cdn.office.net, *.microsoft.com";

const UNAVAILABLE: Record<"load" | "start", string> = {
  load: "Không tải được thư viện Office.js từ máy chủ của Microsoft (appsforoffice.microsoft.com): phần bổ trợ cần kết nối Internet khi chạy trong Excel. Hãy kiểm tra kết nối mạng rồi mở lại ngăn.",
  start: `Thư viện Office.js đã tải nhưng không khởi động được sau ${OFFICE_READY_MS / 1000} giây: thường do tường lửa hoặc bộ lọc mạng của cơ quan chặn các tệp mà Office.js tải thêm. Hãy đề nghị bộ phận quản trị mạng cho phép các địa chỉ ${OFFICE_HOSTS} rồi mở lại ngăn.`,
};

/** Office opened the pane but Microsoft's Office.js could not be loaded, or never became ready. */
export function officeUnavailable(standaloneUrl: string, why: "load" | "start"): Workbook {
  return {
    ...fileWorkbook(),
    description: "Đang chạy trong Office",
    unsupported: `${UNAVAILABLE[why]} ${standalonePageAdvice(standaloneUrl)}`,
  };
}
