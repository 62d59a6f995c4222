import { readXlsx } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { loadBuiltinPackage } from "../../src/adapters/node/packageFiles";
import { checkReceivedFile } from "../../src/adapters/receivedFile";
import { consolidate, mergeInput } from "../../src/core/consolidate/consolidate";
import { buildMergeLayouts } from "../../src/core/layout/mergeLayouts";
import { Period } from "../../src/core/period";
import { MergeClient, MergeFile, MergeStopped } from "../../src/taskpane/merge/mergeClient";
import { MergeWork, mergeResponder } from "../../src/taskpane/merge/mergeWork";
import { FileRead, FromWorker, MergeSettings, PROGRAM_FAULT, ToWorker } from "../../src/taskpane/merge/protocol";
import { syntheticSubmission } from "../../scripts/syntheticSubmissions";

const loaded = loadBuiltinPackage();
const { catalog, ruleSet } = loaded;
const Q3: Period = { kind: "q3", year: 2026 };
const dept = catalog.byId.get("so-nganh-2023")!;

/** A northern province's departments for Quý III 2026, one file not a workbook at all. */
function received(): { name: string; bytes: Uint8Array }[] {
  const names = ["Sở Khoa học và Công nghệ", "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ", "Sở Văn hóa, Thể thao và Du lịch", "Ban Quản lý các khu công nghiệp"];
  const files = names.map((n, i) => ({ name: `bc-q3-2026-${i + 1}.xlsx`, bytes: syntheticSubmission(dept, `${n} tỉnh Tuyên Quang`, i, Q3, { unstamped: i % 2 === 1 }) }));
  files.push({ name: "ghi-chu.xlsx", bytes: new TextEncoder().encode("biên bản họp, không phải báo cáo") });
  return files;
}

const settings: MergeSettings = { expected: [], assignments: {}, output: "xlsx" };
const values = (bytes: Uint8Array) => readXlsx(bytes).map((g) => ({ name: g.name, rows: g.rows.map((r) => r.map((c) => c?.value ?? null)) }));

describe("the merge worker's work, called directly", () => {
  it("keeps of each file what the merge uses, not its parsed rows", () => {
    const f = received()[0];
    const kept = mergeInput(f.name, checkReceivedFile(f.bytes, f.name, catalog, ruleSet));
    if (!kept.result.ok) throw new Error(kept.result.reason);
    expect(Object.keys(kept.result.submission).sort()).toEqual(["period", "place", "sheetName", "template", "unitCandidates"]);
    const value = kept.result.values.values().next().value!;
    expect(Object.keys(value).sort()).toEqual(["cell", "number", "read", "row", "sheetRow"]);
    expect(value.sheetRow).toEqual({ r: expect.any(Number) });
  });

  it("merges files added one at a time, in any order of arrival, into the workbook the CLI's steps make", () => {
    const files = received();
    const work = new MergeWork(loaded.pkg);
    const reads: FileRead[] = [];
    // The last file arrives first: the order chosen by the officer still decides.
    for (const i of [files.length - 1, ...files.keys()].slice(0, files.length)) reads.push(work.add(i, files[i].name, files[i].bytes));
    expect(reads.filter((r) => !r.ok)).toEqual([{ index: files.length - 1, ok: false, reason: expect.stringMatching(/\S/) }]);
    const outcome = work.finish(settings);
    const direct = consolidate(files.map((f) => mergeInput(f.name, checkReceivedFile(f.bytes, f.name, catalog, ruleSet))), { rules: ruleSet.rules });
    expect(values(outcome.bytes!)).toEqual(values(writeXlsx(buildMergeLayouts(direct, { outliers: ruleSet.outliers }))));
    expect(outcome.units.map((u) => u.unitName)).toEqual(direct.units.map((u) => u.unitName));
    expect(outcome.files.find((f) => f.fileName === "ghi-chu.xlsx")?.status).toBe("rejected");
    expect(outcome.fileName).toBe("tong-hop-cchc-q3-2026.xlsx");
    // Plain data: what crosses to the pane is the same after a structured clone.
    expect(structuredClone(outcome)).toEqual(outcome);
  });

  it("gives sheets to a host that writes sheets, and the province report from the last merge", () => {
    const work = new MergeWork(loaded.pkg);
    received().forEach((f, i) => work.add(i, f.name, f.bytes));
    const outcome = work.finish({ ...settings, output: "sheets" });
    expect(outcome.bytes).toBeUndefined();
    expect(outcome.layouts?.map((l) => l.name)).toEqual(["Tổng hợp", "Tình hình nộp báo cáo", "Lỗi", "Danh sách đơn vị"]);
    const report = work.report("tinh-2023", "xlsx");
    expect(report.report.template.id).toBe("tinh-2023");
    expect(readXlsx(report.bytes!).map((g) => g.name)).toContain("Báo cáo của tỉnh");
  });

  it("refuses in Vietnamese what cannot be answered", () => {
    const respond = mergeResponder();
    expect(respond({ type: "finish", settings })).toEqual({ type: "failed", message: "Chưa bắt đầu tổng hợp." });
    respond({ type: "begin", pkg: loaded.pkg });
    expect(respond({ type: "report", heading: {}, templateId: "tinh-2023", output: "xlsx" })).toEqual({ type: "failed", message: expect.stringContaining("Chưa có kết quả tổng hợp") });
  });
});

