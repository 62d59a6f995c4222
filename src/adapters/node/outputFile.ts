import * as nodeFs from "fs";
import { basename, dirname, join, resolve } from "path";

/** A refused or failed output, with a Vietnamese message for the officer. */
export class OutputError extends Error {}

/**
 * What an output may not touch: the command's inputs (every file it reads), and an existing file that is
 * not of the kind the command writes (`replaceable` says which existing bytes it may replace; an empty
 * file always may). A received report sitting where the output goes is thereby kept.
 */
export interface OutputGuard {
  inputs: readonly string[];
  replaceable?: { what: string; test: (existing: Uint8Array) => boolean };
}

/** The file system calls a write goes through; tests replace one to simulate a full disk. */
export type WriteFs = Pick<typeof nodeFs, "openSync" | "writeSync" | "fsyncSync" | "closeSync" | "renameSync" | "unlinkSync">;

/**
 * Writes every CLI output: refuses a path that is one of the command's inputs, then writes a temporary
 * file in the same folder, flushes it to disk and renames it into place, so a failed or interrupted write
 * leaves the previous file as it was.
 */
export function writeOutputFile(output: string, data: Uint8Array | string, guard: OutputGuard, fs: WriteFs = nodeFs): void {
  const target = outputTarget(output, guard);
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  // Unique enough with the process id, the time and a random part; "wx" refuses a name that exists.
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  removedOnSignal(tmp, fs);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, "wx", existingMode(target));
    for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
    temporaries.delete(tmp);
  } catch (e) {
    if (fd !== undefined) ignore(() => fs.closeSync(fd!));
    ignore(() => fs.unlinkSync(tmp));
    temporaries.delete(tmp);
    throw new OutputError(writeFailure(output, e));
  }
  // The rename itself survives a power cut only once the folder is flushed too (not possible everywhere).
  ignore(() => {
    const dir = nodeFs.openSync(dirname(target), "r");
    try {
      nodeFs.fsyncSync(dir);
    } finally {
      nodeFs.closeSync(dir);
    }
  });
}

/**
 * The real file an output path writes to, after refusing it when it is one of the inputs. Existing paths
 * are compared by device and inode (same path written differently, symlinks, hard links, a name differing
 * only in case on a case-insensitive disk); a new path by the real path of its folder plus its name.
 */
export function outputTarget(output: string, { inputs, replaceable }: OutputGuard): string {
  const stat = statOrUndefined(output);
  if (!stat && isSymlink(output)) throw new OutputError(`Tệp kết quả “${output}” là một liên kết tới tệp không tồn tại; hãy chọn tên khác.`);
  if (stat?.isDirectory()) throw new OutputError(`“${output}” là một thư mục, không phải tệp; hãy ghi rõ tên tệp kết quả.`);
  // Only a regular file is ever replaced: a FIFO or a device (/dev/null) stays what it is.
  if (stat && !stat.isFile())
    throw new OutputError(`“${output}” là ${stat.isFIFO() ? "một đường ống (FIFO)" : stat.isSocket() ? "một socket" : "một thiết bị"}, không phải tệp thường; cchc chỉ ghi đè tệp thường. Hãy chọn tên tệp kết quả khác.`);
  const folder = dirname(resolve(output));
  const folderStat = statOrUndefined(folder);
  if (!folderStat) throw new OutputError(`Không có thư mục “${dirname(output)}” để ghi tệp kết quả “${output}”; hãy tạo thư mục trước.`);
  if (!folderStat.isDirectory()) throw new OutputError(`“${dirname(output)}” không phải là thư mục; không ghi được tệp kết quả “${output}”.`);
  const target = stat ? nodeFs.realpathSync(output) : join(nodeFs.realpathSync(folder), basename(output));
  for (const input of inputs) {
    const s = statOrUndefined(input);
    const same = stat && s ? stat.dev === s.dev && stat.ino === s.ino : !stat && !s && realOrResolved(input) === target;
    if (same) {
      throw new OutputError(
        `Tệp kết quả “${output}” chính là tệp đầu vào “${input}”; ghi vào đó sẽ mất dữ liệu của tệp đầu vào. Hãy chọn tên tệp kết quả khác.`,
      );
    }
  }
  if (stat && stat.size > 0 && replaceable && !replaceableFile(target, stat, replaceable.test)) {
    throw new OutputError(
      `Tệp “${output}” đã có và không phải ${replaceable.what} do cchc tạo (có thể là báo cáo nhận được); cchc không ghi đè lên tệp này. Hãy chọn tên tệp kết quả khác, hoặc tự xóa tệp đó nếu chắc chắn không cần.`,
    );
  }
  return target;
}

