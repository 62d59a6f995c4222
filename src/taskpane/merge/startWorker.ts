/** The merge worker of the pane: webpack bundles the module as a worker of its own. */
export function startMergeWorker(): Worker {
  return new Worker(new URL("./merge.worker.ts", import.meta.url));
}
