/*
 * Conformance of the .xlsx reader with openpyxl, cell by cell. Not part of `npm test`:
 *   npm run conformance -- <folder>
 * reads every .xlsx/.xlsm/.xltx/.xltm in <folder> with our reader and with openpyxl
 * (load_workbook(read_only=False, data_only=True)), and prints the files we refuse that openpyxl reads,
 * and the cells that differ, with totals.
 *
 * Normalisation, both ways (a cell is compared as one of these):
 * - empty: no cell, null, or the empty string (openpyxl turns `<v></v>` into None, we skip it too);
 *   a formula without a cached value is empty on both sides (openpyxl: None; we: null + uncomputed);
 * - boolean: true/false;
 * - number: compared with a relative tolerance of 1e-9 (Python and JavaScript both round the same
 *   decimal text correctly; the tolerance only absorbs date round trips);
 * - dates and times: openpyxl turns date-formatted serials and `t="d"` cells into datetime/time/
 *   timedelta; the Python side turns them back into serials of Excel's 1900 date system with openpyxl's
 *   own to_excel, since our grid keeps the serial number and its format, a 1904 workbook's dates counted
 *   in the 1900 system as every grid is;
 * - strings (text, shared, inline, rich text, formula results, error codes like "#DIV/0!"): exact.
 *
 * Differences that are openpyxl's, not ours, are counted apart with their reason (KNOWN below).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { nativeInflateRaw } from "../src/adapters/node/nativeZip";
import { XlsxReadError, readXlsx } from "../src/adapters/xlsx/read";
import { CellValue, Grid, address } from "../src/core/grid";

type Norm = { kind: "empty" } | { kind: "bool"; v: boolean } | { kind: "num"; v: number; date?: boolean } | { kind: "str"; v: string };
type PyCell = { b?: boolean; n?: number; d?: number; s?: string };

const PYTHON = String.raw`
import sys, json, datetime, warnings, resource, signal
warnings.simplefilter("ignore")
# Some files are bombs on purpose (poc-shared-strings.xlsx took openpyxl past 20 GB): bound it.
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
def timeout(signum, frame):
    raise TimeoutError("more than 60 s")
signal.signal(signal.SIGALRM, timeout)
import openpyxl
from openpyxl.utils.datetime import to_excel

def norm(v):
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return {"b": v}
    if isinstance(v, (int, float)):
        return {"n": v}
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        return {"d": to_excel(v)}
    return {"s": str(v)}

out = open(sys.argv[1], "w")
for path in sys.argv[2:]:
    signal.alarm(60)
    try:
        wb = openpyxl.load_workbook(path, read_only=False, data_only=True)
        sheets = []
        for ws in wb.worksheets:
            cells = []
            for (r, c), cell in ws._cells.items():
                n = norm(cell.value)
                if n is not None:
                    cells.append([r - 1, c - 1, n])
            sheets.append({"title": ws.title, "cells": cells})
        strict = False
        try:
            import zipfile
            with zipfile.ZipFile(path) as z:
                strict = any(b"purl.oclc.org/ooxml/spreadsheetml/main" in z.read(n) for n in z.namelist() if n.lower().endswith("workbook.xml"))
        except Exception:
            pass
        out.write(json.dumps({"path": path, "sheets": sheets, "strict": strict}) + "\n")
    except (Exception, MemoryError) as e:
        out.write(json.dumps({"path": path, "error": type(e).__name__ + ": " + str(e)[:200]}) + "\n")
    signal.alarm(0)
    out.flush()
`;

interface PyResult {
  path: string;
  error?: string;
  sheets?: { title: string; cells: [number, number, PyCell][] }[];
  strict?: boolean;
}

/**
 * Differences that are openpyxl's error, recognised by shape. Each returns its reason or undefined.
 * - ST_Xstring escapes: Excel turns `_x000D_` in a string into a carriage return (ECMA-376 Part 1,
 *   22.9.2.19); openpyxl 3.0 leaves the escape in the text (it only removes "x005F_").
 * - Out-of-range dates: openpyxl replaces a date-formatted number it cannot turn into a datetime by
 *   "#VALUE!"; Excel keeps the number (and shows ####).
 */