/** Files larger than this are never something cchc wrote and may replace (no need to read them). */
const REPLACEABLE_MAX_BYTES = 64 * 1024 * 1024;

function replaceableFile(path: string, stat: nodeFs.Stats, test: (existing: Uint8Array) => boolean): boolean {
  if (stat.size > REPLACEABLE_MAX_BYTES) return false;
  try {
    return test(nodeFs.readFileSync(path));
  } catch {
    return false;
  }
}

function writeFailure(output: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const where = `“${output}”`;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      // The folder was there when checked: it went away, or it is one that allows no new files (/proc).
      return `Không tạo được tệp kết quả ${where}: thư mục không còn hoặc không cho phép tạo tệp mới; hãy chọn thư mục khác.`;
    case "EACCES":
    case "EPERM":
      return `Không có quyền ghi tệp kết quả ${where}; hãy chọn thư mục khác hoặc xin quyền ghi.`;
    case "ENOSPC":
    case "EDQUOT":
      return `Ổ đĩa đã đầy, không ghi được tệp kết quả ${where}; tệp cũ (nếu có) vẫn giữ nguyên. Hãy giải phóng dung lượng rồi chạy lại.`;
    case "EROFS":
      return `Ổ đĩa chỉ cho phép đọc, không ghi được tệp kết quả ${where}; hãy chọn thư mục khác.`;
    case "EISDIR":
      return `${where} là một thư mục, không phải tệp; hãy ghi rõ tên tệp kết quả.`;
    case "ENAMETOOLONG":
      return `Tên tệp kết quả ${where} quá dài.`;
    default:
      return `Không ghi được tệp kết quả ${where}${code ? ` (mã lỗi ${code})` : ""}; tệp cũ (nếu có) vẫn giữ nguyên.`;
  }
}

function statOrUndefined(path: string): nodeFs.Stats | undefined {
  try {
    return nodeFs.statSync(path);
  } catch {
    return undefined;
  }
}

function isSymlink(path: string): boolean {
  try {
    return nodeFs.lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A path that does not exist (an input that could not be read) compared by its folder's real path. */
function realOrResolved(path: string): string {
  try {
    return join(nodeFs.realpathSync(dirname(resolve(path))), basename(path));
  } catch {
    return resolve(path);
  }
}

/** Keeps the permissions of the file being replaced; a new file gets the default (umask applies). */
function existingMode(path: string): number {
  return (statOrUndefined(path)?.mode ?? 0o666) & 0o777;
}

/** Temporary files being written; removed if the process is told to stop (Ctrl+C, SIGTERM) before they are renamed. */
const temporaries = new Set<string>();
let signalsHandled = false;

/**
 * From the first output on, SIGINT and SIGTERM no longer end the process at once: the synchronous write
 * under way finishes (renamed into place or removed), then the temporaries left are removed and the
 * process ends with the signal's usual exit code.
 */
function removedOnSignal(tmp: string, fs: WriteFs): void {
  temporaries.add(tmp);
  if (signalsHandled) return;
  signalsHandled = true;
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.on(signal, () => {
      for (const t of temporaries) ignore(() => fs.unlinkSync(t));
      temporaries.clear();
      process.stderr.write("Đã dừng theo yêu cầu; không để lại tệp tạm.\n");
      process.exit(code);
    });
  }
}

function ignore(f: () => void): void {
  try {
    f();
  } catch {
    // Cleanup after a failure already being reported.
  }
}
