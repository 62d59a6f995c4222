/** The Excel API level the add-in needs: RangeAreas, page layout, sheet protection options. */
export const REQUIRED_API = { set: "ExcelApi", version: "1.9" } as const;

export const REQUIREMENTS_MESSAGE =
  "Phiên bản Excel này chưa hỗ trợ ExcelApi 1.9 (cần Excel 2019/Microsoft 365 trở lên hoặc Excel trên web). Hãy cập nhật Excel.";

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
