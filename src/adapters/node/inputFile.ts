import * as fs from "fs";
import { contentOf } from "../textContent";

/** Bytes of one input file at most: no report, package, rule set or unit list comes near it. */
export const INPUT_MAX_BYTES = 256 * 1024 * 1024;

/** An input that is not read, with the reason in Vietnamese. */
export class InputFileError extends Error {}

/**
 * The bytes of a file named on the command line, read only when it is a regular file: a FIFO would block
 * for ever, /dev/zero never ends, a directory is no file. It is opened without blocking, and its kind and
 * size are asked of the open descriptor, so what is read is what was checked. `what` names it in the
 * message ("tệp", "tệp kỳ trước", "danh sách đơn vị").
 */
export function readRegularFile(path: string, what = "tệp"): { bytes: Uint8Array; modified: number } {
  const refuse = (reason: string): never => {
    throw new InputFileError(`Không đọc ${what} “${path}”: ${reason}.`);
  };
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return refuse(openFailure(e));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) refuse(kindOf(stat));
    if (stat.size > INPUT_MAX_BYTES) refuse(`tệp lớn hơn ${INPUT_MAX_BYTES / 1024 / 1024} MB, quá lớn so với một báo cáo`);
    const bytes = Buffer.alloc(stat.size);
    for (let done = 0; done < bytes.length; ) {
      const n = fs.readSync(fd, bytes, done, bytes.length - done, done);
      // The file shrank while being read: what is there is what was written.
      if (n === 0) return { bytes: bytes.subarray(0, done), modified: stat.mtimeMs };
      done += n;
    }
    return { bytes, modified: stat.mtimeMs };
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    return refuse(openFailure(e));
  } finally {
    fs.closeSync(fd);
  }
}

/** A JSON file's text (UTF-8 or UTF-16, a byte order mark or none); `refuse` makes the caller's error. */
export function readJsonText(path: string, what: string, refuse: (message: string) => Error): string {
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(path, what).bytes;
  } catch (e) {
    throw e instanceof InputFileError ? refuse(e.message) : e;
  }
  const content = contentOf(bytes);
  if (content.kind === "text") return content.text;
  throw refuse(`Không đọc ${what} “${path}”: ${content.kind === "package" ? "đây là tệp nén (sổ Excel, văn bản Word…), không phải tệp JSON" : content.reason}.`);
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return "đây là một thư mục, không phải tệp";
  if (stat.isFIFO()) return "đây là một đường ống (FIFO), không phải tệp thường; cchc chỉ đọc tệp thường";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "đây là một thiết bị, không phải tệp thường; cchc chỉ đọc tệp thường";
  if (stat.isSocket()) return "đây là một socket, không phải tệp thường; cchc chỉ đọc tệp thường";
  return "đây không phải tệp thường";
}

/** Why a file could not be opened or read, in Vietnamese (Node's own messages are English). */
export function openFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "không có tệp này";
    case "EACCES":
    case "EPERM":
      return "không có quyền đọc";
    case "EISDIR":
      return "đây là một thư mục, không phải tệp";
    case "ENOTDIR":
      return "một phần của đường dẫn không phải thư mục";
    case "ELOOP":
      return "liên kết vòng quanh";
    case "ENAMETOOLONG":
      return "tên tệp quá dài";
    default:
      return code ? `lỗi hệ thống (mã lỗi ${code})` : "lỗi khi đọc";
  }
}
