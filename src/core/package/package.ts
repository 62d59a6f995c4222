import { z } from "zod";
import { describeIssues } from "../issues";
import { Catalog, CatalogError, catalogOf, valueRows } from "../catalog/catalog";
import { Template, isValueRow } from "../catalog/schema";
import { PERIODS, Period, periodLabel } from "../period";
import { unitKey } from "../recognize/unitNames";
import { describeUnknownIndicators, unknownRuleIndicators } from "../rules/indicators";
import { Rule, RuleSet } from "../rules/schema";
import { compareVi } from "../text";

/**
 * A province's package: everything a unit needs to report the way Sở Nội vụ asks — templates, rule set and
 * unit types — in one JSON file that Sở Nội vụ publishes and every unit loads.
 */
export const PACKAGE_FORMAT = "cchc-package";

/** "2025-07": unit types exist from or until a month (local government has two tiers since 7/2025). */
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "tháng ghi dạng NNNN-TT, ví dụ 2025-07");

export const UnitType = z
  .object({
    /** e.g. "so-nganh", "cap-huyen", "cap-xa". */
    id: z.string().regex(/^[a-z0-9-]+$/, "mã loại đơn vị chỉ gồm chữ thường không dấu, số và “-”"),
    /** Vietnamese name, e.g. "UBND cấp xã". */
    label: z.string().min(1),
    /** Position of the type's columns in the province table (sở, ban, ngành first). */
    order: z.number().int(),
    /** First month the type reports (inclusive). */
    validFrom: Month.optional(),
    /** Last month the type reports (inclusive). */
    validTo: Month.optional(),
    /** How a unit's name starts when it is of this type ("UBND xã", "Sở"): tells the type of a listed unit. */
    namePrefixes: z.array(z.string().min(1)).optional(),
  })
  .strict();

export const ProvincePackage = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    /** e.g. "Bộ biểu mẫu CCHC tỉnh Sóc Trăng". */
    name: z.string().min(1),
    /** e.g. "2026.1". */
    version: z.string().min(1),
    /** "Áp dụng từ": the first reporting period the package is for. */
    appliesFrom: z.object({ kind: z.enum(PERIODS), year: z.number().int().min(2000).max(2100) }).strict(),
    unitTypes: z.array(UnitType).min(1),
    /** Validated one by one (see parsePackage), so a message names the template and row. */
    templates: z.array(z.unknown()).min(1),
    ruleSet: RuleSet,
  })
  .strict();

export type UnitType = z.infer<typeof UnitType>;
export type ProvincePackage = Omit<z.infer<typeof ProvincePackage>, "templates"> & { templates: Template[] };

/** A package that passed every check, with its templates indexed: the only form the product uses. */
export interface LoadedPackage {
  pkg: ProvincePackage;
  catalog: Catalog;
  ruleSet: RuleSet;
  /** Unit types by their order. */
  unitTypes: UnitType[];
}

export class PackageError extends Error {}

/** Loads a package from its JSON text or data; refuses it whole, with a Vietnamese message naming the row. */
function isPackageShaped(data: unknown): boolean {
  return !!data && typeof data === "object" && !Array.isArray(data) && (data as { format?: unknown }).format === "cchc-package";
}

function notAPackage(data: unknown): string {
  const rules = !!data && typeof data === "object" && Array.isArray((data as { rules?: unknown }).rules);
  return rules
    ? "Tệp này là bộ quy tắc kiểm tra, không phải bộ biểu mẫu: hãy nạp nó làm bộ quy tắc (trên trang: Kiểm tra → Bộ quy tắc kiểm tra; dòng lệnh: --rules)."
    : "Tệp này không phải bộ biểu mẫu CCHC. Bộ biểu mẫu là tệp .json do chương trình tạo ra (Bộ biểu mẫu → Tải bộ biểu mẫu hiện hành), có dòng “format”: “cchc-package”.";
}

