import { describeIssues } from "../issues";
import { Template, ValueRow, isValueRow } from "./schema";
import { compareVi } from "../text";

/** The validated set of templates, indexed for lookups. Built from plain data (JSON), never from code branches. */
export interface Catalog {
  templates: Template[];
  byId: Map<string, Template>;
}

export class CatalogError extends Error {}

export function buildCatalog(sources: { name: string; data: unknown }[]): Catalog {
  return catalogOf(
    sources.map(({ name, data }) => {
      const parsed = Template.safeParse(data);
      if (!parsed.success) throw new CatalogError(`Biểu mẫu “${name}” không hợp lệ: ${describeIssues(parsed.error, data, { rows: "dòng" })}`);
      return { name, template: parsed.data };
    }),
  );
}

/** The catalog of templates already validated by the schema (a package validates them itself, naming their path). */
export function catalogOf(sources: { name: string; template: Template }[]): Catalog {
  const templates: Template[] = [];
  const byId = new Map<string, Template>();
  for (const { name, template: t } of sources) {
    if (byId.has(t.id)) throw new CatalogError(`Mã biểu mẫu “${t.id}” bị trùng (${name}).`);
    const seen = new Set<string>();
    for (const row of t.rows) {
      if (!isValueRow(row)) continue;
      if (seen.has(row.id)) throw new CatalogError(`Biểu mẫu “${t.id}”: mã chỉ tiêu “${row.id}” lặp lại.`);
      seen.add(row.id);
    }
    templates.push(t);
    byId.set(t.id, t);
  }
  // Unit types in Vietnamese order (Sở, ban, ngành before UBND…), newest version first.
  templates.sort((a, b) => compareVi(a.unitTypeLabel, b.unitTypeLabel) || compareVi(b.version, a.version));
  return { templates, byId };
}

export function valueRows(t: Template): ValueRow[] {
  return t.rows.filter(isValueRow);
}
