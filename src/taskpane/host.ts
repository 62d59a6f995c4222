/**
 * Where the task pane runs, decided at once from what Office hands the page — never after a timeout.
 * Office opens the pane with `_host_Info=Excel$Win32$16.01$vi-VN$…` in the query string; Office on the
 * web may pass it as JSON `{"hostInfo": …}` in window.name; after a reload inside Office, office.js
 * has kept it in sessionStorage ("hostInfoValue"); old Windows webviews answer window.external.GetHostInfo().
 * A plain web page has none of these, so it loads and calls no Office.js.
 */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export interface PageEnv {
  search: string;
  windowName: string;
  sessionHostInfo?: string | null;
  externalHostInfo?: string;
}

function fromQuery(search: string): string | undefined {
  const m = /[?&]_host_Info=([^&#]*)/i.exec(search);
  return m?.[1] || undefined;
}

function fromWindowName(name: string): string | undefined {
  if (!name.startsWith("{")) return undefined;
  try {
    const parsed: unknown = JSON.parse(name);
    const info = parsed && typeof parsed === "object" ? (parsed as { hostInfo?: unknown }).hostInfo : undefined;
    return typeof info === "string" && info ? info : undefined;
  } catch {
    return undefined;
  }
}

/** The raw host information Office passed, or undefined on a plain web page. */
export function officeHostInfo(env: PageEnv): string | undefined {
  return fromQuery(env.search) ?? fromWindowName(env.windowName) ?? (env.sessionHostInfo || undefined) ?? (env.externalHostInfo || undefined);
}

function externalHostInfo(): string | undefined {
  const external = (window as { external?: { GetHostInfo?: unknown } }).external;
  try {
    const info = typeof external?.GetHostInfo === "function" ? (external.GetHostInfo as () => unknown)() : undefined;
    return typeof info === "string" ? info : undefined;
  } catch {
    return undefined;
  }
}

function sessionHostInfo(): string | null {
  try {
    return window.sessionStorage.getItem("hostInfoValue");
  } catch {
    return null;
  }
}

export function currentPageEnv(): PageEnv {
  return { search: window.location.search, windowName: window.name, sessionHostInfo: sessionHostInfo(), externalHostInfo: externalHostInfo() };
}

/** Adds Microsoft's production Office.js to the page (the only supported source for numbered API sets). */
export function loadOfficeJs(doc: Document = document): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement("script");
    script.src = OFFICE_JS_URL;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error("office.js"));
    doc.head.appendChild(script);
  });
}

/**
 * How long Office.js may take to report ready. A network filter that lets office.js through but blocks
 * what it loads next leaves Office.onReady() pending for ever (OfficeDev/office-js #6148).
 */
export const OFFICE_READY_MS = 20_000;

/** `ready`'s value, or undefined when it has not settled within `ms`. */
export function readyWithin<T>(ready: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    ready.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
