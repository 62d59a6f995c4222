import { loadPackage } from "../adapters/node/packageFiles";
import { LoadedPackage } from "../core/package/package";
import { complain } from "./io";

/** The package a command uses (`--package`, `--rules`), or a Vietnamese message on stderr and undefined. */
export function packageOrReport(file?: string, rules?: string): LoadedPackage | undefined {
  try {
    return loadPackage(file, rules);
  } catch (e) {
    complain(e instanceof Error ? e.message : "Không đọc được bộ biểu mẫu.");
    return undefined;
  }
}
