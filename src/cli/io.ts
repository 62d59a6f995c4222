import { existsSync, writeSync } from "fs";
import { ParseArgsConfig, parseArgs } from "util";
import { visibleText } from "../core/text";
import { InputFileError, readRegularFile } from "../adapters/node/inputFile";

/** Wrong use of the command (unknown option, missing value…): answered with the message and the usage, exit 2. */
export class UsageError extends Error {}

/**
 * `util.parseArgs` with its English errors told in Vietnamese. Every command parses its options here.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    throw new UsageError(usageMessage(e, config.args ?? []));
  }
}

function usageMessage(e: unknown, args: readonly string[]): string {
  const code = (e as { code?: string } | undefined)?.code;
  const message = e instanceof Error ? e.message : "";
  // The option or argument is the first quoted name in Node's message: "Unknown option '--foo'".
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  const name = quoted.split(/,\s*/).pop()?.replace(/ <value>$/, "") ?? quoted;
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      // A file whose name begins with "-" ("-bao-cao.xlsx") reads as options: say how to name it.
      const file = args.find((a) => a.startsWith(quoted) && existsSync(a));
      const hint = file ? ` “${file}” là một tệp: hãy viết ./${file} hoặc đặt sau -- (ví dụ: cchc check -- ${file}).` : "";
      return `Không có tùy chọn “${quoted}”.${hint}`;
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return message.includes("does not take an argument") ? `Tùy chọn “${name}” không nhận giá trị.` : `Tùy chọn “${name}” cần một giá trị ngay sau nó.`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `Lệnh này không nhận đối số “${quoted}”.`;
    default:
      return `Cách gọi lệnh không hợp lệ${message ? ` (${message})` : ""}.`;
  }
}

/**
 * Everything the CLI prints goes through these two: text from received files (unit names, sheet names,
 * notes, file names) may hold control or bidi characters, shown as escapes instead of acting on the terminal.
 * JSON output is written with `printJson` unchanged (JSON.stringify escapes control characters itself).
 */
export function say(text = ""): void {
  out(visibleText(text) + "\n");
}

/** Text of several lines (a review, the usage), each line as `say` would print it. */
export function sayLines(text: string): void {
  out(visibleText(text, "lines"));
}

export function complain(text: string): void {
  process.stderr.write(visibleText(text) + "\n");
}

/** Text of several lines on standard error (a usage), each line as `complain` would print it. */
export function complainLines(text: string): void {
  process.stderr.write(visibleText(text, "lines"));
}

/** JSON text as is, but for characters a terminal acts on, shown as JSON's own escapes. */
export function printJsonText(json: string): void {
  out(visibleText(json, "json"));
}

function out(text: string): void {
  try {
    process.stdout.write(text);
  } catch (e) {
    // A file or device as standard output is written synchronously: its errors are thrown here.
    stdoutFailed(e as NodeJS.ErrnoException);
  }
}

/**
 * A write error on the standard output (a full disk, a pipe closed by `head`) ends the command with a
 * Vietnamese message and exit code 2, not with Node's English stack trace.
 */
export function stopOnOutputErrors(): void {
  // Before any other listener: this one ends the process.
  process.stdout.prependListener("error", stdoutFailed);
  process.stderr.prependListener("error", () => process.exit(2));
}

function stdoutFailed(e: NodeJS.ErrnoException): never {
  const why = e.code === "EPIPE" ? "nơi nhận (đường ống) đã đóng trước khi cchc in xong" : e.code === "ENOSPC" ? "ổ đĩa đã đầy" : `lỗi ghi${e.code ? ` (mã lỗi ${e.code})` : ""}`;
  try {
    writeSync(2, `Không ghi được kết quả ra đầu ra chuẩn: ${why}; dừng.\n`);
  } catch {
    // Standard error is gone too: the exit code says it.
  }
  process.exit(2);
}

export function printJson(value: unknown): void {
  printJsonText(JSON.stringify(value, null, 2) + "\n");
}

/** The bytes of a file named on the command line, or undefined after saying in Vietnamese that it cannot be opened. */
export function readInputFile(file: string): Uint8Array | undefined {
  try {
    return readRegularFile(file).bytes;
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    complain(e.message);
    return undefined;
  }
}
