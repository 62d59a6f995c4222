/**
 * Issue 14 (CLI half): nothing a mistyped command or a received file can do loses data. Every case runs the
 * real CLI in a child process and checks the Vietnamese message, the exit code and that inputs are unchanged.
 */
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { syntheticSubmission } from "../../scripts/syntheticSubmissions";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { DEFAULT_RULES_FILE } from "../../src/adapters/node/ruleFiles";
import { isValueRow } from "../../src/core/catalog/schema";
import { NOTE_COLUMN, TEMPLATE_FIRST_DATA_ROW, VALUE_COLUMN, buildTemplateLayout } from "../../src/core/layout/templateLayout";
import { BIN, ensureCliBuilt, runCchc, sha256 } from "../support/cli";
import { FIXTURES, WORKBOOKS, catalog } from "../support/data";

// Each case starts the CLI in child processes; on a loaded machine that takes seconds, never a failure.
jest.setTimeout(300_000);

const tmp = mkdtempSync(join(tmpdir(), "cchc-safety-"));
const run = (...args: string[]) => runCchc(tmp, ...args);
const report = join(tmp, "bao-cao.xlsx");
const second = join(tmp, "bao-cao-2.xlsx");
const units = join(tmp, "don-vi.txt");

beforeAll(() => {
  ensureCliBuilt();
  copyFileSync(join(WORKBOOKS, `${FIXTURES.nongNghiep}.xlsx`), report);
  copyFileSync(join(WORKBOOKS, `${FIXTURES.cuLaoDung}.xlsx`), second);
  writeFileSync(units, "Sở Nông nghiệp và PTNT\nỦy ban nhân dân huyện Cù Lao Dung\n");
});

/** Runs `f` and asserts every named file has the same bytes afterwards. */
function unchanged<T>(files: string[], f: () => T): T {
  const before = files.map(sha256);
  const result = f();
  expect(files.map(sha256)).toEqual(before);
  return result;
}

const REFUSED = /Tệp kết quả “.*” chính là tệp đầu vào “.*”; ghi vào đó sẽ mất dữ liệu của tệp đầu vào\. Hãy chọn tên tệp kết quả khác\./;

