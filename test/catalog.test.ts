import { loadCatalog, readJsonDir, CATALOG_DIR } from "../src/adapters/node/catalogFiles";
import { Template } from "../src/core/catalog/schema";
import { join } from "path";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { loadRuleSet } from "../src/adapters/node/ruleFiles";
import { readXlsx } from "../src/adapters/xlsx/read";
import { writeXlsx } from "../src/adapters/xlsx/write";
import { checkGrids } from "../src/core/check/check";
import { buildTemplateLayout } from "../src/core/layout/templateLayout";

describe("template catalog", () => {
  const files = readJsonDir(join(CATALOG_DIR, "templates"));

  it.each(files.map((f) => [f.name, f.data] as const))("%s is valid against the zod schema", (_name, data) => {
    const r = Template.safeParse(data);
    if (!r.success) throw new Error(JSON.stringify(r.error.issues.slice(0, 10), null, 1));
  });

  it("loads as one catalog with unique template IDs and unique indicator IDs per template", () => {
    const c = loadCatalog();
    expect(c.templates.length).toBe(files.length);
  });
});

describe("adding a template is adding a data file", () => {
  const files = readJsonDir(join(CATALOG_DIR, "templates"));

  it("a commune template dropped into the folder is loaded, inserted, recognised and checked", () => {
    const dir = mkdtempSync(join(tmpdir(), "cchc-catalog-"));
    for (const f of files) writeFileSync(join(dir, f.name), JSON.stringify(f.data));
    const base = files.find((f) => f.name === "cap-huyen-2023.json")!.data as Template;
    const commune: Template = {
      ...base,
      id: "cap-xa-2025",
      unitType: "cap-xa",
      unitTypeLabel: "UBND cấp xã",
      version: "2025",
      name: "UBND cấp xã — mẫu 2025",
      rows: base.rows.slice(0, 60),
    };
    writeFileSync(join(dir, "cap-xa-2025.json"), JSON.stringify(commune));
    const catalog = loadCatalog(dir);
    expect(catalog.byId.get("cap-xa-2025")?.unitTypeLabel).toBe("UBND cấp xã");
    const bytes = writeXlsx([buildTemplateLayout(catalog.byId.get("cap-xa-2025")!, { period: { kind: "q3", year: 2025 }, unitName: "UBND xã An Lạc" })]);
    const r = checkGrids(readXlsx(bytes), catalog, loadRuleSet(), "xa.xlsx");
    if (!r.ok) throw new Error(r.reason);
    expect(r.submission.template.id).toBe("cap-xa-2025");
    expect(r.submission.unitName).toBe("UBND xã An Lạc");
  });

  it("rejects a broken template file with a Vietnamese message naming the problem", () => {
    const dir = mkdtempSync(join(tmpdir(), "cchc-catalog-"));
    writeFileSync(join(dir, "hong.json"), JSON.stringify({ id: "x", rows: [] }));
    expect(() => loadCatalog(dir)).toThrow(/Biểu mẫu “hong.json” không hợp lệ: .*unitType/);
    const dup = files[0];
    writeFileSync(join(dir, "hong.json"), JSON.stringify(dup.data));
    writeFileSync(join(dir, "hong2.json"), JSON.stringify(dup.data));
    expect(() => loadCatalog(dir)).toThrow(/bị trùng/);
  });
});
