import { ProvincePackage } from "../../core/package/package";
import { FileRead, FromWorker, MergeOutcome, MergeOutputKind, MergeSettings, PROGRAM_FAULT, ReportOutcome, ToWorker } from "./protocol";
import { ReportHeading } from "../../core/layout/reportLayout";

/** Files read ahead of the worker: enough to keep it busy, few enough to bound the bytes held. */
const READ_AHEAD = 4;

/** The officer pressed "Dừng": the run ends without a result. */
export class MergeStopped extends Error {}

export interface MergeFile {
  name: string;
  lastModified?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The pane's side of the merge worker: sends the files as transferred buffers, a few ahead of the
 * worker, and reports each one read. One request at a time; `stop` ends the worker at once.
 */
export class MergeClient {
  private worker?: Worker;
  private pending?: { resolve: (m: FromWorker) => void; reject: (e: Error) => void; onRead?: (f: FileRead) => void };

  /** `create` starts the worker (see startWorker.ts; tests pass one of their own). */
  constructor(private readonly create: () => Worker) {}

  private started(): Worker {
    if (this.worker) return this.worker;
    let w: Worker;
    try {
      w = this.create();
    } catch {
      throw new Error(PROGRAM_FAULT);
    }
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      this.fail(new Error(PROGRAM_FAULT));
    };
    this.worker = w;
    return w;
  }

  /**
   * Starts the worker ahead of a merge (the pane calls it as files are chosen), so that loading its
   * script overlaps the officer's choices instead of delaying the first file.
   */
  prepare(): void {
    try {
      this.started();
    } catch {
      // The merge itself reports a worker that cannot start.
    }
  }

  private receive(m: FromWorker): void {
    const p = this.pending;
    if (!p) return;
    if (m.type === "read") p.onRead?.(m.file);
    else if (m.type === "failed") this.fail(new Error(m.message));
    else {
      this.pending = undefined;
      p.resolve(m);
    }
  }

  private fail(e: Error): void {
    const p = this.pending;
    this.pending = undefined;
    p?.reject(e);
  }

  private request(onRead?: (f: FileRead) => void): Promise<FromWorker> {
    if (this.pending) return Promise.reject(new Error("Đang tổng hợp."));
    return new Promise((resolve, reject) => (this.pending = { resolve, reject, onRead }));
  }

  private send(m: ToWorker, transfer: Transferable[] = []): void {
    this.started().postMessage(m, transfer);
  }

  /**
   * Reads and checks `files` in the worker, calling `onRead` as each is done, then consolidates with
   * the settings `settle` gives once every file is read (the host's lists are read meanwhile).
   */
  async merge(files: MergeFile[], pkg: ProvincePackage, settle: () => Promise<MergeSettings>, onRead: (f: FileRead) => void): Promise<MergeOutcome> {
    let done = 0;
    let sent = 0;
    let sending = false;
    let allRead = (): void => undefined;
    const read = new Promise<void>((resolve) => (allRead = resolve));
    const run = this.request((f) => {
      done++;
      onRead(f);
      if (done === files.length) allRead();
      else void pump();
    });
    const pump = async (): Promise<void> => {
      if (sending) return;
      sending = true;
      try {
        while (sent < files.length && sent - done < READ_AHEAD && this.pending) {
          const f = files[sent];
          const bytes = await f.arrayBuffer();
          if (!this.pending) return;
          this.send({ type: "file", index: sent, name: f.name, bytes, modified: f.lastModified }, [bytes]);
          sent++;
        }
      } catch {
        this.fail(new Error(`Không đọc được tệp “${files[sent]?.name ?? ""}” từ máy; hãy chọn lại tệp.`));
      } finally {
        sending = false;
      }
    };
    try {
      this.send({ type: "begin", pkg });
      if (!files.length) allRead();
      void pump();
      const settings = settle();
      // Awaited below, after every file is read; a refusal meanwhile is not an unhandled one.
      settings.catch(() => undefined);
      // Every file is read and checked before consolidating; the host's lists are read meanwhile.
      await Promise.race([read, run]);
      this.send({ type: "finish", settings: await settings });
      const m = await run;
      if (m.type !== "merged") throw new Error("Không tổng hợp được.");
      return m.outcome;
    } catch (e) {
      this.pending = undefined;
      throw e;
    }
  }

  /** The province's report from the last merge, with the merge sheets. */
  async report(templateId: string, output: MergeOutputKind, heading: ReportHeading = {}): Promise<ReportOutcome> {
    const run = this.request();
    this.send({ type: "report", templateId, output, heading });
    const m = await run;
    if (m.type !== "reported") throw new Error("Không lập được báo cáo của tỉnh.");
    return m.outcome;
  }

  /** Ends the worker at once; a merge in progress rejects with MergeStopped. A later merge starts a new worker. */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.fail(new MergeStopped());
  }
}
