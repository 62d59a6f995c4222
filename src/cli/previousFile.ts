import { basename } from "path";
import { nativeInflateRaw } from "../adapters/node/nativeZip";
import { InputFileError, readRegularFile } from "../adapters/node/inputFile";
import { contentOf } from "../adapters/textContent";
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
    bytes = readRegularFile(file, "tệp kỳ trước").bytes;
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    return { kind: "unreadable", reason: e.message };
  }
  // Told by content: a report saved under another name is read, a text file is said to be one.
  const content = contentOf(bytes);
  if (content.kind === "text")
    return { kind: "unreadable", reason: `Tệp kỳ trước “${file}” là văn bản, không phải báo cáo hay sổ tổng hợp (.xlsx, .docx, .ods).` };
  try {
    return previousFromGrids(readReceivedFile(bytes, basename(file), nativeInflateRaw).grids, catalog, ruleSet, basename(file));
  } catch (e) {
    return { kind: "unreadable", reason: `Không đọc được tệp kỳ trước “${file}”: ${e instanceof XlsxReadError || e instanceof ReceivedFileError || e instanceof FileLimitError ? e.message : "tệp bị hỏng."}` };
  }
}
