/** Parses the seed reports (text with tab-separated tables) into title lines and table rows. */
export interface SeedTable {
  titleLines: string[];
  /** Every table line as cells, page-break header repeats included, as a unit would have typed them. */
  rows: string[][];
}

export function stripMarkup(s: string): string {
  return s
    .replace(/<a\b[^>]*>[^<]*<\/a>/g, (m) => m.replace(/<[^>]+>/g, ""))
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function parseSeed(text: string): SeedTable {
  const lines = text.split("\n");
  const first = lines.findIndex((l) => l.startsWith("STT\t"));
  if (first < 0) throw new Error("no table");
  // Title block: from the last "PHỤ LỤC / THỐNG KÊ / BẢNG" line above the table.
  let start = first - 1;
  for (let i = first - 1; i >= Math.max(0, first - 12); i--) {
    if (/PHỤ LỤC|Phụ lục|THỐNG KÊ|BẢNG TỔNG HỢP/.test(lines[i])) start = i;
  }
  const titleLines = lines
    .slice(start, first)
    .join("\n")
    .replace(/\*+/g, "\n")
    .split("\n")
    .map((l) => stripMarkup(l))
    .filter((l) => l && !/^#+/.test(l) && l !== "Phụ lục" && l !== "PHỤ LỤC");
  const rows: string[][] = [];
  for (let i = first; i < lines.length; i++) {
    const l = lines[i];
    if (!l.includes("\t")) continue;
    rows.push(l.split("\t").map(stripMarkup));
  }
  return { titleLines, rows };
}
