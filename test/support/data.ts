import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { loadCatalog } from "../../src/adapters/node/catalogFiles";
import { loadRuleSet } from "../../src/adapters/node/ruleFiles";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { CheckResult, checkGrids } from "../../src/core/check/check";

export const catalog = loadCatalog();
export const ruleSet = loadRuleSet();
export const WORKBOOKS = join(__dirname, "..", "fixtures", "workbooks");
export const SEEDS = join(__dirname, "..", "fixtures", "seeds");

export function fixture(name: string): Uint8Array {
  return readFileSync(join(WORKBOOKS, name));
}

export function seedText(prefix: string): string {
  const f = readdirSync(SEEDS).find((x) => x.startsWith(prefix));
  if (!f) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(SEEDS, f), "utf8");
}

export function checkFixture(name: string): Extract<CheckResult, { ok: true }> {
  const r = checkGrids(readXlsx(fixture(name)), catalog, ruleSet, name);
  if (!r.ok) throw new Error(r.reason);
  return r;
}

export const FIXTURES = {
  nongNghiep: "000-so-nong-nghiep-q1-2023",
  thongTin: "001-so-thong-tin-nam-2023",
  taiChinh: "002-so-tai-chinh-q1-2021",
  cuLaoDung: "003-huyen-cu-lao-dung-q1-2023",
  taiNguyen: "004-so-tai-nguyen-khanh-hoa-2023",
} as const;
