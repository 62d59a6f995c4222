/**
 * Every Excel API member the task pane and the Office adapter use, with its requirement set read from
 * the `[Api set: ExcelApi x.y]` tag of its declaration in @types/office-js (TypeScript compiler API).
 *
 * The rule: a member whose set is above the level every action checks first (REQUIRED_API, ExcelApi 1.9;
 * the manifest asks for less so that older Excel opens the pane and says why) may be used only inside a
 * function that, itself or a function enclosing it, calls `supports(v)` with v (a string literal, or a
 * const initialised with one) at least the member's version. A member tagged with another set
 * (ExcelApiOnline, preview) is never allowed. The test prints the list and fails on any use breaking the rule.
 */
import { readdirSync } from "fs";
import { join, relative } from "path";
import * as ts from "typescript";
import { REQUIRED_API } from "../../src/adapters/office/capabilities";
import { OFFICE_TYPES, apiSetOf, compareVersions } from "./apiSets";

const ROOT = join(__dirname, "..", "..");
const DIRS = ["src/adapters/office", "src/taskpane", "src/taskpane/workbook"];
const MIN_VERSION = REQUIRED_API.version;

interface Use {
  member: string;
  set?: string;
  version?: string;
  where: string;
  guardedBy?: string;
}

function sourceFiles(): string[] {
  return DIRS.flatMap((d) =>
    readdirSync(join(ROOT, d))
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => join(ROOT, d, f)),
  );
}

function program(files: string[]): ts.Program {
  const configFile = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  return ts.createProgram(files, { ...parsed.options, noEmit: true });
}

/** The version a `supports(...)` call asks for, when it is a literal or a const with a literal. */
function supportsVersion(call: ts.CallExpression, checker: ts.TypeChecker): string | undefined {
  if (!ts.isIdentifier(call.expression) || call.expression.text !== "supports") return undefined;
  const arg = call.arguments[0];
  if (!arg) return undefined;
  if (ts.isStringLiteral(arg)) return arg.text;
  const symbol = checker.getSymbolAtLocation(arg);
  const decl = symbol?.valueDeclaration ?? (symbol && checker.getAliasedSymbol(symbol).valueDeclaration);
  const resolved = decl ?? (symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol).valueDeclaration : undefined);
  if (resolved && ts.isVariableDeclaration(resolved) && resolved.initializer && ts.isStringLiteral(resolved.initializer)) return resolved.initializer.text;
  return undefined;
}

/** The highest version `supports` is asked for in the functions enclosing `node`. */
function guardAround(node: ts.Node, checker: ts.TypeChecker): string | undefined {
  let best: string | undefined;
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (!ts.isFunctionLike(n)) continue;
    const visit = (x: ts.Node): void => {
      if (ts.isCallExpression(x)) {
        const v = supportsVersion(x, checker);
        if (v && (!best || compareVersions(v, best) > 0)) best = v;
      }
      x.forEachChild(visit);
    };
    visit(n);
  }
  return best;
}

function excelDeclaration(symbol: ts.Symbol | undefined): ts.Declaration | undefined {
  return symbol?.declarations?.find((d) => d.getSourceFile().fileName === OFFICE_TYPES || d.getSourceFile().fileName.endsWith("@types/office-js/index.d.ts"));
}

function collectUses(): Use[] {
  const files = sourceFiles();
  const prog = program(files);
  const checker = prog.getTypeChecker();
  const uses: Use[] = [];
  const record = (nameNode: ts.Node, symbol: ts.Symbol | undefined): void => {
    const decl = excelDeclaration(symbol);
    if (!decl || !symbol) return;
    const parent = decl.parent && (ts.isClassDeclaration(decl.parent) || ts.isInterfaceDeclaration(decl.parent)) ? decl.parent.name?.text : undefined;
    if (!parent) return;
    let ns: ts.Node | undefined = decl.parent;
    while (ns && !ts.isModuleDeclaration(ns)) ns = ns.parent;
    const namespace = ns && ts.isModuleDeclaration(ns) ? ns.name.getText() : "";
    const doc = ts.getJSDocCommentsAndTags(decl).map((d) => d.getText()).join("\n");
    const set = apiSetOf(doc);
    const sf = nameNode.getSourceFile();
    const line = sf.getLineAndCharacterOfPosition(nameNode.getStart()).line + 1;
    uses.push({
      member: `${namespace}.${parent}.${symbol.name}`,
      set: set?.set,
      version: set?.version,
      where: `${relative(ROOT, sf.fileName)}:${line}`,
      guardedBy: guardAround(nameNode, checker),
    });
  };
  for (const file of files) {
    const sf = prog.getSourceFile(file);
    if (!sf) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) record(node.name, checker.getSymbolAtLocation(node.name));
      else if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
        const type = checker.getContextualType(node.parent);
        const name = node.name.getText();
        record(node.name, type?.getProperty(name));
      }
      node.forEachChild(visit);
    };
    visit(sf);
  }
  return uses;
}

function breaks(u: Use): boolean {
  if (!u.set) return false;
  if (u.set !== "ExcelApi" || !u.version) return true;
  if (compareVersions(u.version, MIN_VERSION) <= 0) return false;
  return !u.guardedBy || compareVersions(u.guardedBy, u.version) < 0;
}

describe("Excel API members used by the add-in", () => {
  const uses = collectUses();

  it("lists every member with its requirement set", () => {
    const byMember = new Map<string, Use[]>();
    for (const u of uses) byMember.set(u.member, [...(byMember.get(u.member) ?? []), u]);
    const lines = [...byMember]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([member, us]) => {
        const u = us[0];
        const set = u.set ? `${u.set} ${u.version ?? ""}`.trim() : "(no set tag)";
        const above = u.version !== undefined && compareVersions(u.version, MIN_VERSION) > 0;
        const guards = [...new Set(us.map((x) => x.guardedBy ?? "none"))];
        const guard = above ? `  runtime check: supports(${guards.map((g) => `"${g}"`).join(", ")})` : "";
        return `${member.padEnd(52)} ${set.padEnd(16)} ${us.length}×  ${us[0].where}${guard}`;
      });
    console.log(`Checked at run time: ExcelApi ${MIN_VERSION}\n${lines.join("\n")}`);
    expect(MIN_VERSION).toBe("1.9");
    expect(byMember.size).toBeGreaterThan(40);
    // Members the add-in is known to need, found through the compiler (so the scan cannot silently find nothing).
    for (const m of ["Excel.Worksheet.notes", "Excel.WorksheetCollection.onChanged", "Excel.WorksheetProtection.options", "Excel.Workbook.settings", "Excel.Worksheet.getRange"])
      expect([m, byMember.has(m)]).toEqual([m, true]);
    expect(byMember.get("Excel.Worksheet.notes")?.[0].version).toBe("1.18");
  });

  it("uses no member above ExcelApi 1.9 without a supports() check for its version", () => {
    expect(uses.filter(breaks).map((u) => `${u.member} (${u.set} ${u.version ?? ""}) at ${u.where}`)).toEqual([]);
  });

  it("the rule catches an unguarded use (a copy of the code without its supports() calls)", () => {
    const unguarded = uses.filter((u) => u.version && compareVersions(u.version, MIN_VERSION) > 0).map((u) => ({ ...u, guardedBy: undefined }));
    expect(unguarded.length).toBeGreaterThan(0);
    expect(unguarded.every(breaks)).toBe(true);
  });
});
