import { readFileSync } from "fs";
import { ParseArgsConfig, parseArgs } from "util";
import { visibleText } from "../core/text";

/** Wrong use of the command (unknown option, missing value…): answered with the message and the usage, exit 2. */
export class UsageError extends Error {}

/**
 * `util.parseArgs` with its English errors told in Vietnamese. Every command parses its options here.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    throw new UsageError(usageMessage(e));
  }
}

function usageMessage(e: unknown): string {
  const code = (e as { code?: string } | undefined)?.code;
  const message = e instanceof Error ? e.message : "";
  // The option or argument is the first quoted name in Node's message: "Unknown option '--foo'".
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  const name = quoted.split(/,\s*/).pop()?.replace(/ <value>$/, "") ?? quoted;
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `Không có tùy chọn “${quoted}”.`;
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
  process.stdout.write(visibleText(text) + "\n");
}

export function complain(text: string): void {
  process.stderr.write(visibleText(text) + "\n");
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}

/** The bytes of a file named on the command line, or undefined after saying in Vietnamese that it cannot be opened. */
export function readInputFile(file: string): Uint8Array | undefined {
  try {
    return readFileSync(file);
  } catch {
    complain(`Không mở được tệp “${file}”.`);
    return undefined;
  }
}
