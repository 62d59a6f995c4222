import { WorkMeter, attrOf, checkNamespaces, ownCopy, parseXml } from "./xml";

/** Open Packaging Conventions: the relationships that lead from the package to its main part. */
const RELS_NS = new Set(["http://schemas.openxmlformats.org/package/2006/relationships", "http://purl.oclc.org/ooxml/package/relationships"]);

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** A relationships part (`_rels/.rels`, `…/_rels/x.xml.rels`); throws XmlError if it is not well-formed. */
export function parseRelationships(xml: Uint8Array, meter?: WorkMeter): Relationship[] {
  const out: Relationship[] = [];
  parseXml(xml, {
    open(tag) {
      checkNamespaces(tag);
      if (tag.local !== "Relationship" || !RELS_NS.has(tag.uri)) return;
      const id = attrOf(tag, "Id");
      const type = attrOf(tag, "Type");
      const target = attrOf(tag, "Target");
      if (id !== undefined && type !== undefined && target !== undefined)
        out.push({ id: ownCopy(id), type: ownCopy(type), target: ownCopy(target), external: attrOf(tag, "TargetMode") === "External" });
    },
  }, undefined, meter);
  return out;
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
