import { spawnSync } from "child_process";
import { closeSync, constants, copyFileSync, lstatSync, mkdtempSync, openSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { BIN, ensureCliBuilt } from "../support/cli";
import { FIXTURES, WORKBOOKS } from "../support/data";
import { xlsx } from "../support/package";

/*
 * Inputs and outputs that are not regular files, signals while writing, and standard output that fails.
 * Every special file here is made by the test in its own folder (mkfifo); real devices are only read
 * (/dev/zero) or written through a descriptor the test opens (/dev/full), never named as an output.
 */
const dir = mkdtempSync(join(tmpdir(), "cchc-special-"));
const good = join(WORKBOOKS, `${FIXTURES.nongNghiep}.xlsx`);
const ENGLISH = /\b(Error|at [A-Za-z]|ENOSPC:|EPIPE:|node:internal)\b/;

function run(args: string[], opts: { stdout?: number; env?: NodeJS.ProcessEnv; preload?: string } = {}) {
  const r = spawnSync("node", [...(opts.preload ? ["--require", opts.preload] : []), BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
    stdio: ["ignore", opts.stdout ?? "pipe", "pipe"],
    env: { ...process.env, ...opts.env },
  });
  return { code: r.status, signal: r.signal, out: r.stdout ?? "", err: r.stderr ?? "" };
}

function fifo(name: string): string {
  const path = join(dir, name);
  const r = spawnSync("mkfifo", [path]);
  expect(r.status).toBe(0);
  return path;
}

beforeAll(() => ensureCliBuilt());

describe("inputs that are not regular files", () => {
  it("a FIFO and /dev/zero are refused with a reason, and the report beside them is still checked", () => {
    const pipe = fifo("dau-vao.xlsx");
    const r = run(["check", pipe, "/dev/zero", good, "--json"]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    const reports = JSON.parse(r.out) as { file: string; error?: string; findings: unknown[] }[];
    expect(reports.map((x) => x.error ?? "ok")).toEqual([
      expect.stringMatching(/là một đường ống \(FIFO\), không phải tệp thường/),
      expect.stringMatching(/là một thiết bị, không phải tệp thường/),
      "ok",
    ]);
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });

  it("a folder holding a FIFO: its reports are read, the FIFO is left alone", () => {
    const r = run(["check", dir, "--json"]);
    expect(r.signal).toBeNull();
    expect(r.out).not.toContain("dau-vao.xlsx");
    expect(lstatSync(join(dir, "dau-vao.xlsx")).isFIFO()).toBe(true);
  });

  it("a FIFO as --units, --previous or --package is refused without waiting on it", () => {
    const pipe = fifo("danh-sach.txt");
    for (const option of ["--units", "--previous", "--package"]) {
      const r = run(["merge", good, "-o", join(dir, "out.xlsx"), option, pipe]);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/đường ống \(FIFO\), không phải tệp thường/);
    }
  });
});

describe("outputs replace only regular files", () => {
  it("-o onto a FIFO is refused and the FIFO stays a FIFO", () => {
    const pipe = fifo("ket-qua.xlsx");
    const r = run(["merge", good, "-o", pipe]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/là một đường ống \(FIFO\), không phải tệp thường; cchc chỉ ghi đè tệp thường/);
    expect(lstatSync(pipe).isFIFO()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("a signal while the output is written", () => {
  it("SIGTERM during the write leaves no temporary file; the previous output stays whole or is replaced whole", () => {
    const out = join(dir, "tong-hop.xlsx");
    copyFileSync(good, join(dir, "ban-cu.xlsx"));
    // The process signals itself as it writes the first bytes of its temporary file.
    const preload = join(dir, "signal-on-write.js");
    writeFileSync(
      preload,
      `const fs = require("fs"); const open = fs.openSync, write = fs.writeSync; const tmp = new Set(); let sent = false;
       fs.openSync = function (p, ...rest) { const fd = open.call(fs, p, ...rest); if (String(p).endsWith(".tmp")) tmp.add(fd); return fd; };
       fs.writeSync = function (fd, ...rest) { if (tmp.has(fd) && !sent) { sent = true; process.kill(process.pid, "SIGTERM"); } return write.call(fs, fd, ...rest); };`,
    );
    const r = run(["merge", good, "-o", out], { preload });
    expect(r.code).toBe(143);
    expect(r.err).toMatch(/Đã dừng theo yêu cầu/);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("standard output that fails", () => {
  it("a full disk (/dev/full) ends with a Vietnamese message, exit 2, no stack trace", () => {
    const full = openSync("/dev/full", "w");
    try {
      const r = run(["check", good, "--json"], { stdout: full });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^Không ghi được kết quả ra đầu ra chuẩn: ổ đĩa đã đầy; dừng\.$/m);
      expect(r.err).not.toMatch(ENGLISH);
    } finally {
      closeSync(full);
    }
    expect(lstatSync("/dev/full").isCharacterDevice()).toBe(true);
  });

  it("a pipe whose reader is gone ends with a Vietnamese message, exit 2, no stack trace", () => {
    const pipe = fifo("dong-roi");
    // Both ends opened without blocking, then the reader closed: every write gets EPIPE.
    const reader = openSync(pipe, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK);
    closeSync(reader);
    try {
      const r = run(["check", good, good, "--json"], { stdout: writer });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/nơi nhận \(đường ống\) đã đóng trước khi cchc in xong/);
      expect(r.err).not.toMatch(ENGLISH);
    } finally {
      closeSync(writer);
    }
  });
});

describe("argument files told by content", () => {
  const names = ["Sở Nông nghiệp và PTNT", "Sở Văn hóa, Thể thao và Du lịch Quảng Trị"];
  const missingOf = (r: { out: string }) => (JSON.parse(r.out) as { missing: string[] }).missing;

  it.each([
    ["UTF-16 LE with a mark", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(names.join("\r\n"), "utf16le")])],
    ["UTF-16 LE without a mark", Buffer.from(names.join("\n"), "utf16le")],
    ["UTF-16 BE with a mark", Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(names.join("\n"), "utf16le").swap16()]))],
    ["UTF-8 with a mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(names.join("\n"))])],
  ])("a unit list in %s", (_kind, bytes) => {
    const list = join(dir, "don-vi.txt");
    writeFileSync(list, bytes);
    const r = run(["merge", good, "-o", join(dir, "tong-hop-16.xlsx"), "--units", list, "--json"]);
    expect(r.code).toBe(0);
    expect(missingOf(r)).toEqual([names[1]]);
  });

  it("a consolidated workbook saved without its extension is read as a workbook, not as 100 binary units", () => {
    const out = join(dir, "tong-hop-truoc.xlsx");
    const list = join(dir, "tong-hop-truoc.bak");
    writeFileSync(list, names.join("\n"));
    expect(run(["merge", good, "-o", out, "--units", list]).code).toBe(0);
    copyFileSync(out, join(dir, "danh-sach-don-vi"));
    const r = run(["merge", good, "-o", join(dir, "tong-hop-sau.xlsx"), "--units", join(dir, "danh-sach-don-vi"), "--json"]);
    expect(r.code).toBe(0);
    expect(missingOf(r)).toEqual([names[1]]);
  });

  it("a binary file as a unit list is refused", () => {
    const list = join(dir, "rac.txt");
    writeFileSync(list, Buffer.from([0x00, 0x01, 0x02, 0x03, 0xc3, 0x28, 0xff, 0x00, 0x10]));
    const r = run(["merge", good, "-o", join(dir, "x.xlsx"), "--units", list]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Không đọc được danh sách đơn vị “.*rac\.txt”: tệp (không phải văn bản|chứa ký tự điều khiển)/);
  });

  it("--assign to a unit not on the list is refused with the closest listed name", () => {
    const list = join(dir, "don-vi-gan.txt");
    writeFileSync(list, names.join("\n"));
    const r = run(["merge", good, "-o", join(dir, "gan.xlsx"), "--units", list, "--assign", `${FIXTURES.nongNghiep}.xlsx=Sở Văn hóa, Thể thao và Du lịch Quảng Trịị`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/không có đơn vị “Sở Văn hóa, Thể thao và Du lịch Quảng Trịị” trong danh sách đơn vị.*Có phải “Sở Văn hóa, Thể thao và Du lịch Quảng Trị”\?/);
  });
});

describe("terminal output escaped", () => {
  it("package add-template prints the review through the escaping function", () => {
    const strings = ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú", "Hồ sơ", "Số hồ sơ _x001B_[31mđỏ_x0007_ tiếp \u202enhận", "Số hồ sơ đã giải quyết đúng hạn", "Số thủ tục hành chính được công bố"];
    const cell = (ref: string, s: number) => `<c r="${ref}" t="s"><v>${s}</v></c>`;
    const row = (r: number, label: number, value: number) => `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c>${cell(`B${r}`, label)}${cell(`C${r}`, 5)}<c r="D${r}"><v>${value}</v></c></row>`;
    const sheet = xlsx({
      sharedStrings: strings,
      sheets: { S: `<row r="1">${[0, 1, 2, 3, 4].map((s, i) => cell(`${"ABCDE"[i]}1`, s)).join("")}</row>${row(2, 6, 12)}${row(3, 7, 9)}${row(4, 8, 40)}` },
    });
    const file = join(dir, "bieu-moi.xlsx");
    writeFileSync(file, sheet);
    const r = run(["package", "add-template", file, "--unit-type", "xa-qt", "--unit-type-label", "Xã (Quảng Trị)", "--version", "2026", "-o", join(dir, "goi.json")]);
    const printed = r.out + r.err;
    for (const raw of ["\u001b", "\u0007", "\u202e"]) expect(printed).not.toContain(raw);
    expect(printed).toMatch(/\\x1b\[31mđỏ\\x07 tiếp \\u202enhận/);
  });
});
