import { execFileSync, spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
export const BIN = join(ROOT, "bin", "cchc.js");

/** `npm ci` builds the CLI in `prepare`; build it here too when running the tests from a dirty tree. */
export function ensureCliBuilt(): void {
  if (!existsSync(join(ROOT, "dist-cli", "cchc.js"))) execFileSync("npm", ["run", "build:cli"], { cwd: ROOT });
}

/** Runs the `cchc` command in a child process from `cwd`. */
export function runCchc(cwd: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync("node", [BIN, ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A file's bytes as a hash, to assert that a command left an input unchanged. */
export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}