describe("an output that is an input is refused, whatever path names it", () => {
  beforeAll(() => {
    symlinkSync(report, join(tmp, "lien-ket.xlsx"));
    linkSync(report, join(tmp, "lien-ket-cung.xlsx"));
    mkdirSync(join(tmp, "sub"));
  });

  it.each([
    ["the same path", "bao-cao.xlsx"],
    ["an absolute path", report],
    ["a ../ path", join("sub", "..", "bao-cao.xlsx")],
    ["a path through another folder", relative(join(tmp, "sub"), report)],
    ["a symlink to it", "lien-ket.xlsx"],
    ["a hard link to it", "lien-ket-cung.xlsx"],
  ])("merge -o %s: exit 2, Vietnamese reason, every input byte-identical", (_, out) => {
    const r = unchanged([report, second, units], () =>
      spawnSync("node", [BIN, "merge", report, second, "--units", units, "-o", out], { cwd: out.startsWith("..") ? join(tmp, "sub") : tmp, encoding: "utf8" }),
    );
    expect([r.status, r.stderr]).toEqual([2, expect.stringMatching(REFUSED)]);
    expect(r.stdout).toBe("");
  });

  it("merge --units L -o L: refused, the units list unchanged", () => {
    const r = unchanged([report, units], () => run("merge", report, "--units", units, "-o", units));
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(REFUSED)]);
  });

  it("merge --rules R -o R and rules --rules R -o R: refused, the rule set unchanged", () => {
    const rules = join(tmp, "quy-tac.json");
    copyFileSync(DEFAULT_RULES_FILE, rules);
    const m = unchanged([report, rules], () => run("merge", report, "--rules", rules, "-o", rules));
    expect([m.code, m.err]).toEqual([2, expect.stringMatching(REFUSED)]);
    const r = unchanged([rules], () => run("rules", "--rules", rules, "-o", rules));
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(REFUSED)]);
    // The built-in rule set is an input of `rules` too.
    const d = unchanged([DEFAULT_RULES_FILE], () => run("rules", "-o", DEFAULT_RULES_FILE));
    expect([d.code, d.err]).toEqual([2, expect.stringMatching(REFUSED)]);
  });

  it("rules -o <a received report given as input>: refused", () => {
    const r = unchanged([report], () => run("rules", "--rules", report, "-o", report));
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(REFUSED)]);
  });

  it("convert R -o R: refused", () => {
    const r = unchanged([report], () => run("convert", report, "-o", report));
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(REFUSED)]);
  });

  it("a merge whose output is a new file next to the inputs still works, and re-running it replaces the output", () => {
    const out = join(tmp, "tong-hop.xlsx");
    for (let i = 0; i < 2; i++) {
      const r = unchanged([report, second, units], () => run("merge", report, second, "--units", units, "-o", out));
      expect([r.code, r.out]).toEqual([0, expect.stringContaining("Đã tổng hợp 2 đơn vị")]);
    }
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("an existing file is replaced only when cchc wrote it", () => {
  it.each([
    ["merge", (out: string) => ["merge", second, "-o", out], "tệp tổng hợp hay biểu mẫu trống"],
    ["template", (out: string) => ["template", "--template", "so-nganh-2023", "-o", out], "tệp tổng hợp hay biểu mẫu trống"],
    ["rules", (out: string) => ["rules", "-o", out], "tệp bộ quy tắc"],
    ["convert", (out: string) => ["convert", join(tmp, "bao-cao-word.docx"), "-o", out], "tệp tổng hợp hay biểu mẫu trống"],
  ])("%s -o <a received report that is not an input>: refused, the report unchanged", (_, args, what) => {
    const r = unchanged([report, second], () => run(...args(report)));
    expect([r.code, r.err]).toEqual([2, expect.stringContaining(`Tệp “${report}” đã có và không phải ${what} do cchc tạo`)]);
  });

  it("a blank template, a consolidated workbook and a rule set are replaced by the same command run again", () => {
    for (const args of [
      ["template", "--template", "so-nganh-2023", "-o", "mau-lai.xlsx"],
      ["merge", report, "-o", "tong-hop-lai.xlsx"],
      ["rules", "-o", "quy-tac-lai.json"],
    ]) {
      expect(run(...args).code).toBe(0);
      const again = run(...args);
      expect([again.code, again.err]).toEqual([0, ""]);
    }
  });
});

describe("an output folder that cannot take the file", () => {
  it("a missing folder: exit 2, Vietnamese, nothing created", () => {
    const r = unchanged([report], () => run("merge", report, "-o", join(tmp, "chua-tao", "tong-hop.xlsx")));
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("Không có thư mục “")]);
    expect(existsSync(join(tmp, "chua-tao"))).toBe(false);
  });

  it("a 'folder' that is a file (ENOTDIR): exit 2, Vietnamese", () => {
    const r = unchanged([report], () => run("template", "--template", "so-nganh-2023", "-o", join(report, "mau.xlsx")));
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("không phải là thư mục")]);
  });

  it("a folder that refuses new files even to root (sysfs answers EACCES): exit 2, Vietnamese", () => {
    // Tests run as root, so chmod cannot make a folder unwritable; sysfs refuses file creation to root too.
    // A read-only file system (EROFS) and a full disk (ENOSPC) are simulated in outputFile.test.ts.
    const r = unchanged([report], () => run("merge", report, "-o", "/sys/tong-hop.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Không có quyền ghi tệp kết quả “\/sys\/tong-hop\.xlsx”|chỉ cho phép đọc/);
  });

  it.each([
    ["ENOSPC", "Ổ đĩa đã đầy, không ghi được tệp kết quả “tong-hop-cu.xlsx”; tệp cũ (nếu có) vẫn giữ nguyên."],
    ["EROFS", "Ổ đĩa chỉ cho phép đọc, không ghi được tệp kết quả “tong-hop-cu.xlsx”"],
    ["EACCES", "Không có quyền ghi tệp kết quả “tong-hop-cu.xlsx”"],
  ])("the disk failing with %s (simulated in the real CLI's file system): exit 2, the previous output byte-identical, no temporary file", (code, message) => {
    const out = join(tmp, "tong-hop-cu.xlsx");
    if (!existsSync(out)) expect(run("merge", report, "-o", out).code).toBe(0);
    const r = unchanged([out, report, second], () =>
      spawnSync("node", ["--require", join(__dirname, "..", "support", "failingFs.js"), BIN, "merge", report, second, "-o", "tong-hop-cu.xlsx"], {
        cwd: tmp,
        encoding: "utf8",
        env: { ...process.env, CCHC_FAIL: code },
      }),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a folder given as the output: exit 2, Vietnamese", () => {
    const r = run("rules", "-o", tmp);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("là một thư mục, không phải tệp")]);
  });
});