export function parsePackage(json: unknown): LoadedPackage {
  let data = json;
  if (typeof json === "string") {
    try {
      data = JSON.parse(json.replace(/^\uFEFF/, ""));
    } catch {
      throw new PackageError("Tệp bộ biểu mẫu không phải JSON hợp lệ.");
    }
  }
  // A file that is not a package at all (a rule set, another JSON) is told so, not listed field by field.
  if (!isPackageShaped(data)) throw new PackageError(notAPackage(data));
  const parsed = ProvincePackage.safeParse(data);
  if (!parsed.success) throw new PackageError(`Bộ biểu mẫu không hợp lệ: ${describeIssues(parsed.error, data, ITEM_NAMES)}`);
  const p = parsed.data;
  // Each template is validated once (the schema is most of a CLI start), its issues named by their path.
  const templates = p.templates.map((t, i) => {
    const r = Template.safeParse(t);
    if (!r.success) {
      const issues = r.error.issues.map((issue) => ({ ...issue, path: ["templates", i, ...issue.path] }));
      throw new PackageError(`Bộ biểu mẫu không hợp lệ: ${describeIssues(new z.ZodError(issues), data, ITEM_NAMES)}`);
    }
    return { name: templateName(t, i), template: r.data };
  });
  let catalog: Catalog;
  try {
    catalog = catalogOf(templates);
  } catch (e) {
    if (e instanceof CatalogError) throw new PackageError(`Bộ biểu mẫu không hợp lệ: ${e.message}`);
    throw e;
  }
  checkPackage(p, catalog);
  return indexed({ ...p, templates: p.templates as Template[] }, catalog);
}

/** What the schema cannot say: unit types declared once and used, rates over rows present, rules' indicators known. */
function checkPackage(p: z.infer<typeof ProvincePackage>, catalog: Catalog): void {
  const problems: string[] = [];
  const typeIds = new Set<string>();
  for (const u of p.unitTypes) {
    if (typeIds.has(u.id)) problems.push(`loại đơn vị “${u.id}” khai báo hai lần`);
    typeIds.add(u.id);
    if (u.validFrom && u.validTo && u.validFrom > u.validTo) problems.push(`loại đơn vị “${u.id}”: “từ” ${u.validFrom} sau “đến” ${u.validTo}`);
  }
  for (const t of catalog.templates) {
    if (!typeIds.has(t.unitType)) problems.push(`biểu mẫu “${t.id}” dùng loại đơn vị “${t.unitType}” chưa khai báo trong “unitTypes”`);
    problems.push(...ratioProblems(t));
  }
  const unknown = unknownRuleIndicators(p.ruleSet, catalog);
  if (unknown.length) problems.push(describeUnknownIndicators(unknown));
  if (problems.length) throw new PackageError(`Bộ biểu mẫu không hợp lệ: ${problems.slice(0, 5).join("; ")}.`);
}

function indexed(p: ProvincePackage, catalog: Catalog): LoadedPackage {
  // Pickers and recognition list templates in the package's unit-type order, newest version first.
  const order = new Map(p.unitTypes.map((u) => [u.id, u.order]));
  catalog.templates.sort((a, b) => (order.get(a.unitType) ?? 0) - (order.get(b.unitType) ?? 0) || compareVi(b.version, a.version));
  // The catalog's templates are the validated (defaults applied) copies, in the package's order.
  const pkg: ProvincePackage = { ...p, templates: p.templates.map((t) => catalog.byId.get(t.id)!) };
  return { pkg, catalog, ruleSet: p.ruleSet, unitTypes: [...p.unitTypes].sort((a, b) => a.order - b.order) };
}

/**
 * A package this build has validated already (the built-in one, checked when the CLI is built): only
 * indexed. Validating it again was a tenth of every command's time.
 */
export function prevalidatedPackage(pkg: ProvincePackage): LoadedPackage {
  return indexed(pkg, catalogOf(pkg.templates.map((template) => ({ name: template.id, template }))));
}

function templateName(t: unknown, i: number): string {
  const id = typeof t === "object" && t && "id" in t && typeof t.id === "string" ? t.id : undefined;
  return id ?? `thứ ${i + 1}`;
}

/** A rate recomputed over two indicators needs both in the same template. */
function ratioProblems(t: Template): string[] {
  const ids = new Set(valueRows(t).map((r) => r.id));
  const out: string[] = [];
  t.rows.forEach((r, i) => {
    if (!isValueRow(r) || r.aggregate.type !== "ratio") return;
    for (const id of [r.aggregate.numerator, r.aggregate.denominator])
      if (!ids.has(id)) out.push(`biểu mẫu “${t.id}”, dòng ${i + 1} (“${r.label}”): tỷ lệ tính từ chỉ tiêu “${id}” không có trong biểu mẫu`);
  });
  return out;
}

/** How package lists are named in messages (describeIssues). */
const ITEM_NAMES = {
  templates: "biểu mẫu",
  rows: "dòng",
  rules: "quy tắc",
  unitTypes: "loại đơn vị",
  unitSynonyms: "nhóm đơn vị tính",
} as const;

