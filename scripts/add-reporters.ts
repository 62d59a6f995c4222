/**
 * Carries seed 004's 4th column ("Cơ quan, đơn vị, địa phương thực hiện") into the template built from it:
 * each row gets the text printed on it (or on the heading it falls under) and what that text says.
 * Run: npm run build:cli && node dist-cli/scripts/add-reporters.js
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { parseReporter } from "../src/core/catalog/reporter";
import { Reporter, Template, TemplateRow } from "../src/core/catalog/schema";
import { foldText, similarity } from "../src/core/text";
import { parseSeed } from "./seedTable";

const ROOT = join(__dirname, "..", "..");

/** Seed table rows with 4th-column text carried over page breaks and wrapped lines joined to their row. */
export function seedReporterTexts(seedText: string): { stt: string; label: string; note: string }[] {
  const out: { stt: string; label: string; note: string }[] = [];
  for (const cells of parseSeed(seedText).rows) {
    const [stt = "", label = "", unit = "", , note = ""] = cells;
    if (stt === "STT" || unit === "Đơn vị tính") continue;
    const last = out[out.length - 1];
    // Items start with "- "; any other line without a number continues the previous row (a wrapped label, code list or note).
    if (last && !stt && !/^[-–]/.test(label)) {
      if (label) last.label = `${last.label} ${label}`;
      if (note) last.note = `${last.note} ${note}`.trim();
      continue;
    }
    out.push({ stt, label, note });
  }
  return out;
}

/** Depth of "3.4.1." = 3; rows without a number sit under the previous numbered row. */
function depth(stt: string): number {
  const s = stt.replace(/\.$/, "");
  return s ? s.split(".").length : Infinity;
}

/** The reporter of every row: its own printed text when it says who reports, else its parent's. */
export function resolveReporters(rows: TemplateRow[], printed: (string | undefined)[]): (Reporter | undefined)[] {
  const stack: { depth: number; reporter?: Reporter }[] = [];
  return rows.map((r, i) => {
    const d = depth(r.stt);
    while (stack.length && stack[stack.length - 1].depth >= d) stack.pop();
    const own = printed[i] ? parseReporter(printed[i]!) : undefined;
    const reporter = own ?? stack[stack.length - 1]?.reporter;
    if (d !== Infinity) stack.push({ depth: d, reporter });
    return reporter;
  });
}

/** Each template row's reporter from the seed the template was transcribed from (row by row, checked by number and label). */
export function reportersFromSeed(t: Template, seedText: string): (Reporter | undefined)[] {
  const seed = seedReporterTexts(seedText);
  const printed: (string | undefined)[] = [];
  let j = 0;
  for (const r of t.rows) {
    while (j < seed.length && seed[j].stt.replace(/\.$/, "") !== r.stt.replace(/\.$/, "")) j++;
    if (j >= seed.length || similarity(foldText(seed[j].label), foldText(r.label)) < 0.5) throw new Error(`row ${r.stt} ${r.label} not found in the seed`);
    printed.push(seed[j].note || undefined);
    j++;
  }
  return resolveReporters(t.rows, printed);
}

if (require.main === module) {
  const file = join(ROOT, "catalog", "templates", "tinh-2023.json");
  const t = JSON.parse(readFileSync(file, "utf8")) as Template;
  const reporters = reportersFromSeed(t, readFileSync(join(ROOT, "test", "fixtures", "seeds", "004_152c068cd1957602.txt"), "utf8"));
  t.rows = t.rows.map((r, i) => {
    const { reporter: _old, ...rest } = r;
    void _old;
    const rep = reporters[i];
    return rep ? { ...rest, reporter: rep } : rest;
  }) as TemplateRow[];
  writeFileSync(file, `${JSON.stringify(t, null, 2)}\n`);
  console.log(`${reporters.filter(Boolean).length}/${t.rows.length} rows have a reporter`);
}
