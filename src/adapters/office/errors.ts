/**
 * The one place that turns an error from Excel (OfficeExtension.Error and its code) into a Vietnamese
 * message that says what to do. Every Office action goes through runExcel, so no raw English error
 * reaches the officer.
 */

/** What the officer was doing, for the message's first words. */
export type ExcelAction = "insert" | "check" | "select" | "merge" | "readUnits" | "readPrevious" | "watch" | "clear" | "savePackage";

const DOING: Record<ExcelAction, string> = {
  insert: "Không chèn được biểu mẫu",
  check: "Không kiểm tra được trang tính",
  select: "Không chọn được ô",
  merge: "Không ghi được kết quả tổng hợp",
  readUnits: "Không đọc được danh sách đơn vị trong sổ",
  readPrevious: "Không đọc được trang Tổng hợp của kỳ trước trong sổ",
  watch: "Không theo dõi được thay đổi trên trang tính",
  clear: "Không xóa được đánh dấu trên trang tính",
  savePackage: "Không lưu được bộ biểu mẫu vào sổ làm việc",
};

/** A refusal the add-in itself raises, already in Vietnamese: passed through unchanged. */
export class UserMessage extends Error {}

function errorCode(e: unknown): string | undefined {
  if (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string") return (e as { code: string }).code;
  return undefined;
}

/** Per error code: why, and what to do (OfficeExtension.ErrorCodes and Excel.ErrorCodes). */
function advice(code: string | undefined, action: ExcelAction): string {
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để kết thúc việc sửa ô rồi thử lại.";
    case "AccessDenied":
      return "Sổ làm việc hoặc trang tính đang được bảo vệ, hoặc sổ đang mở ở chế độ chỉ đọc. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính / Bảo vệ sổ làm việc) hoặc lưu một bản có quyền sửa rồi thử lại.";
    case "ItemNotFound":
      return action === "select"
        ? "Trang tính đã bị đổi tên hoặc xóa sau lần kiểm tra. Hãy bấm Kiểm tra lại."
        : "Không tìm thấy trang tính cần dùng: có thể một trang biểu đồ đang được chọn, trang vừa bị xóa hoặc đổi tên. Hãy chọn trang biểu mẫu rồi thử lại.";
    case "ItemAlreadyExists":
      return "Trong sổ đã có trang trùng tên với trang cần tạo. Hãy đổi tên trang đó rồi thử lại.";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "PayloadTooLarge":
      return "Dữ liệu quá lớn cho một lần trao đổi với Excel (Excel trên web giới hạn 5 MB). Hãy tách trang tính thành nhiều trang nhỏ hơn rồi thử lại.";
    case "ApiNotFound":
    case "FeatureNotAvailable":
      return "Phiên bản Excel này thiếu chức năng cần dùng. Hãy cập nhật Excel (Microsoft 365, Excel 2021 hoặc 2024, Excel trên web).";
    case "InvalidOperation":
    case "InvalidSelection":
      return "Excel không cho thao tác này lúc này: có thể một trang biểu đồ đang được chọn, một sổ làm việc khác đang được chọn, hoặc một hộp thoại đang mở. Hãy bấm vào trang biểu mẫu trong sổ này rồi thử lại.";
    case "Conflict":
    case "ActivityLimitReached":
    case "RequestAborted":
    case "Unauthenticated":
    case "ServiceNotAvailable":
    case "GeneralException":
    default:
      return "Excel từ chối thao tác. Hãy bấm vào một ô của trang biểu mẫu trong sổ này, đóng các hộp thoại đang mở rồi thử lại; nếu vẫn lỗi, hãy lưu sổ, đóng và mở lại Excel.";
  }
}

/** The Vietnamese message for an error from Excel while doing `action`. */
export function hostErrorMessage(e: unknown, action: ExcelAction): string {
  if (e instanceof UserMessage) return e.message;
  const code = errorCode(e);
  return `${DOING[action]}. ${advice(code, action)}${code ? ` (mã lỗi Excel: ${code})` : ""}`;
}

/** Runs `body`; any failure becomes an Error whose message is Vietnamese. */
export async function withExcelMessages<T>(action: ExcelAction, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    throw new UserMessage(hostErrorMessage(e, action));
  }
}
