import { UserMessage, hostErrorMessage, withExcelMessages } from "../../src/adapters/office/errors";

const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;
/** OfficeExtension.ErrorCodes and Excel.ErrorCodes an action can meet. */
const CODES = [
  "AccessDenied",
  "InvalidOperation",
  "InvalidOperationInCellEditMode",
  "ItemNotFound",
  "ItemAlreadyExists",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "ApiNotFound",
  "GeneralException",
  "InvalidArgument",
];

describe("one place turns Excel's errors into Vietnamese", () => {
  it("names what failed, what to do, and Excel's code, for every code", () => {
    for (const code of CODES) {
      const m = hostErrorMessage(Object.assign(new Error("The operation is invalid."), { code }), "check");
      expect([code, m.startsWith("Không kiểm tra được trang tính."), VIETNAMESE.test(m), m.includes(`(mã lỗi Excel: ${code})`), m.includes("operation")]).toEqual([code, true, true, true, false]);
    }
  });

  it("gives specific advice for cell edit mode, protection, size and a sheet gone since the check", () => {
    const m = (code: string, action: Parameters<typeof hostErrorMessage>[1] = "check") => hostErrorMessage({ code }, action);
    expect(m("InvalidOperationInCellEditMode")).toMatch(/chế độ sửa ô.*Enter hoặc Esc/);
    expect(m("AccessDenied")).toMatch(/bảo vệ/);
    expect(m("ResponsePayloadSizeLimitExceeded")).toMatch(/5 MB/);
    expect(m("ItemNotFound", "select")).toMatch(/đổi tên hoặc xóa sau lần kiểm tra/);
    expect(m("ItemNotFound")).toMatch(/trang biểu đồ/);
    expect(new Set(CODES.map((c) => m(c).replace(/\(mã lỗi.*\)$/, ""))).size).toBeGreaterThan(5);
  });

  it("passes the add-in's own Vietnamese refusals through unchanged and wraps anything else", async () => {
    await expect(withExcelMessages("merge", () => Promise.reject(new UserMessage("Cấu trúc sổ làm việc đang được bảo vệ.")))).rejects.toThrow(/^Cấu trúc sổ làm việc đang được bảo vệ\.$/);
    await expect(withExcelMessages("insert", () => Promise.reject(new TypeError("x is undefined")))).rejects.toThrow(/^Không chèn được biểu mẫu\. Excel từ chối/);
    await expect(withExcelMessages("insert", async () => 7)).resolves.toBe(7);
  });
});