/** A worker that answers through the responder on a later turn, as a real one would, and records what it got. */
class FakeWorker {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly respond = mergeResponder();
  terminated = false;
  transferred: Transferable[] = [];
  unanswered = 0;
  mostUnanswered = 0;
  postMessage(m: ToWorker, transfer: Transferable[] = []): void {
    this.transferred.push(...transfer);
    if (m.type === "file") this.mostUnanswered = Math.max(this.mostUnanswered, ++this.unanswered);
    setTimeout(() => {
      if (this.terminated) return;
      if (m.type === "file") this.unanswered--;
      const reply = this.respond(m);
      if (reply) this.onmessage?.({ data: reply } as MessageEvent<FromWorker>);
    }, 1);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const asFiles = (files: { name: string; bytes: Uint8Array }[]): MergeFile[] =>
  files.map((f, i) => ({ name: f.name, lastModified: 1000 + i, arrayBuffer: async () => f.bytes.slice().buffer }));

describe("the pane's side of the merge worker", () => {
  it("sends files as transferred buffers a few ahead, reports each one read, then the merge", async () => {
    const workers: FakeWorker[] = [];
    const client = new MergeClient(() => (workers.push(new FakeWorker()), workers.at(-1) as unknown as Worker));
    const files = [...received(), ...received().map((f) => ({ ...f, name: `ban-sao-${f.name}` }))];
    const reads: FileRead[] = [];
    const outcome = await client.merge(asFiles(files), loaded.pkg, async () => settings, (f) => reads.push(f));
    expect(reads.map((r) => r.index).sort((a, b) => a - b)).toEqual([...files.keys()]);
    expect(outcome.units.length).toBe(5);
    expect(outcome.files.filter((f) => f.status === "duplicate").length).toBe(5);
    expect(workers).toHaveLength(1);
    expect(workers[0].transferred.filter((t) => t instanceof ArrayBuffer)).toHaveLength(files.length);
    expect(workers[0].mostUnanswered).toBeLessThanOrEqual(4);
  });

  it("stops at once on Dừng, and merges again afterwards in a new worker", async () => {
    const workers: FakeWorker[] = [];
    const client = new MergeClient(() => (workers.push(new FakeWorker()), workers.at(-1) as unknown as Worker));
    const files = asFiles(received());
    const stopped = client.merge(files, loaded.pkg, async () => settings, (f) => f.index === 1 && client.stop());
    await expect(stopped).rejects.toBeInstanceOf(MergeStopped);
    expect(workers[0].terminated).toBe(true);
    const again = await client.merge(files, loaded.pkg, async () => settings, () => undefined);
    expect(again.units.length).toBe(5);
    expect(workers).toHaveLength(2);
  });

  it("starts the worker as files are chosen, once, and merges in that worker", async () => {
    const workers: FakeWorker[] = [];
    const client = new MergeClient(() => (workers.push(new FakeWorker()), workers.at(-1) as unknown as Worker));
    client.prepare();
    client.prepare();
    expect(workers).toHaveLength(1);
    expect(workers[0].transferred).toHaveLength(0);
    const outcome = await client.merge(asFiles(received()), loaded.pkg, async () => settings, () => undefined);
    expect(outcome.units.length).toBe(5);
    expect(workers).toHaveLength(1);
  });

  it("leaves a worker that cannot start to the merge, which says so", async () => {
    const client = new MergeClient(() => {
      throw new Error("SecurityError: Failed to construct 'Worker'");
    });
    expect(() => client.prepare()).not.toThrow();
    await expect(client.merge(asFiles(received()), loaded.pkg, async () => settings, () => undefined)).rejects.toThrow(PROGRAM_FAULT);
  });

  it("says so in Vietnamese when the worker cannot start, and can still merge afterwards", async () => {
    let starts = 0;
    const client = new MergeClient(() => {
      if (starts++ === 0) throw new Error("SecurityError: Failed to construct 'Worker'");
      return new FakeWorker() as unknown as Worker;
    });
    const files = asFiles(received());
    await expect(client.merge(files, loaded.pkg, async () => settings, () => undefined)).rejects.toThrow(PROGRAM_FAULT);
    expect((await client.merge(files, loaded.pkg, async () => settings, () => undefined)).units.length).toBe(5);
  });
});
