import { FromWorker, ToWorker } from "./protocol";
import { MergeRefusal, MergeWork } from "./mergeWork";

/** The merge worker: reads, checks, consolidates and builds the workbook off the pane's main thread. */
let work: MergeWork | undefined;

function post(message: FromWorker): void {
  const bytes = message.type === "merged" || message.type === "reported" ? message.outcome.bytes : undefined;
  // The built workbook moves to the pane instead of being copied.
  self.postMessage(message, { transfer: bytes ? [bytes.buffer] : [] });
}

function handle(m: ToWorker): FromWorker | undefined {
  switch (m.type) {
    case "begin":
      work = new MergeWork(m.pkg);
      return undefined;
    case "file":
      return { type: "read", file: started().add(m.index, m.name, new Uint8Array(m.bytes), m.modified) };
    case "finish":
      return { type: "merged", outcome: started().finish(m.settings) };
    case "report":
      return { type: "reported", outcome: started().report(m.templateId, m.output) };
  }
}

function started(): MergeWork {
  if (!work) throw new MergeRefusal("Chưa bắt đầu tổng hợp.");
  return work;
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  try {
    const reply = handle(e.data);
    if (reply) post(reply);
  } catch (err) {
    // Received files never throw (each is refused alone with its reason): anything else is a fault of ours.
    post({ type: "failed", message: err instanceof MergeRefusal ? err.message : "Không tổng hợp được do lỗi của chương trình; hãy thử lại hoặc dùng lệnh cchc merge." });
  }
};
