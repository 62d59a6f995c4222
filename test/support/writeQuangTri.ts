/** Writes Quảng Trị's template, submissions, unit list and truth into a folder: `node writeQuangTri.js DIR`. */
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { qtTemplateXlsx, submissionXlsx } from "./quangTri";
import { QT_UNITS, quangTriCases } from "./quangTriSubmissions";

const dir = process.argv[2];
mkdirSync(join(dir, "nhan"), { recursive: true });
writeFileSync(join(dir, "phu-luc-xa-2026.xlsx"), qtTemplateXlsx());
writeFileSync(join(dir, "don-vi.txt"), QT_UNITS.join("\n") + "\n");
const cases = quangTriCases();
const t0 = Date.UTC(2026, 5, 16) / 1000;
cases.forEach((k, i) => {
  const p = join(dir, "nhan", k.sub.file);
  writeFileSync(p, submissionXlsx(k.sub));
  utimesSync(p, t0 + i * 3600, t0 + i * 3600);
});
writeFileSync(join(dir, "truth.json"), JSON.stringify(cases.map((k) => ({ file: k.sub.file, ...k.truth })), null, 1));