const KNOWN: ((ours: Norm, theirs: Norm) => string | undefined)[] = [
  (ours, theirs) =>
    ours.kind === "str" && theirs.kind === "str" && decodeXstring(theirs.v.replace(/x005F_/g, "")) === ours.v
      ? "openpyxl giữ nguyên mã _xHHHH_ (Excel giải mã thành ký tự)"
      : undefined,
  (ours, theirs) => (ours.kind === "num" && theirs.kind === "str" && theirs.v === "#VALUE!" ? "openpyxl đổi số ngày ngoài khoảng thành #VALUE!" : undefined),
];

/** Single cells where openpyxl is wrong, by file and address, with the reason. */
const KNOWN_CELLS: Record<string, string> = {
  "52575_main.xlsx!A2":
    "LibreOffice ghi kết quả công thức chữ là <c t=\"inlineStr\"><v>…</v>; openpyxl bỏ qua <v> của ô inlineStr (Apache POI và Excel đọc “POI rocks!”)",
  "sample-beta.xlsx!*":
    "các trang dùng không gian tên của bản thử Office 2007 (http://schemas.microsoft.com/office/excel/2006/2); openpyxl bỏ qua mọi phần tử trong đó và trả về trang trống",
};

/** Files we refuse on purpose although openpyxl returns something, with the reason. */
const DELIBERATE: Record<string, string> = {
  "duplicate-filename.xlsx": "hai mục cùng tên trong tệp nén: zipfile của Python lặng lẽ lấy bản sau, chương trình khác lấy bản đầu",
  "duplicate-filename-case-insensitive.xlsx": "hai mục trùng tên (không phân biệt hoa thường, như OPC quy định) trong tệp nén",
};

function decodeXstring(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function ours(v: CellValue | undefined): Norm {
  if (v === null || v === undefined || v === "") return { kind: "empty" };
  if (typeof v === "boolean") return { kind: "bool", v };
  if (typeof v === "number") return { kind: "num", v };
  return { kind: "str", v };
}

function theirs(x: PyCell | undefined): Norm {
  if (!x) return { kind: "empty" };
  if (x.b !== undefined) return { kind: "bool", v: x.b };
  if (x.n !== undefined) return { kind: "num", v: x.n };
  if (x.d !== undefined) return { kind: "num", v: x.d, date: true };
  return x.s ? { kind: "str", v: x.s } : { kind: "empty" };
}

function same(a: Norm, b: Norm): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "num" && b.kind === "num") {
    // openpyxl's datetime round trip keeps about a millisecond (2e-8 of a day); plain numbers are exact.
    if (a.date || b.date) return Math.abs(a.v - b.v) <= 2e-8;
    return a.v === b.v || Math.abs(a.v - b.v) <= 1e-12 * Math.max(Math.abs(a.v), Math.abs(b.v));
  }
  return a.kind === "empty" || (a as { v: unknown }).v === (b as { v: unknown }).v;
}

const show = (n: Norm): string => (n.kind === "empty" ? "(trống)" : JSON.stringify(n.v).slice(0, 80));

