import { existsSync, readFileSync, readdirSync } from "fs";
import { dirname, join } from "path";
import { Catalog, buildCatalog } from "../../core/catalog/catalog";

/** The repository's data folder (catalog/templates/*.json, catalog/rules/*.json), found from here upwards
 * so the same code works from src/ (tests) and from the compiled dist-cli/. */
export const CATALOG_DIR = findUp(__dirname, "catalog");

function findUp(from: string, name: string): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, name);
    if (existsSync(join(candidate, "templates"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Không tìm thấy thư mục dữ liệu "${name}".`);
    dir = parent;
  }
}

export function readJsonDir(dir: string): { name: string; data: unknown }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: f, data: JSON.parse(readFileSync(join(dir, f), "utf8")) as unknown }));
}

export function loadCatalog(dir = join(CATALOG_DIR, "templates")): Catalog {
  return buildCatalog(readJsonDir(dir));
}
