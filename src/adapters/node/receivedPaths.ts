import * as fs from "fs";
import { basename, dirname, join } from "path";
import { compareVi } from "../../core/text";

/** The received files a command reads, and what it says about the paths it was given. */
export interface ReceivedPaths {
  files: string[];
  notes: string[];
}

/** Excel and Word keep "~$name" beside a file while it is open: its owner's name, a few hundred bytes. */
const OWNER_FILE_MAX_BYTES = 4096;

/**
 * The received files named on the command line. A folder stands for the files in it and its sub-folders
 * (in name order; hidden files and the "~$" files of an open workbook left out, as are `others`: the
 * command's output and argument files kept there); a name with * or ? that names no file is matched in
 * its folder, as Windows' command prompt leaves the pattern to the program, and a name that names no file
 * is looked for in its other Unicode form (composed or decomposed). One file named twice
 * (another path, a link) is read once, and an open workbook's "~$" file is no report: both are said.
 */
export function receivedPaths(args: readonly string[], others: readonly (string | undefined)[]): ReceivedPaths {
  const notes: string[] = [];
  const excluded = new Set(others.flatMap((p) => (p ? [identity(p)].filter((x): x is string => !!x) : [])));
  const seen = new Map<string, string>();
  const files: string[] = [];
  const add = (file: string) => {
    const id = identity(file);
    const first = id && seen.get(id);
    if (first) {
      notes.push(`“${file}” là cùng một tệp với “${first}”; chỉ đọc một lần.`);
      return;
    }
    if (id) seen.set(id, file);
    files.push(file);
  };
  for (const arg of args) {
    const stat = statOrUndefined(arg);
    if (stat?.isDirectory()) {
      const found: string[] = [];
      const skipped = walk(arg, found, excluded);
      if (skipped) notes.push(`Thư mục “${arg}”: bỏ qua ${skipped} tệp ẩn hoặc tệp tạm (“~$…” của sổ đang mở).`);
      if (!found.length) notes.push(`Thư mục “${arg}” không có tệp nào để đọc.`);
      found.forEach(add);
    } else if (!stat && /[*?]/.test(basename(arg))) {
      const matched = matching(arg, excluded);
      if (!matched.length) notes.push(`Không có tệp nào khớp “${arg}”.`);
      matched.forEach(add);
    } else if (stat?.isFile() && isOwnerFile(arg, stat)) {
      notes.push(`“${arg}” là tệp tạm Excel/Word tạo ra khi một tệp đang mở, không phải báo cáo; bỏ qua.`);
    } else add(stat ? arg : (sameNameOtherwiseWritten(arg) ?? arg));
  }
  return { files, notes };
}

/** Adds the files below `dir` to `found`; returns how many hidden or "~$" files it left out. */
function walk(dir: string, found: string[], excluded: ReadonlySet<string>): number {
  let skipped = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    // An unreadable folder is told by the reader, as a file it cannot open.
    found.push(dir);
    return 0;
  }
  for (const e of entries.sort((a, b) => compareVi(a.name, b.name))) {
    const path = join(dir, e.name);
    if (e.name.startsWith(".") || e.name.startsWith("~$")) {
      skipped++;
      continue;
    }
    // Folders behind links are not followed: a link to a parent would never end.
    if (e.isDirectory()) skipped += walk(path, found, excluded);
    // Only regular files: a FIFO or a device in a folder is no report (and reading it could wait for ever).
    else if (e.isFile() || (e.isSymbolicLink() && statOrUndefined(path)?.isFile())) {
      const id = identity(path);
      if (!id || !excluded.has(id)) found.push(path);
    }
  }
  return skipped;
}

/** The files of a folder whose names match a * and ? pattern, case aside (as on Windows). */
function matching(pattern: string, excluded: ReadonlySet<string>): string[] {
  const dir = dirname(pattern);
  const source = basename(pattern)
    .normalize("NFC")
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  const re = new RegExp(`^${source}$`, "iu");
  const found: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  for (const name of names.sort(compareVi)) {
    const path = join(dir, name);
    if (name.startsWith("~$") || name.startsWith(".") || !re.test(name.normalize("NFC")) || !statOrUndefined(path)?.isFile()) continue;
    const id = identity(path);
    if (!id || !excluded.has(id)) found.push(path);
  }
  return found;
}

/**
 * The file a name means when it is written in another Unicode form than on the disk: a Mac or a zip tool
 * stores "Xã" decomposed, a name typed or pasted is composed, and Linux compares the bytes.
 */
function sameNameOtherwiseWritten(path: string): string | undefined {
  const wanted = basename(path).normalize("NFC");
  try {
    const name = fs.readdirSync(dirname(path)).find((n) => n.normalize("NFC") === wanted);
    return name === undefined ? undefined : join(dirname(path), name);
  } catch {
    return undefined;
  }
}

function isOwnerFile(path: string, stat: fs.Stats): boolean {
  return basename(path).startsWith("~$") && stat.size <= OWNER_FILE_MAX_BYTES;
}

/** Device and inode: one file however it is reached. */
function identity(path: string): string | undefined {
  const s = statOrUndefined(path);
  return s ? `${s.dev}:${s.ino}` : undefined;
}

function statOrUndefined(path: string): fs.Stats | undefined {
  try {
    return fs.statSync(path);
  } catch {
    return undefined;
  }
}
