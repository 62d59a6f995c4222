import { spawnSync } from "child_process";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsx } from "../src/adapters/xlsx/read";
import { STATUS_SHEET } from "../src/core/layout/mergeLayouts";
import { ensureCliBuilt, runCchc } from "./support/cli";
import { PLANNED_ID, elevenCopies } from "./support/copiedDistricts";

const tmp = mkdtempSync(join(tmpdir(), "cchc-identity-"));
const cchc = (...args: string[]) => runCchc(tmp, ...args);

beforeAll(ensureCliBuilt);

interface MergeJson {
  units: { name: string; file: string }[];
  unresolved: { file: string; candidates: { name: string; source: string }[]; reason: string }[];
  duplicates: { file: string; changed: { indicator: string; label: string; old: unknown; new: unknown }[] }[];
  indicators: { id: string; total: number | null; values: Record<string, number> }[];
}

/** What an officer does in Excel: types a unit into the "Đơn vị" cell of a file's row in the status sheet. */
function chooseInWorkbook(bytes: Uint8Array, file: string, unit: string): Uint8Array {
  const grids = readXlsx(bytes);
  const sheetIndex = grids.findIndex((g) => g.name === STATUS_SHEET);
  const row = grids[sheetIndex].rows.findIndex((r) => r[3]?.value === file) + 1;
  const parts = unzipSync(bytes);
  const path = `xl/worksheets/sheet${sheetIndex + 1}.xml`;
  const xml = strFromU8(parts[path]);
  const cell = new RegExp(`<c r="B${row}"([^>]*?)(/>|>.*?</c>)`);
  if (!cell.test(xml)) throw new Error(`no B${row}`);
  parts[path] = strToU8(xml.replace(cell, (_m, attrs: string) => `<c r="B${row}"${attrs.replace(/\s*t="[^"]*"/, "")} t="inlineStr"><is><t>${unit}</t></is></c>`));
  return zipSync(parts);
}

describe("cchc merge: who sent a file", () => {
  const copies = elevenCopies();
  const files = copies.map((c) => {
    const path = join(tmp, c.file);
    writeFileSync(path, c.bytes);
    return path;
  });
  const keSach = copies.find((c) => c.file === "huyen-ke-sach-q1-2023.xlsx")!;
  const myTu = copies.find((c) => c.file === "huyen-my-tu-q1-2023.xlsx")!;
  const planned = (j: MergeJson) => j.indicators.find((i) => i.id === PLANNED_ID)!;

  it("lists copied files as unresolved with their candidates, never as duplicates, and still writes the workbook", () => {
    const out = join(tmp, "tong-hop.xlsx");
    const r = cchc("merge", ...files, "-o", out, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as MergeJson;
    expect(j.units.map((u) => u.name)).toEqual(["Ủy ban nhân dân huyện Cù Lao Dung"]);
    expect(j.duplicates).toEqual([]);
    expect(j.unresolved).toHaveLength(10);
    const u = j.unresolved.find((x) => x.file === keSach.file)!;
    expect(u.candidates).toEqual([
      { name: "UBND huyện Kế Sách", source: "title" },
      { name: "UBND huyện Kế Sách", source: "fileName" },
      { name: "Huyện Cù Lao Dung", source: "title" },
      { name: "Ủy ban nhân dân huyện Cù Lao Dung", source: "title" },
    ]);
    expect(u.reason).toContain("khác nhau");
    expect(planned(j).total).toBe(copies.find((c) => c.name === "UBND huyện Cù Lao Dung")!.planned);
    expect(existsSync(out)).toBe(true);
  });

  it("prints JSON longer than a pipe's buffer in full through a shell pipe", () => {
    const r = spawnSync("sh", ["-c", `node "${join(__dirname, "..", "bin", "cchc.js")}" check "$@" --json | cat`, "sh", ...files], { encoding: "utf8" });
    expect(r.stdout.length).toBeGreaterThan(65536);
    expect(JSON.parse(r.stdout)).toHaveLength(11);
  });

  it("--assign resolves a file on the next merge", () => {
    const r = cchc("merge", ...files, "-o", join(tmp, "tong-hop-2.xlsx"), "--json", "--assign", `${keSach.file}=UBND huyện Kế Sách`);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as MergeJson;
    expect(j.units.map((x) => x.name).sort()).toEqual(["UBND huyện Kế Sách", "Ủy ban nhân dân huyện Cù Lao Dung"].sort());
    expect(j.unresolved.map((x) => x.file)).not.toContain(keSach.file);
    expect(planned(j).values["UBND huyện Kế Sách"]).toBe(keSach.planned);
    expect(cchc("merge", ...files, "-o", join(tmp, "x.xlsx"), "--assign", "khong-co-dau-bang").code).toBe(2);
    expect(cchc("merge", ...files, "-o", join(tmp, "x.xlsx"), "--assign", "khong-co.xlsx=UBND huyện Mỹ Tú").err).toContain("không có tệp “khong-co.xlsx”");
  });

  it("honours the choice stored in the consolidated workbook passed back with --units", () => {
    const first = join(tmp, "tong-hop-3.xlsx");
    expect(cchc("merge", ...files, "-o", first).code).toBe(0);
    const edited = join(tmp, "tong-hop-3-da-chon.xlsx");
    writeFileSync(edited, chooseInWorkbook(readFileSync(first), myTu.file, "UBND huyện Mỹ Tú"));
    const r = cchc("merge", ...files, "-o", join(tmp, "tong-hop-4.xlsx"), "--json", "--units", edited);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as MergeJson;
    const mine = j.units.find((x) => x.file === myTu.file);
    expect(mine?.name).toBe("UBND huyện Mỹ Tú");
    expect(planned(j).values["UBND huyện Mỹ Tú"]).toBe(myTu.planned);
    expect(j.unresolved).toHaveLength(9);
  });
});
