import { OutputGuard } from "../adapters/node/outputFile";
import { nativeInflateRaw } from "../adapters/node/nativeZip";
import { readSheetNames, readXlsx } from "../adapters/xlsx/read";
import { Catalog } from "../core/catalog/catalog";
import { isValueRow } from "../core/catalog/schema";
import { isBlank } from "../core/grid";
import { UNITS_SHEET } from "../core/layout/mergeLayouts";
import { recognizeWorkbook } from "../core/recognize/recognize";

/** Guard of `merge -o` and `template -o`: an existing workbook is replaced only when cchc wrote it. */
export function workbookOutput(inputs: readonly string[], catalog: Catalog): OutputGuard {
  return { inputs, replaceable: { what: "tệp tổng hợp hay biểu mẫu trống", test: (bytes) => isOwnWorkbook(bytes, catalog) } };
}

/** Guard of `rules -o`: an existing file is replaced only when it is a rule set. */
export function ruleSetOutput(inputs: readonly string[]): OutputGuard {
  return { inputs, replaceable: { what: "tệp bộ quy tắc", test: isRuleSetJson } };
}

/** Guard of `package export|add-template -o`: an existing file is replaced only when it is a package. */
export function packageOutput(inputs: readonly string[]): OutputGuard {
  return { inputs, replaceable: { what: "tệp bộ biểu mẫu", test: (bytes) => isJsonWith(bytes, "templates") } };
}

/** A consolidated workbook (it has the units sheet), or a template with no value entered. */
function isOwnWorkbook(bytes: Uint8Array, catalog: Catalog): boolean {
  // A consolidation is known by its sheet names alone: reading its sheets would cost as much as a merge.
  if (readSheetNames(bytes, nativeInflateRaw).includes(UNITS_SHEET)) return true;
  const grids = readXlsx(bytes, nativeInflateRaw);
  const rec = recognizeWorkbook(grids, catalog);
  return rec.ok && !!rec.submission.identity && rec.submission.matched.every((m) => !isValueRow(m.templateRow) || isBlank(m.row.value));
}

function isRuleSetJson(bytes: Uint8Array): boolean {
  return isJsonWith(bytes, "rules");
}

/** A JSON object with a list under `key`: what cchc writes as a rule set ("rules") or a package ("templates"). */
function isJsonWith(bytes: Uint8Array, key: string): boolean {
  const data: unknown = JSON.parse(Buffer.from(bytes).toString("utf8").replace(/^\uFEFF/, ""));
  return typeof data === "object" && data !== null && Array.isArray((data as Record<string, unknown>)[key]);
}
