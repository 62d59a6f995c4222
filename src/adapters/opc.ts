import { SaxesParser, SaxesTagNS } from "saxes";

/** Open Packaging Conventions: the relationships that lead from the package to its main part. */
const RELS_NS = new Set(["http://schemas.openxmlformats.org/package/2006/relationships", "http://purl.oclc.org/ooxml/package/relationships"]);

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on("opentag", (tag) => {
    if (!RELS_NS.has(tag.uri) || tag.local !== "Relationship") return;
    const id = attribute(tag, "", "Id");
    const type = attribute(tag, "", "Type");
    const target = attribute(tag, "", "Target");
    if (id !== undefined && type !== undefined && target !== undefined)
      out.push({ id, type, target, external: attribute(tag, "", "TargetMode") === "External" });
  });
  parser.write(xml).close();
  return out;
}

/** An attribute by namespace and local name, whatever prefix the producer chose. */
export function attribute(tag: SaxesTagNS, uri: string, local: string): string | undefined {
  for (const key in tag.attributes) {
    const a = tag.attributes[key];
    if (a.local === local && a.uri === uri) return a.value;
  }
  return undefined;
}

/** Resolves a relationship target against its source part: relative, absolute, "./", "../", %-encoded. */
export function resolveTarget(source: string, target: string): string {
  let t = target.split("#")[0].replace(/\\/g, "/");
  try {
    t = decodeURIComponent(t);
  } catch {
    // A stray "%" is a literal character of the name.
  }
  const base = t.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** The main part a package's `_rels/.rels` points to with the given relationship type (its last segment). */
export function mainPart(rels: Relationship[], typeSuffix: string): string | undefined {
  const rel = rels.find((r) => !r.external && r.type.endsWith(`/${typeSuffix}`));
  return rel ? resolveTarget("", rel.target) : undefined;
}
