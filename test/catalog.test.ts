import { loadCatalog, readJsonDir, CATALOG_DIR } from "../src/adapters/node/catalogFiles";
import { Template } from "../src/core/catalog/schema";
import { join } from "path";

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