function main(): number {
  const folder = process.argv[2];
  if (!folder) {
    console.error("Cách dùng: npm run conformance -- <thư-mục>");
    return 2;
  }
  const files = readdirSync(folder)
    .filter((f) => /\.(xlsx|xlsm|xltx|xltm)$/i.test(f))
    .sort()
    .map((f) => join(folder, f));
  const tmp = mkdtempSync(join(tmpdir(), "cchc-conformance-"));
  const pyOut = join(tmp, "openpyxl.jsonl");
  const pyScript = join(tmp, "load.py");
  writeFileSync(pyScript, PYTHON);
  const py = spawnSync("/usr/bin/python3", [pyScript, pyOut, ...files], { encoding: "utf8", stdio: ["ignore", "inherit", "inherit"] });
  if (py.status !== 0) {
    console.error("openpyxl không chạy được (apt-get install python3-openpyxl).");
    return 2;
  }
  const reference = new Map<string, PyResult>();
  for (const line of readFileSync(pyOut, "utf8").split("\n")) if (line) reference.set((JSON.parse(line) as PyResult).path, JSON.parse(line) as PyResult);
  rmSync(tmp, { recursive: true, force: true });

  let refusedByUs = 0;
  let refusedByBoth = 0;
  let refusedByThem = 0;
  let deliberate = 0;
  let strictOnlyUs = 0;
  let compared = 0;
  let differing = 0;
  let known = 0;
  const knownReasons = new Map<string, number>();
  for (const file of files) {
    const name = file.slice(folder.length).replace(/^\//, "");
    const ref = reference.get(file);
    let grids: Grid[] | undefined;
    let reason = "";
    try {
      grids = readXlsx(readFileSync(file), nativeInflateRaw, { hiddenSheets: true });
    } catch (e) {
      reason = e instanceof XlsxReadError ? e.message : `LỖI CHƯƠNG TRÌNH: ${String(e)}`;
    }
    if (!grids) {
      if (ref?.sheets && DELIBERATE[name]) {
        deliberate++;
        console.log(`từ chối có chủ ý: ${name}: ${reason} | vì ${DELIBERATE[name]}`);
      } else if (ref?.sheets) {
        refusedByUs++;
        console.log(`TỪ CHỐI (openpyxl đọc được): ${name}: ${reason}`);
      } else {
        refusedByBoth++;
        console.log(`cả hai từ chối: ${name}: ${reason} | openpyxl: ${ref?.error ?? "?"}`);
      }
      continue;
    }
    if (!ref?.sheets) {
      refusedByThem++;
      console.log(`chỉ openpyxl từ chối: ${name}: ${ref?.error ?? "?"}`);
      continue;
    }
    if (ref.strict && ref.sheets.length === 0) {
      strictOnlyUs++;
      console.log(`OOXML strict, openpyxl không đọc được trang nào: ${name}: cchc đọc ${grids.length} trang`);
      continue;
    }
    const byTitle = new Map(grids.map((g) => [g.name, g]));
    for (const sheet of ref.sheets) {
      const grid = byTitle.get(sheet.title);
      if (!grid) {
        console.log(`THIẾU TRANG: ${name}: “${sheet.title}” (${sheet.cells.length} ô theo openpyxl)`);
        differing += sheet.cells.length;
        continue;
      }
      byTitle.delete(sheet.title);
      const theirCells = new Map<string, Norm>();
      for (const [r, c, v] of sheet.cells) theirCells.set(`${r},${c}`, theirs(v));
      const keys = new Set(theirCells.keys());
      grid.rows.forEach((row, r) => row.forEach((cell, c) => cell && keys.add(`${r},${c}`)));
      for (const key of keys) {
        const [r, c] = key.split(",").map(Number);
        const a = ours(grid.rows[r]?.[c]?.value);
        const b = theirCells.get(key) ?? ({ kind: "empty" } as const);
        if (a.kind === "empty" && b.kind === "empty") continue;
        compared++;
        if (same(a, b)) continue;
        const why = KNOWN_CELLS[`${name}!${address(r, c)}`] ?? KNOWN_CELLS[`${name}!*`] ?? KNOWN.map((k) => k(a, b)).find((x) => x);
        if (why) {
          known++;
          knownReasons.set(why, (knownReasons.get(why) ?? 0) + 1);
          continue;
        }
        differing++;
        console.log(`KHÁC: ${name} “${sheet.title}”!${address(r, c)}: cchc ${show(a)} | openpyxl ${show(b)}`);
      }
    }
    for (const g of byTitle.values()) if (g.rows.some((row) => row.some((c) => c && c.value !== null && c.value !== ""))) console.log(`TRANG THỪA: ${name}: “${g.name}”`);
  }
  console.log("");
  console.log(
    `Tệp: ${files.length}; cchc từ chối mà openpyxl đọc được: ${refusedByUs}; từ chối có chủ ý: ${deliberate}; cả hai từ chối: ${refusedByBoth}; chỉ openpyxl từ chối: ${refusedByThem}; OOXML strict openpyxl không đọc: ${strictOnlyUs}.`,
  );
  console.log(`Ô so sánh: ${compared}; khác: ${differing}; khác do lỗi của openpyxl: ${known}.`);
  for (const [why, n] of knownReasons) console.log(`  ${n} ô: ${why}`);
  return refusedByUs === 0 && differing === 0 ? 0 : 1;
}

process.exitCode = main();
