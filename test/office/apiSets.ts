/**
 * The Excel API requirement set of every member, read from the `[Api set: ExcelApi x.y]` tags of
 * @types/office-js with the TypeScript compiler API (generated, never typed by hand).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as ts from "typescript";

export interface ApiMember {
  /** "1.9" for ExcelApi 1.9; undefined when the tag names another set (ExcelApiOnline, preview) or none. */
  version?: string;
  /** The set named by the tag, e.g. "ExcelApi" or "ExcelApiOnline"; undefined without a tag. */
  set?: string;
  /** The member's declared type when it is a single named type ("RangeFormat"), for walking paths. */
  type?: string;
}

export const OFFICE_TYPES = require.resolve("@types/office-js/index.d.ts");

/** "[Api set: ExcelApi 1.9]" in a JSDoc text → { set, version }. */
export function apiSetOf(doc: string): { set: string; version?: string } | undefined {
  const m = /\[\s*Api set:\s*(ExcelApi\w*)\s*([\d.]+)?/i.exec(doc);
  if (!m) return undefined;
  return { set: m[1], version: m[1] === "ExcelApi" ? m[2] : undefined };
}

export function compareVersions(a: string, b: string): number {
  const [a1, a2 = 0] = a.split(".").map(Number);
  const [b1, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

let table: Map<string, ApiMember> | undefined;

/**
 * "Range.getRanges" → its set; keys are Excel's class or interface name, a dot, the member name.
 * Parsing the 3 MB declaration file takes seconds, so the table is cached in the temp folder per file size and date.
 */
export function excelApiTable(): Map<string, ApiMember> {
  if (table) return table;
  const stat = statSync(OFFICE_TYPES);
  const cache = join(tmpdir(), `cchc-excel-api-sets-${stat.size}-${Math.round(stat.mtimeMs)}.json`);
  if (existsSync(cache)) {
    try {
      table = new Map(JSON.parse(readFileSync(cache, "utf8")) as [string, ApiMember][]);
      return table;
    } catch {
      // regenerate below
    }
  }
  table = generateTable();
  writeFileSync(cache, JSON.stringify([...table]));
  return table;
}

function generateTable(): Map<string, ApiMember> {
  const table = new Map<string, ApiMember>();
  const source = ts.createSourceFile(OFFICE_TYPES, readFileSync(OFFICE_TYPES, "utf8"), ts.ScriptTarget.Latest, true);
  const out = table;
  const visitNamespace = (body: ts.ModuleBlock): void => {
    for (const st of body.statements) {
      if (!ts.isClassDeclaration(st) && !ts.isInterfaceDeclaration(st)) continue;
      const typeName = st.name?.text;
      if (!typeName) continue;
      for (const m of st.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
        const name = m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : undefined;
        if (!name) continue;
        const doc = ts.getJSDocCommentsAndTags(m).map((d) => d.getText()).join("\n");
        const set = apiSetOf(doc) ?? { set: undefined, version: undefined };
        const typeNode = (m as ts.PropertyDeclaration).type;
        const typeText = typeNode && ts.isTypeReferenceNode(typeNode) ? typeNode.typeName.getText().replace(/^Excel\./, "") : undefined;
        const key = `${typeName}.${name}`;
        const prev = out.get(key);
        // Overloads: the lowest set that has the member.
        if (!prev || (set.version && prev.version && compareVersions(set.version, prev.version) < 0))
          out.set(key, { ...set, type: typeText && /^\w+$/.test(typeText) ? typeText : prev?.type });
      }
    }
  };
  source.forEachChild((node) => {
    if (ts.isModuleDeclaration(node) && node.name.text === "Excel" && node.body && ts.isModuleBlock(node.body)) visitNamespace(node.body);
  });
  return table;
}
