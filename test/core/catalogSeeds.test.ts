import { isValueRow } from "../../src/core/catalog/schema";
import { foldText } from "../../src/core/text";
import { parseSeed } from "../../scripts/seedTable";
import { catalog, seedText } from "../support/data";

/** Seed table labels, page-break headers skipped and wrapped fragments joined as the reader does. */
function seedLabels(prefix: string): string[] {
  const labels: string[] = [];
  for (const cells of parseSeed(seedText(prefix)).rows) {
    const label = (cells[1] ?? "").trim();
    if (!label || label === "Chỉ tiêu thống kê") continue;
    const first = label.replace(/^[(\s]+/, "").charAt(0);
    if (labels.length && (label.startsWith("(") || (first && first === first.toLowerCase() && first !== first.toUpperCase()))) {
      labels[labels.length - 1] += ` ${label}`;
      continue;
    }
    labels.push(label);
  }
  return labels;
}

describe("the catalog against the seed tables", () => {
  it.each([
    ["000", "so-nganh-2023"],
    ["001", "so-nganh-2023"],
    ["002", "so-nganh-2021"],
    ["003", "cap-huyen-2023"],
    ["004", "tinh-2023"],
  ])("seed %s: ≥ 90 %% of its labels are in %s (label or alias), in the same number of rows", (seed, id) => {
    const t = catalog.byId.get(id)!;
    const names = new Set(t.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])].map(foldText)));
    const labels = seedLabels(seed);
    const found = labels.filter((l) => names.has(foldText(l)));
    expect(found.length / labels.length).toBeGreaterThanOrEqual(0.9);
    expect(Math.abs(t.rows.length - labels.length)).toBeLessThanOrEqual(Math.ceil(labels.length * 0.05));
  });

  it("gives a shared indicator the same kind and aggregation in every template", () => {
    const seen = new Map<string, string>();
    for (const t of catalog.templates)
      for (const r of t.rows) {
        if (!isValueRow(r)) continue;
        const sig = `${r.kind}/${r.aggregate.type}`;
        const prev = seen.get(r.id);
        if (prev) expect(`${r.id} ${sig}`).toBe(`${r.id} ${prev}`);
        seen.set(r.id, sig);
      }
  });

  it("shares IDs across templates and years so merges line up", () => {
    const ids = (id: string) => new Set(catalog.byId.get(id)!.rows.filter(isValueRow).map((r) => r.id));
    const a = ids("so-nganh-2023");
    for (const other of ["so-nganh-2021", "cap-huyen-2023", "tinh-2023"]) {
      const shared = [...ids(other)].filter((x) => a.has(x));
      expect(shared.length).toBeGreaterThanOrEqual(20);
    }
    for (const id of ["direction.plan.tasks_planned", "direction.plan.tasks_done", "organisation.staff.assigned"])
      for (const t of catalog.templates) expect([t.id, ids(t.id).has(id)]).toEqual([t.id, true]);
  });

  it("fixes the source documents' typos in labels and keeps the typed form as an alias", () => {
    const t = catalog.byId.get("so-nganh-2023")!;
    const row = t.rows.find((r) => r.label.startsWith("Bố trí công chức"));
    expect(row?.aliases).toEqual(expect.arrayContaining([expect.stringContaining("Bộ trí")]));
    const mail = t.rows.find((r) => r.label.includes("tài khoản thư điện tử chính thức"));
    expect(mail?.aliases?.some((a) => a.includes("tài khoản thu chính thức"))).toBe(true);
  });

  it("every ratio points at indicators of the same template", () => {
    for (const t of catalog.templates) {
      const ids = new Set(t.rows.filter(isValueRow).map((r) => r.id));
      for (const r of t.rows.filter(isValueRow))
        if (r.aggregate.type === "ratio") {
          expect([t.id, r.id, ids.has(r.aggregate.numerator), ids.has(r.aggregate.denominator)]).toEqual([t.id, r.id, true, true]);
        }
    }
  });
});