describe("wrong usage is answered in Vietnamese with the usage, exit 2", () => {
  it.each([
    [["merge", "bao-cao.xlsx", "--ouput", "x.xlsx"], "Không có tùy chọn “--ouput”."],
    [["check", "bao-cao.xlsx", "-x"], "Không có tùy chọn “-x”."],
    [["merge", "bao-cao.xlsx", "-o"], "Tùy chọn “--output” cần một giá trị ngay sau nó."],
    [["merge", "bao-cao.xlsx", "-o", "--json"], "Tùy chọn “-o” cần một giá trị ngay sau nó."],
    [["templates", "--json=yes"], "Tùy chọn “--json” không nhận giá trị."],
    [["templates", "thua.xlsx"], "Lệnh này không nhận đối số “thua.xlsx”."],
    [["tong-hop"], "Không có lệnh “tong-hop”."],
    [["merge", "bao-cao.xlsx"], "Thiếu tên tệp kết quả (-o <tệp.xlsx>)."],
  ])("cchc %j", (args, message) => {
    const r = unchanged([report], () => run(...args));
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe(message);
    expect(r.err).toContain("Cách dùng:");
    expect(r.err).not.toMatch(/Unknown|Unexpected|argument|Option/);
  });
});

describe("rule sets are checked against the templates", () => {
  const rulesText = readFileSync(DEFAULT_RULES_FILE, "utf8");

  it("a rule set with a typo in every indicator ID is refused, naming the rule and the unknown indicator", () => {
    const typo = join(tmp, "quy-tac-sai-ma.json");
    const rs = JSON.parse(rulesText) as { rules: Record<string, unknown>[] };
    const misspell = (v: unknown): unknown => (typeof v === "string" ? v.replace(/^([a-z]+)\./, "$1.x") : Array.isArray(v) ? v.map(misspell) : v);
    const fields = ["left", "right", "rate", "numerator", "denominator", "coded", "details"];
    rs.rules = rs.rules.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fields.includes(k) ? misspell(v) : v])));
    writeFileSync(typo, JSON.stringify(rs, null, 2));
    const first = rs.rules.find((r) => r.type === "compare")! as { id: string; left: string[] };
    const r = unchanged([typo, report], () => run("check", report, "--rules", typo));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/không hợp lệ: quy tắc “[^”]+” \(trường “\w+”\) nêu chỉ tiêu “[a-z]+\.x[^”]*” không có trong biểu mẫu nào/);
    expect(first.left[0]).toMatch(/^[a-z]+\.x/);
    expect(r.out).not.toContain("0 lỗi");
  });

  it.each([
    ["the rules are an object", (rs: Record<string, unknown>) => ({ ...rs, rules: {} }), "Trường “rules”: cần một danh sách [ … ], không phải một đối tượng { … }."],
    ["a rule is a list", (rs: { rules: unknown[] }) => ({ ...rs, rules: [["x"], ...rs.rules.slice(1)] }), "Quy tắc thứ 1: cần một đối tượng { … }, không phải một danh sách [ … ]."],
    [
      "a rule's left side is text",
      (rs: { rules: { id: string; type: string; left?: unknown }[] }) => ({ ...rs, rules: rs.rules.map((r) => (r.id === "van-ban.dien-tu+song-song-giay<=tong" ? { ...r, left: "vb.dien_tu" } : r)) }),
      "Quy tắc “van-ban.dien-tu+song-song-giay<=tong”, trường “left”: cần một danh sách [ … ], không phải một chuỗi ký tự.",
    ],
    [
      "a rule has an unknown type",
      (rs: { rules: { id: string; type: string }[] }) => ({ ...rs, rules: rs.rules.map((r) => (r.id === "van-ban.dien-tu+song-song-giay<=tong" ? { ...r, type: "so-sanh" } : r)) }),
      "Quy tắc “van-ban.dien-tu+song-song-giay<=tong”, trường “type”: phải là một trong: “compare”, “rate”, “codedDetails”, “blankTotal”, “overlap”, “previous”, “structure” (đang là “so-sanh”).",
    ],
    [
      "a rule misses its operator",
      (rs: { rules: { id: string; operator?: string }[] }) => ({ ...rs, rules: rs.rules.map(({ operator, ...r }) => (r.id === "van-ban.dien-tu+song-song-giay<=tong" ? r : { ...r, operator })) }),
      "Quy tắc “van-ban.dien-tu+song-song-giay<=tong”, trường “operator”: thiếu",
    ],
  ])("wrong shape (%s): a Vietnamese sentence naming the rule and the field", (_, change, message) => {
    const file = join(tmp, "quy-tac-sai-dang.json");
    writeFileSync(file, JSON.stringify(change(JSON.parse(rulesText))));
    const r = unchanged([file, report], () => run("check", report, "--rules", file));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/Expected|received|Required|Invalid/);
  });

  it("a rule set saved with a UTF-8 BOM is accepted", () => {
    const bom = join(tmp, "quy-tac-bom.json");
    writeFileSync(bom, "\uFEFF" + rulesText);
    const r = unchanged([bom, report], () => run("check", report, "--rules", bom, "--json"));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)[0].findings.length).toBeGreaterThan(0);
  });
});

