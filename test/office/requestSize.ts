/**
 * Each sync's request body as Microsoft's own Office.js builds it. The fake replays every queued
 * property set and method call onto an Excel.RequestContext of the @microsoft/office-js package (the
 * library Excel on the web loads; test-only, the add-in never loads it) and asks that context for the
 * body it would send: actions, object paths and arguments, exactly as serialized for the host.
 */
import { readFileSync } from "fs";
import { createContext, runInContext } from "vm";

interface OfficeLibrary {
  Excel: { RequestContext: new () => RealContext };
}

interface RealContext {
  workbook: RealObject;
  application: RealObject;
  _pendingRequest: { buildRequestMessageBodyAndRequestFlags(): { body: unknown } };
  m_pendingRequest: unknown;
}

type RealObject = Record<string, unknown>;

let library: OfficeLibrary | undefined;

/** Loads excel-web-16.00.js once, in a sandbox with the few browser globals it reads at load time. */
function officeLibrary(): OfficeLibrary {
  if (library) return library;
  const source = readFileSync(require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js"), "utf8");
  const noop = (): void => undefined;
  const sandbox: Record<string, unknown> = {
    location: { protocol: "https:", href: "https://localhost/", search: "", hash: "" },
    navigator: { userAgent: "node" },
    document: { readyState: "complete", cookie: "", addEventListener: noop, getElementsByTagName: () => [], createElement: () => ({ setAttribute: noop, style: {} }) },
    addEventListener: noop,
    setTimeout,
    clearTimeout,
    console: { log: noop, warn: noop, error: noop, info: noop },
    performance: { now: () => 0 },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.top = sandbox;
  sandbox.parent = sandbox;
  const context = createContext(sandbox);
  runInContext(source, context, { filename: "excel-web-16.00.debug.js" });
  library = context as unknown as OfficeLibrary;
  return library;
}

/** Who an operation was queued on, as the fake knows it. */
export type MeterTarget =
  | { kind: "range"; sheetKey: object; sheetId: string; address: string; multi: boolean }
  | { kind: "sheet"; sheetKey: object; sheetId: string }
  | { kind: "note"; sheetKey: object; sheetId: string; address: string }
  | { kind: "root" };

/** Replays the fake's queued operations onto a real request and measures it at each sync. */
export class RequestMeter {
  private context: RealContext;
  private readonly objects = new WeakMap<object, RealObject>();
  private readonly sheets = new WeakMap<object, RealObject>();
  private queued = 0;

  constructor() {
    this.context = new (officeLibrary().Excel.RequestContext)();
  }

  private sheet(key: object, id: string): RealObject {
    let ws = this.sheets.get(key);
    if (!ws) {
      ws = (this.context.workbook.worksheets as { getItem(id: string): RealObject }).getItem(id);
      this.sheets.set(key, ws);
    }
    return ws;
  }

  private objectFor(owner: object, target: MeterTarget): RealObject {
    if (target.kind === "root") return this.context as unknown as RealObject;
    let o = this.objects.get(owner);
    if (o) return o;
    const ws = this.sheet(target.sheetKey, target.sheetId) as Record<string, (...a: unknown[]) => RealObject>;
    if (target.kind === "sheet") o = ws;
    else if (target.kind === "note") o = (ws.comments as unknown as Record<string, (a: string) => RealObject>).getItemByCell(target.address);
    else o = target.multi ? ws.getRanges(target.address.replace(/,\s*/g, ";")) : target.address ? ws.getRange(target.address) : ws.getRange();
    this.objects.set(owner, o);
    return o;
  }

  /** Queues what the add-in queued: a property set or a method call at `path` below the owner. */
  record(owner: object, target: MeterTarget, path: string, kind: "set" | "call", value: unknown): void {
    // The package's library predates Worksheet.notes (ExcelApi 1.18): the comments collection has the
    // same shape (add(cell, content), one item per cell) and stands in for it.
    const parts = path.split(".").map((p) => (p === "notes" ? "comments" : p));
    if (target.kind === "root" && parts[0] !== "application") parts.unshift("workbook");
    let o: RealObject = this.objectFor(owner, target);
    try {
      for (let i = 0; i < parts.length - 1; i++) {
        const part = parts[i];
        if (part === "borders") {
          o = (o.borders as { getItem(side: string): RealObject }).getItem(parts[++i]);
          continue;
        }
        o = o[part] as RealObject;
      }
      const last = parts[parts.length - 1];
      if (kind === "set") o[last] = value;
      else if (last !== "add" || !path.endsWith("onChanged.add")) (o[last] as (...a: unknown[]) => unknown).apply(o, value as unknown[]);
      this.queued++;
    } catch {
      // A member the serializer cannot take here (an event registration, a fake-only helper) adds nothing.
    }
  }

  /** The request body's size in UTF-8 bytes for what was queued since the last sync; starts the next request. */
  flush(): number {
    if (this.queued === 0) return 0;
    const { body } = this.context._pendingRequest.buildRequestMessageBodyAndRequestFlags();
    this.context.m_pendingRequest = null;
    this.queued = 0;
    return Buffer.byteLength(JSON.stringify(body), "utf8");
  }
}
