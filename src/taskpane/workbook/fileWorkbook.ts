import { SheetLayout } from "../../core/layout/sheetLayout";
import { writeXlsx } from "../../adapters/xlsx/write";
import { downloadBytes } from "../download";
import { PackageStorage, TemplateFile, Workbook } from "./Workbook";

const PACKAGE_KEY = "cchc.package";

/** The web page has no workbook: the package is remembered in this browser. */
const browserPackageStorage: PackageStorage = {
  load: () => globalThis.localStorage?.getItem(PACKAGE_KEY) ?? undefined,
  save: async (text) => {
    if (text === undefined) globalThis.localStorage?.removeItem(PACKAGE_KEY);
    else globalThis.localStorage?.setItem(PACKAGE_KEY, text);
  },
};

/** The plain web page: templates and merge results are downloaded as .xlsx; checks read uploaded files. */
export function fileWorkbook(download: (bytes: Uint8Array, fileName: string) => void = downloadBytes): Workbook {
  const writeMergeFile = async (bytes: Uint8Array, fileName: string): Promise<string> => {
    download(bytes, fileName);
    return "Đã tải về tệp tổng hợp.";
  };
  return {
    description: "Đang chạy dưới dạng trang web (tải tệp lên, tải kết quả về)",
    insertLabel: "Tải biểu mẫu (.xlsx)",
    async insertTemplate(layout: SheetLayout, about: TemplateFile) {
      download(writeXlsx([layout]), about.fileName);
      return `Đã tạo tệp biểu mẫu “${about.templateName}” (${about.rowCount} dòng).`;
    },
    mergeLabel: (n) => `Tổng hợp ${n} tệp và tải về`,
    expectedUnitsLabel: "Danh sách đơn vị phải báo cáo (mỗi dòng một đơn vị; để trống để dùng các đơn vị đã nộp)",
    readExpectedUnits: async () => [],
    readAssignments: async () => ({}),
    writeMerge: (layouts, fileName) => writeMergeFile(writeXlsx(layouts), fileName),
    writeMergeFile,
    packageStorage: browserPackageStorage,
  };
}
