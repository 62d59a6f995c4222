import { loadPackage } from "../adapters/node/packageFiles";
import { LoadedPackage } from "../core/package/package";

/** The package a command uses (`--package`, `--rules`), or a Vietnamese message on stderr and undefined. */
export function packageOrReport(file?: string, rules?: string): LoadedPackage | undefined {
  try {
    return loadPackage(file, rules);
  } catch (e) {
    console.error(e instanceof Error ? e.message : "Không đọc được bộ biểu mẫu.");
    return undefined;
  }
}