/** A genuine submission whose texts carry terminal control and bidi characters, as a hostile writer would. */
function hostileWorkbook(): Uint8Array {
  const t = catalog.byId.get("so-nganh-2023")!;
  const layout = buildTemplateLayout(t, { period: { kind: "q1", year: 2023 }, unitName: "Sở Thử «ESC»]0;pwned«BEL»\u009b2J\u202egnân" });
  layout.name = "Phụ lục\u2067x";
  const rows = t.rows.map((row, i) => ({ row, i })).filter(({ row }) => isValueRow(row) && row.kind === "count");
  // A value cell quoting text, and a block shifted right whose note cell the message quotes.
  layout.rows[TEMPLATE_FIRST_DATA_ROW + rows[0].i][VALUE_COLUMN].value = "12«ESC»[2J";
  const shifted = layout.rows[TEMPLATE_FIRST_DATA_ROW + rows[1].i];
  shifted[VALUE_COLUMN].value = isValueRow(rows[1].row) ? rows[1].row.unit : "";
  shifted[VALUE_COLUMN - 1].value = "";
  shifted[NOTE_COLUMN].value = "5 «ESC»[31mđỏ«CR»«NUL»\u0085\u007f";
  layout.protect = false;
  const files = unzipSync(writeXlsx([layout]));
  for (const name of Object.keys(files)) {
    if (!name.endsWith(".xml")) continue;
    // The writer drops characters XML forbids; a hostile file has them in SpreadsheetML's _xHHHH_ escapes.
    files[name] = strToU8(strFromU8(files[name]).replace(/«ESC»/g, "_x001B_").replace(/«BEL»/g, "_x0007_").replace(/«CR»/g, "_x000D_").replace(/«NUL»/g, "_x0000_"));
  }
  return zipSync(files);
}

