/** The Excel API level the add-in needs: RangeAreas, page layout, sheet protection options. */
export const REQUIRED_API = { set: "ExcelApi", version: "1.9" } as const;

/** ExcelApi 1.9 is in Microsoft 365, Office 2021/2024 (Windows, Mac), Excel on the web; not in Office 2016/2019 on Windows. */
export const REQUIREMENTS_MESSAGE =
  "Phiên bản Excel này chưa hỗ trợ ExcelApi 1.9. Phần bổ trợ chạy được trên Excel cho Microsoft 365, Excel 2021, Excel 2024 (Windows và Mac) và Excel trên web; Excel 2016 và Excel 2019 trên Windows không chạy được.";

/** Where an officer with an older Excel goes instead: the same page, opened in a browser. */
export function standalonePageAdvice(url: string): string {
  return `Với phiên bản Excel khác, hãy mở trang web độc lập ${url} bằng trình duyệt (Edge, Chrome, Firefox): tải tệp lên để kiểm tra, tổng hợp, và tải biểu mẫu về.`;
}

export interface RequirementCheck {
  ok: boolean;
  /** Missing requirement sets, e.g. "ExcelApi 1.9". */
  missing: string[];
  /** Vietnamese explanation for the user when something is missing. */
  message?: string;
}

function isSetSupported(set: string, version: string): boolean {
  if (typeof Office === "undefined") return false;
  const requirements = Office.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function") return false;
  try {
    return requirements.isSetSupported(set, version) === true;
  } catch {
    return false;
  }
}

/** Whether the host supports `ExcelApi <version>` (or `setName <version>`), e.g. supports("1.18") for cell notes. */
export function supports(version: string, setName = "ExcelApi"): boolean {
  return isSetSupported(setName, version);
}

export function checkRequirements(): RequirementCheck {
  if (isSetSupported(REQUIRED_API.set, REQUIRED_API.version)) return { ok: true, missing: [] };
  return { ok: false, missing: [`${REQUIRED_API.set} ${REQUIRED_API.version}`], message: REQUIREMENTS_MESSAGE };
}
