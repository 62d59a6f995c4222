import { createRoot } from "react-dom/client";
import { App } from "./App";
import { OFFICE_READY_MS, currentPageEnv, loadOfficeJs, officeHostInfo, readyWithin } from "./host";
import { workbookPackageStorage } from "../adapters/office/readSheet";
import { Workbook } from "./workbook/Workbook";
import { excelWorkbook, officeUnavailable } from "./workbook/excelWorkbook";
import { fileWorkbook } from "./workbook/fileWorkbook";

/** This page without Office's parameters: what an officer opens in a browser when Excel cannot run the add-in. */
function standalonePageUrl(): string {
  return `${window.location.origin}${window.location.pathname}`;
}

/** Chooses the workbook once: Excel when Office opened the page, files in the browser otherwise. */
async function startWorkbook(): Promise<Workbook> {
  const info = officeHostInfo(currentPageEnv());
  if (!info) return fileWorkbook();
  try {
    await loadOfficeJs();
  } catch {
    return officeUnavailable(standalonePageUrl(), "load");
  }
  const ready = await readyWithin(Office.onReady(), OFFICE_READY_MS).catch(() => undefined);
  if (!ready) return officeUnavailable(standalonePageUrl(), "start");
  const { host } = ready;
  return host === Office.HostType.Excel ? excelWorkbook(standalonePageUrl(), await workbookPackageStorage()) : fileWorkbook();
}

/** Set by taskpane.html's ES5 check: the webview lacks modern JavaScript and already shows why. */
const legacy = (window as { CCHC_LEGACY?: boolean }).CCHC_LEGACY === true;

if (!legacy)
  void startWorkbook().then((workbook) => {
    const root = document.getElementById("root");
    if (root) createRoot(root).render(<App workbook={workbook} />);
  });
