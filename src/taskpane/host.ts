/** Where the task pane runs: inside Excel (Office.js) or as a plain web page (upload and download files). */
export type HostKind = "excel" | "standalone";

/** Detects the host once at start-up; outside Office, office.js never reports Excel. */
export async function detectHost(timeoutMs = 3000): Promise<HostKind> {
  if (typeof Office === "undefined" || !Office.onReady) return "standalone";
  const ready = Office.onReady().then((info) => (info.host === Office.HostType.Excel ? "excel" : "standalone"));
  const timeout = new Promise<HostKind>((resolve) => setTimeout(() => resolve("standalone"), timeoutMs));
  return Promise.race([ready, timeout]);
}
