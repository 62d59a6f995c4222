import { readFileSync } from "fs";
import { basename } from "path";
import { nativeInflateRaw } from "../adapters/node/nativeZip";
import { XlsxReadError } from "../adapters/xlsx/read";
import { readReceivedFile } from "../adapters/receivedFile";
import { ReceivedFileError } from "../adapters/readErrors";
import { FileLimitError } from "../adapters/limits";
import { Catalog } from "../core/catalog/catalog";
import { PreviousSource, previousFromGrids } from "../core/compare/source";
import { RuleSet } from "../core/rules/schema";

/** The file given to --previous, read once: a unit's earlier report or a consolidated workbook. */
export function readPreviousFile(file: string, catalog: Catalog, ruleSet: RuleSet): PreviousSource {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return { kind: "unreadable", reason: `Không mở được tệp kỳ trước “${file}”.` };
  }
  try {
    return previousFromGrids(readReceivedFile(bytes, basename(file), nativeInflateRaw).grids, catalog, ruleSet, basename(file));
  } catch (e) {
    return { kind: "unreadable", reason: `Không đọc được tệp kỳ trước “${file}”: ${e instanceof XlsxReadError || e instanceof ReceivedFileError || e instanceof FileLimitError ? e.message : "tệp bị hỏng."}` };
  }
}
