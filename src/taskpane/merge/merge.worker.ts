import { FromWorker, ToWorker } from "./protocol";
import { mergeResponder } from "./mergeWork";

/** The merge worker: reads, checks, consolidates and builds the workbook off the pane's main thread. */
const respond = mergeResponder();

function post(message: FromWorker): void {
  const bytes = message.type === "merged" || message.type === "reported" ? message.outcome.bytes : undefined;
  // The built workbook moves to the pane instead of being copied.
  self.postMessage(message, { transfer: bytes ? [bytes.buffer] : [] });
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const reply = respond(e.data);
  if (reply) post(reply);
};
