import { FileRow, progressText, settledRows, waitingRows, withReads } from "../../src/taskpane/merge/mergeProgress";

describe("progress of a merge in the pane", () => {
  it("reads as the officer counts: files read of all, and how many failed", () => {
    expect(progressText({ phase: "reading", read: 40, total: 130, failed: 3 })).toBe("Đang đọc 40/130 tệp — 3 tệp có lỗi");
    expect(progressText({ phase: "reading", read: 7, total: 52, failed: 0 })).toBe("Đang đọc 7/52 tệp");
    expect(progressText({ phase: "merging", total: 52 })).toBe("Đang tổng hợp 52 tệp…");
  });

  const waiting: FileRow[] = ["xa-a.xlsx", "xa-b.docx", "xa-c.ods", "xa-d.xlsx"].map((name) => ({ name, status: "waiting" }));

  it("takes a batch of files read into new lines for those files only", () => {
    const next = withReads(waiting, [
      { index: 1, ok: true },
      { index: 3, ok: false, reason: "Tệp bị hỏng, không đọc được." },
    ]);
    expect(next.map((r) => r.status)).toEqual(["waiting", "read", "waiting", "rejected"]);
    expect(next[3].detail).toBe("Tệp bị hỏng, không đọc được.");
    expect(next[0]).toBe(waiting[0]);
    expect(next[2]).toBe(waiting[2]);
  });

  it("after the merge, keeps the chosen order and the lines it did not change", () => {
    const read = withReads(waiting, [0, 1, 2, 3].map((index) => ({ index, ok: true })));
    const settled = settledRows(read, [
      { fileName: "xa-d.xlsx", status: "read", unitName: "UBND xã Tả Phìn" },
      { fileName: "xa-a.xlsx", status: "duplicate", unitName: "UBND xã Tả Phìn", reason: "Trùng với tệp “xa-d.xlsx”." },
      { fileName: "xa-b.docx", status: "read", unitName: "UBND xã Bản Khoang" },
      { fileName: "xa-c.ods", status: "otherPeriod", reason: "Báo cáo Quý II năm 2026, khác kỳ tổng hợp." },
    ]);
    expect(settled.map((r) => [r.name, r.status])).toEqual([
      ["xa-a.xlsx", "duplicate"],
      ["xa-b.docx", "read"],
      ["xa-c.ods", "otherPeriod"],
      ["xa-d.xlsx", "read"],
    ]);
    expect(settled[1]).toBe(read[1]);
    expect(settled[3]).toBe(read[3]);
  });

  it("a new merge sets back to waiting only the lines that are not", () => {
    const read = withReads(waiting, [{ index: 2, ok: false, reason: "Tệp bị hỏng, không đọc được." }]);
    const again = waitingRows(read);
    expect(again.map((r) => r.status)).toEqual(["waiting", "waiting", "waiting", "waiting"]);
    expect(again[2].detail).toBeUndefined();
    expect(again.filter((r, i) => r === read[i])).toHaveLength(3);
  });
});
