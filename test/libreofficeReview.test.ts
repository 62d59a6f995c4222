import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadBuiltinPackage } from "../src/adapters/node/packageFiles";
import { readXlsx } from "../src/adapters/xlsx/read";
import { writeXlsx } from "../src/adapters/xlsx/write";
import { proposeTemplate } from "../src/core/authoring/author";
import { buildReviewLayout } from "../src/core/authoring/review";
import { communeRows, communeSheetXlsx } from "./support/communeSheet";

/** The review sheet of an authored template opens in LibreOffice Calc with every row and rule. */
test("LibreOffice opens the review sheet", () => {
  const dir = mkdtempSync(join(tmpdir(), "cchc-lo-review-"));
  const builtin = loadBuiltinPackage();
  const sheet = readXlsx(communeSheetXlsx(communeRows(builtin.catalog.byId.get("cap-huyen-2023")!)))[0];
  const p = proposeTemplate(sheet, builtin, { unitType: "cap-xa", unitTypeLabel: "UBND cấp xã", version: "2026" });
  writeFileSync(join(dir, "ra-soat.xlsx"), writeXlsx([buildReviewLayout(p)]));
  const r = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, join(dir, "ra-soat.xlsx")], {
    encoding: "utf8",
    timeout: 180000,
  });
  if (r.error) throw new Error(`LibreOffice (soffice) không chạy được: ${r.error.message}`);
  const csv = readFileSync(join(dir, "ra-soat.csv"), "utf8");
  expect(csv).toContain("RÀ SOÁT BIỂU MẪU");
  expect(csv).toContain("Số thôn, ấp đã thành lập tổ công nghệ số cộng đồng");
  for (const rule of p.rules) expect(csv).toContain(rule.id);
  expect(csv.split("\n").filter((l) => l.includes("Mã mới")).length).toBe(p.stats.newIds);
}, 200000);
