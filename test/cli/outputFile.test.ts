import * as fs from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { OutputError, WriteFs, outputTarget, writeOutputFile } from "../../src/adapters/node/outputFile";

const dir = fs.mkdtempSync(join(tmpdir(), "cchc-output-"));

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The real file system, with one call replaced. */
function failing(call: keyof WriteFs, code: string, afterBytes = 0): WriteFs {
  const real: WriteFs = { openSync: fs.openSync, writeSync: fs.writeSync, fsyncSync: fs.fsyncSync, closeSync: fs.closeSync, renameSync: fs.renameSync, unlinkSync: fs.unlinkSync };
  if (call === "writeSync") {
    // A disk that fills up part way: some bytes reach the temporary file, then ENOSPC.
    let written = 0;
    const writeSync = ((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
      if (written >= afterBytes) throw errno(code);
      const n = Math.min(length ?? buffer.length, afterBytes - written);
      written += fs.writeSync(fd, buffer, offset ?? 0, n);
      return n;
    }) as WriteFs["writeSync"];
    return { ...real, writeSync };
  }
  return {
    ...real,
    [call]: () => {
      throw errno(code);
    },
  };
}

function leftovers(): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));
}

describe("writing an output file", () => {
  const target = join(dir, "tong-hop.xlsx");
  const old = Buffer.from("the previous consolidated workbook");

  beforeEach(() => {
    for (const f of fs.readdirSync(dir)) fs.rmSync(join(dir, f), { recursive: true });
    fs.writeFileSync(target, old);
  });

  it("replaces the previous file only once the new one is complete, and leaves no temporary file", () => {
    writeOutputFile(target, new Uint8Array(100_000).fill(7), { inputs: [] });
    expect(fs.readFileSync(target)).toEqual(Buffer.from(new Uint8Array(100_000).fill(7)));
    expect(leftovers()).toEqual([]);
  });

  it.each([
    ["writeSync", "ENOSPC", /Ổ đĩa đã đầy/],
    ["writeSync", "EDQUOT", /Ổ đĩa đã đầy/],
    ["fsyncSync", "EIO", /mã lỗi EIO/],
    ["renameSync", "EXDEV", /mã lỗi EXDEV/],
    ["openSync", "EACCES", /Không có quyền ghi/],
    ["openSync", "EPERM", /Không có quyền ghi/],
    ["openSync", "EROFS", /chỉ cho phép đọc/],
    ["openSync", "ENOSPC", /Ổ đĩa đã đầy/],
  ] as const)("a %s failing with %s leaves the previous file byte-identical and no temporary file", (call, code, message) => {
    const attempt = () => writeOutputFile(target, new Uint8Array(300_000).fill(1), { inputs: [] }, failing(call, code, 65_536));
    expect(attempt).toThrow(OutputError);
    expect(attempt).toThrow(message);
    expect(fs.readFileSync(target)).toEqual(old);
    expect(leftovers()).toEqual([]);
  });

  it("refuses a path that is an input however it is written, before writing anything", () => {
    const input = join(dir, "bao-cao.xlsx");
    fs.writeFileSync(input, "received");
    fs.symlinkSync(input, join(dir, "lien-ket.xlsx"));
    fs.linkSync(input, join(dir, "lien-ket-cung.xlsx"));
    for (const out of [input, join(dir, ".", "bao-cao.xlsx"), join(dir, "..", dir.split("/").pop()!, "bao-cao.xlsx"), join(dir, "lien-ket.xlsx"), join(dir, "lien-ket-cung.xlsx")]) {
      expect(() => writeOutputFile(out, "overwritten", { inputs: [input] })).toThrow(/chính là tệp đầu vào/);
    }
    expect(fs.readFileSync(input, "utf8")).toBe("received");
  });

  it("refuses a new path equal to an input that does not exist yet, and accepts other new paths", () => {
    expect(() => outputTarget(join(dir, "moi.xlsx"), { inputs: [join(dir, "sub", "..", "moi.xlsx")] })).toThrow(/chính là tệp đầu vào/);
    expect(outputTarget(join(dir, "moi.xlsx"), { inputs: [target] })).toBe(join(fs.realpathSync(dir), "moi.xlsx"));
  });

  it("writes through a symlink to a file that is not an input, keeping the link", () => {
    const real = join(dir, "that.xlsx");
    fs.writeFileSync(real, "old");
    fs.symlinkSync(real, join(dir, "link.xlsx"));
    writeOutputFile(join(dir, "link.xlsx"), "new", { inputs: [target] });
    expect(fs.lstatSync(join(dir, "link.xlsx")).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, "utf8")).toBe("new");
  });

  it("answers a missing folder, a folder that is a file, a directory target and a dangling link in Vietnamese", () => {
    expect(() => writeOutputFile(join(dir, "khong-co", "x.xlsx"), "x", { inputs: [] })).toThrow(/Không có thư mục “.*khong-co”/);
    expect(() => writeOutputFile(join(target, "x.xlsx"), "x", { inputs: [] })).toThrow(/không phải là thư mục/);
    expect(() => writeOutputFile(dir, "x", { inputs: [] })).toThrow(/là một thư mục, không phải tệp/);
    fs.symlinkSync(join(dir, "nowhere"), join(dir, "dangling.xlsx"));
    expect(() => writeOutputFile(join(dir, "dangling.xlsx"), "x", { inputs: [] })).toThrow(/liên kết tới tệp không tồn tại/);
    expect(fs.existsSync(join(dir, "nowhere"))).toBe(false);
  });

  it("replaces an existing file only when the guard says it is of the kind the command writes (or empty)", () => {
    const guard = { inputs: [], replaceable: { what: "tệp tổng hợp", test: (b: Uint8Array) => Buffer.from(b).toString() === "ours" } };
    expect(() => writeOutputFile(target, "new", guard)).toThrow(/đã có và không phải tệp tổng hợp do cchc tạo/);
    expect(fs.readFileSync(target)).toEqual(old);
    fs.writeFileSync(target, "ours");
    writeOutputFile(target, "new", guard);
    fs.writeFileSync(target, "");
    writeOutputFile(target, "newer", guard);
    expect(fs.readFileSync(target, "utf8")).toBe("newer");
    // A guard that cannot read the file (it throws) keeps the file.
    expect(() => writeOutputFile(target, "x", { inputs: [], replaceable: { what: "tệp tổng hợp", test: () => JSON.parse("{") as boolean } })).toThrow(OutputError);
    expect(fs.readFileSync(target, "utf8")).toBe("newer");
  });

  it("keeps the permissions of the file it replaces", () => {
    fs.chmodSync(target, 0o640);
    writeOutputFile(target, "new", { inputs: [] });
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
  });
});
