import { Catalog } from "../../core/catalog/catalog";
import { CheckResult, checkGrids } from "../../core/check/check";
import { RuleSet } from "../../core/rules/schema";
import { XlsxReadError, readXlsx } from "./read";
import { InflateRaw } from "./zip";

/** Reads and checks one received .xlsx; an unreadable file becomes a result with its Vietnamese reason. */
export function checkXlsx(bytes: Uint8Array, fileName: string, catalog: Catalog, ruleSet: RuleSet, inflateRaw?: InflateRaw): CheckResult {
  try {
    return checkGrids(readXlsx(bytes, inflateRaw), catalog, ruleSet, fileName);
  } catch (e) {
    if (e instanceof XlsxReadError) return { ok: false, fileName, reason: e.message };
    // Anything else a damaged file can trigger is reported the same way, never thrown at the officer.
    return { ok: false, fileName, reason: "Tệp bị hỏng, không đọc được." };
  }
}