/** Characters a terminal acts on or reorders, other than the newlines between lines. */
function controls(out: string): number[] {
  const bidi = [0x061c, 0x200e, 0x200f, 0x2028, 0x2029];
  return [...out]
    .map((c) => c.codePointAt(0)!)
    .filter((c) => (c < 0x20 && c !== 0x0a && c !== 0x09) || (c >= 0x7f && c <= 0x9f) || bidi.includes(c) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
}

describe("text from files reaches the terminal with its control characters made visible", () => {
  const file = join(tmp, "doc-hai.xlsx");
  beforeAll(() => writeFileSync(file, hostileWorkbook()));

  it("check prints the unit name, sheet name, quoted cell and note escaped", () => {
    const r = unchanged([file], () => run("check", file));
    expect(r.code).toBe(1);
    const out = r.out;
    expect(out).toContain("Sở Thử \\x1b]0;pwned\\x07\\x9b2J\\u202egnân");
    expect(out).toContain("Phụ lục\\u2067x");
    expect(out).toContain("12\\x1b[2J");
    expect(out).toContain("5 \\x1b[31mđỏ\\x0d\\x00\\x85\\x7f");
    // Nothing a terminal would act on: only newlines separate lines, no other C0, C1 or bidi control.
    expect(controls(out)).toEqual([]);
  });

  it("merge prints the unit names escaped; --json keeps the exact text", () => {
    const units2 = join(tmp, "don-vi-2.txt");
    writeFileSync(units2, "Sở \u202eY tế\n");
    const text = unchanged([file, units2], () => run("merge", file, "--units", units2, "-o", join(tmp, "th-hai.xlsx")));
    expect(text.code).toBe(0);
    // The unit is not in the list, so the file is unresolved and its reason quotes the name from the file.
    expect(text.out).toContain("Đơn vị lạ “Sở Thử \\x1b]0;pwned\\x07");
    expect(text.out).toContain("Chưa nộp (1): Sở \\u202eY tế");
    expect(controls(text.out)).toEqual([]);
    const json = run("merge", file, "--units", units2, "-o", join(tmp, "th-hai-2.xlsx"), "--json");
    const j = JSON.parse(json.out) as { unresolved: { candidates: { name: string }[] }[]; missing: string[] };
    expect(j.unresolved[0].candidates[0].name).toContain("Sở Thử \u001b]0;pwned\u0007");
    expect(j.missing).toEqual(["Sở \u202eY tế"]);
  });
});

describe("--json through a pipe", () => {
  it("is complete at 150 units (the output is far beyond a pipe's 64 KB buffer)", () => {
    const dir = join(tmp, "nop-150");
    mkdirSync(dir);
    const t = catalog.byId.get("so-nganh-2023")!;
    for (let i = 0; i < 150; i++) writeFileSync(join(dir, `don-vi-${i}.xlsx`), syntheticSubmission(t, `Sở thử nghiệm số ${i + 1}`, i, { kind: "q1", year: 2024 }));
    const before = readdirSync(dir).map((f) => sha256(join(dir, f)));
    const reader = `const s=require("fs").readFileSync(0,"utf8");const j=JSON.parse(s);console.log(s.length+" "+j.units.length)`;
    const r = spawnSync("bash", ["-c", `set -o pipefail; node "${BIN}" merge "${dir}"/*.xlsx -o "${join(tmp, "tong-hop-150.xlsx")}" --json | node -e '${reader}'`], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const [length, count] = r.stdout.trim().split(" ").map(Number);
    expect(count).toBe(150);
    expect(length).toBeGreaterThan(4 * 65_536);
    expect(readdirSync(dir).map((f) => sha256(join(dir, f)))).toEqual(before);
  });
});
