import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { MergeInput, consolidate } from "../../src/core/consolidate/consolidate";
import { inSummary, summarizeMerge } from "../../src/core/consolidate/summary";
import { FINDINGS_SHEET, STATUS_SHEET, buildMergeLayouts, describeCandidates } from "../../src/core/layout/mergeLayouts";
import { Period } from "../../src/core/period";
import { syntheticSubmission } from "../../scripts/syntheticSubmissions";
import { catalog, ruleSet } from "../support/data";

const H1: Period = { kind: "h1", year: 2026 };
const dept = catalog.byId.get("so-nganh-2023")!;

const input = (fileName: string, bytes: Uint8Array, modified = 0): MergeInput => ({ fileName, modified, result: checkReceivedFile(bytes, fileName, catalog, ruleSet) });

/** Three departments (one with a broken total), one sent twice, one of another period, a damaged file, one missing. */
function province() {
  const broken = syntheticSubmission(dept, "Sở Dân tộc và Tôn giáo", 4, H1);
  const inputs = [
    input("so-xay-dung.xlsx", syntheticSubmission(dept, "Sở Xây dựng", 1, H1), 10),
    input("so-xay-dung-gui-lai.xlsx", syntheticSubmission(dept, "Sở Xây dựng", 1, H1), 20),
    input("so-y-te.xlsx", syntheticSubmission(dept, "Sở Y tế", 2, H1)),
    input("so-cong-thuong-q3.xlsx", syntheticSubmission(dept, "Sở Công Thương", 3, { kind: "q3", year: 2026 })),
    input("so-dan-toc.xlsx", broken.slice(0, broken.length - 300)),
    input("ghi-chu.txt", new TextEncoder().encode("không phải báo cáo")),
  ];
  const expected = ["Sở Xây dựng", "Sở Y tế", "Sở Công Thương", "Sở Dân tộc và Tôn giáo", "Sở Khoa học và Công nghệ"].map((name) => ({ name }));
  return consolidate(inputs, { period: H1, expected });
}

describe("the merge at a glance", () => {
  const c = province();
  const s = summarizeMerge(c);

  it("counts each kind once, a submitted file with errors under both", () => {
    expect(s.counts).toMatchObject({ submitted: 2, duplicate: 1, otherPeriod: 1, rejected: 2, unresolved: 0 });
    expect(s.counts.missing).toBe(c.missing.length);
    expect(c.missing).toContain("Sở Khoa học và Công nghệ");
    expect(s.counts.withErrors).toBe(c.units.filter((u) => u.errors > 0).length);
  });

  it("lists problems first (the most errors first among submissions) and filters by each count", () => {
    const kinds = s.entries.map((e) => e.kind);
    expect(kinds[0]).toBe("rejected");
    expect(kinds.lastIndexOf("rejected")).toBeLessThan(kinds.indexOf("duplicate"));
    expect(kinds.indexOf("missing")).toBeLessThan(kinds.indexOf("otherPeriod"));
    expect(kinds.lastIndexOf("withErrors")).toBeLessThan(kinds.indexOf("duplicate"));
    const errors = s.entries.filter((e) => e.kind === "withErrors").map((e) => e.errors);
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    expect(errors[0]).toBeGreaterThan(0);
    for (const k of ["duplicate", "otherPeriod", "rejected", "missing"] as const) expect(s.entries.filter((e) => inSummary(e, k))).toHaveLength(s.counts[k]);
    expect(s.entries.filter((e) => inSummary(e, "submitted"))).toHaveLength(2);
  });

  it("puts the same counts, coloured, at the top of the status sheet", () => {
    const status = buildMergeLayouts(c).find((l) => l.name === STATUS_SHEET)!;
    const row = status.rows[2];
    expect(row.map((x) => x.value)).toEqual([
      "Phải nộp: 5",
      "Đã nộp: 2",
      `Có lỗi: ${s.counts.withErrors}`,
      "Chưa rõ đơn vị: 0",
      "Trùng: 1",
      "Khác kỳ: 1",
      "Tệp hỏng: 2",
      `Chưa nộp: ${s.counts.missing}`,
    ]);
    expect(row[4].style).toBe("warning");
    expect(row[6].style).toBe("error");
    expect(row[3].style).toBe("wrap");
  });

  it("keeps rule IDs out of the Lỗi sheet units get back, in a hidden column for Sở Nội vụ", () => {
    const sheet = buildMergeLayouts(c).find((l) => l.name === FINDINGS_SHEET)!;
    const hidden = sheet.columns.map((col, i) => (col.hidden ? i : -1)).filter((i) => i >= 0);
    expect(hidden).toEqual([7]);
    const rules = new Set(c.units.flatMap((u) => u.findings.map((f) => f.rule)));
    expect(rules.size).toBeGreaterThan(0);
    for (const row of sheet.rows.slice(3)) {
      row.forEach((cell, i) => {
        if (i !== 7) expect(rules.has(String(cell.value))).toBe(false);
      });
      expect(rules.has(String(row[7].value)) || row[7].value === "tep.khong-doc-duoc").toBe(true);
    }
  });
});

describe("where a sender's name was read", () => {
  it("is said once for the identity mark and the file name, with its place for a title line", () => {
    const said = describeCandidates([
      { name: "UBND phường Hòa Khánh", source: "identity", where: "mã nhận dạng" },
      { name: "UBND phường Hòa Khánh", source: "title", where: "A3" },
      { name: "UBND xã Hòa Bắc", source: "fileName", where: "tên tệp" },
    ]);
    expect(said).toBe("“UBND phường Hòa Khánh” (mã nhận dạng của biểu mẫu, dòng tiêu đề A3); “UBND xã Hòa Bắc” (tên tệp)");
  });
});