export function serializePackage(p: LoadedPackage | ProvincePackage): string {
  return JSON.stringify("pkg" in p ? p.pkg : p, null, 2) + "\n";
}

/** The built-in package from the repository's data files (catalog/package.json, templates, rules). */
export function assemblePackage(header: unknown, templates: unknown[], ruleSet: unknown): LoadedPackage {
  const h = header && typeof header === "object" ? header : {};
  return parsePackage({ ...h, templates, ruleSet });
}

/** The package with a rule set replaced (CLI `--rules`, a province's older rule-set file). */
export function withRuleSet(p: LoadedPackage, ruleSet: RuleSet): LoadedPackage {
  return parsePackage({ ...p.pkg, ruleSet });
}

export interface AddTemplateInput {
  template: Template;
  rules: Rule[];
  unitType?: UnitType;
  /** New version of the package; default: the old one + the template's ID, so two packages never look the same. */
  version?: string;
}

/** The package with one more template and its rules; re-validated whole, so nothing half-added is used. */
export function addTemplate(p: LoadedPackage, input: AddTemplateInput): LoadedPackage {
  if (p.catalog.byId.has(input.template.id)) throw new PackageError(`Bộ biểu mẫu đã có biểu mẫu mã “${input.template.id}”.`);
  const unitTypes = [...p.pkg.unitTypes];
  if (!unitTypes.some((u) => u.id === input.template.unitType)) {
    unitTypes.push(
      input.unitType ?? { id: input.template.unitType, label: input.template.unitTypeLabel, order: Math.max(0, ...unitTypes.map((u) => u.order)) + 1 },
    );
  }
  const taken = new Set(p.ruleSet.rules.map((r) => r.id));
  const clash = input.rules.find((r) => taken.has(r.id));
  if (clash) throw new PackageError(`Bộ quy tắc đã có quy tắc mã “${clash.id}”.`);
  return parsePackage({
    ...p.pkg,
    version: input.version ?? `${p.pkg.version}+${input.template.id}`,
    unitTypes,
    templates: [...p.pkg.templates, input.template],
    ruleSet: { ...p.ruleSet, rules: [...p.ruleSet.rules, ...input.rules] },
  });
}

/** "Bộ biểu mẫu CCHC (phiên bản 2026.1)": shown with every verdict, so a unit and Sở Nội vụ see they use the same. */
export function packageLabel(p: LoadedPackage): string {
  return `${p.pkg.name} (phiên bản ${p.pkg.version}, áp dụng từ ${periodLabel(p.pkg.appliesFrom).replace(/^N/, "n")})`;
}

/** First and last month a period's figures cover (calendar months; the reporting windows start mid-December). */
function periodMonths(p: Period): [string, string] {
  const range: Record<Period["kind"], [number, number]> = { q1: [1, 3], q2: [4, 6], q3: [7, 9], q4: [10, 12], h1: [1, 6], m9: [1, 9], year: [1, 12] };
  const [a, b] = range[p.kind];
  const m = (x: number): string => `${p.year}-${String(x).padStart(2, "0")}`;
  return [m(a), m(b)];
}

/** Whether units of this type report for the period (e.g. cấp huyện only before 7/2025). */
export function unitTypeReportsIn(u: UnitType, period: Period): boolean {
  const [from, to] = periodMonths(period);
  return (!u.validFrom || u.validFrom <= to) && (!u.validTo || u.validTo >= from);
}

/** The unit type a unit's name says ("UBND xã An Thạnh 1" → cap-xa), from the package's name prefixes. */
export function unitTypeOfName(name: string, unitTypes: UnitType[]): UnitType | undefined {
  const key = unitKey(name);
  let best: { u: UnitType; len: number } | undefined;
  for (const u of unitTypes)
    for (const prefix of u.namePrefixes ?? []) {
      const p = unitKey(prefix);
      if ((key === p || key.startsWith(`${p} `)) && (!best || p.length > best.len)) best = { u, len: p.length };
    }
  return best?.u;
}

/** Finds a unit type by its ID or its Vietnamese label (as written in a list of units). */
export function findUnitType(text: string, unitTypes: UnitType[]): UnitType | undefined {
  const k = unitKey(text);
  return unitTypes.find((u) => u.id === text.trim() || unitKey(u.label) === k);
}
