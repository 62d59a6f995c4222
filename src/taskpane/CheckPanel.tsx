import { Button, MessageBar, MessageBarBody, Spinner, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { RefObject, useEffect, useRef, useState } from "react";
import { checkReceivedFile } from "../adapters/receivedFile";
import { CheckResult } from "../core/check/check";
import { Finding, countBySeverity } from "../core/findings";
import { Submission } from "../core/recognize/submission";
import { periodLabel } from "../core/period";
import { readFileBytes } from "./download";
import { FindingsList } from "./FindingsList";
import { useWorkbook } from "./workbook/Workbook";
import { debounce } from "./debounce";
import { ConvertButton } from "./ConvertButton";
import { FilePicker } from "./FilePicker";
import { RuleSetPanel } from "./RuleSetPanel";
import { PackageBadge } from "./PackageBadge";
import { usePackage } from "./PackageContext";
import { PreviousPeriodPicker } from "./PreviousPeriodPicker";
import { PreviousSource, checkAgainstPrevious } from "../core/compare/source";
import { useFocusAfter } from "./focusAfter";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export function CheckPanel() {
  const styles = useStyles();
  const { activeSheet } = useWorkbook();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CheckResult>();
  const [notice, setNotice] = useState<string>();
  const [previous, setPrevious] = useState<PreviousSource>();
  // What the comparison with the previous period added, so a comparison that finds nothing still says so.
  const [compared, setCompared] = useState<string>();
  // The picker is disabled while checking: the keyboard focus goes on to the outcome.
  const outcome = useRef<HTMLDivElement>(null);
  useFocusAfter(busy, () => outcome.current);

  // The last check, so choosing (or dropping) the previous period checks again at once.
  const last = useRef<() => Promise<{ result: CheckResult; notice?: string }>>();

  async function run(action: () => Promise<{ result: CheckResult; notice?: string }>, against = previous) {
    last.current = action;
    setBusy(true);
    setResult(undefined);
    setNotice(undefined);
    setCompared(undefined);
    try {
      const out = await action();
      const withPrevious = checkAgainstPrevious(out.result, against, ruleSet);
      setResult(withPrevious.result);
      setNotice([out.notice, withPrevious.note].filter(Boolean).join(" ") || undefined);
      if (against && against.kind !== "unreadable" && !withPrevious.note && out.result.ok && withPrevious.result.ok) {
        const added = withPrevious.result.findings.length - out.result.findings.length;
        setCompared(added ? `So với kỳ trước: ${added} lỗi/cảnh báo (số liệu giảm hoặc nhảy vọt), có trong danh sách dưới đây.` : "So với kỳ trước: không có số liệu giảm hay nhảy vọt bất thường.");
      }
    } catch (e) {
      setResult({ ok: false, reason: e instanceof Error ? e.message : "Không kiểm tra được." });
    } finally {
      setBusy(false);
    }
  }

  const { catalog, ruleSet } = usePackage().effective;
  const [live, setLive] = useState(false);
  const recheck = useRef(() => {});
  recheck.current = () => {
    if (activeSheet) void run(() => activeSheet.check(catalog, ruleSet));
  };

  // Optional: check again 1.5 s after the officer stops typing on the sheet.
  useEffect(() => {
    if (!live || !activeSheet) return;
    const d = debounce(() => recheck.current(), 1500);
    let stop: (() => Promise<void>) | undefined;
    let cancelled = false;
    activeSheet.watch(d.call).then(
      (s) => (cancelled ? void s() : (stop = s)),
      (e: unknown) => {
        setLive(false);
        setNotice(`${e instanceof Error ? e.message : "Không theo dõi được thay đổi trên trang tính."} Hãy bấm Kiểm tra sau khi sửa.`);
      },
    );
    return () => {
      cancelled = true;
      d.cancel();
      void stop?.();
    };
  }, [live, activeSheet]);

  async function clearMarks() {
    if (!activeSheet) return;
    setLive(false);
    setNotice(undefined);
    try {
      setNotice((await activeSheet.clearMarks()).notice);
      setResult(undefined);
    } catch (e) {
      setNotice(e instanceof Error ? e.message : "Không xóa được đánh dấu.");
    }
  }

  function select(sheetName: string, cell: string) {
    setNotice(undefined);
    activeSheet?.selectCell(sheetName, cell).catch((e: unknown) => setNotice(e instanceof Error ? e.message : "Không chọn được ô."));
  }

  async function checkFile(files: File[]) {
    const file = files[0];
    if (!file) return;
    await run(async () => ({ result: checkReceivedFile(await readFileBytes(file), file.name, catalog, ruleSet) }));
  }

  return (
    <div className={styles.panel}>
      {activeSheet ? (
        <>
          <Button appearance="primary" disabled={busy} onClick={() => recheck.current()}>
            {activeSheet.checkLabel}
          </Button>
          <Button disabled={busy} onClick={() => void clearMarks()}>
            {activeSheet.clearLabel}
          </Button>
          <Switch checked={live} onChange={(_e, d) => setLive(d.checked)} label={activeSheet.liveLabel} />
          {live && <Text size={200}>{activeSheet.liveUndoNote}</Text>}
        </>
      ) : (
        <FilePicker label="Chọn tệp báo cáo cần kiểm tra (.xlsx), báo cáo Word (.docx) hoặc bảng tính (.ods)" multiple={false} disabled={busy} onFiles={(f) => void checkFile(f)} />
      )}
      {/* An input like the report itself: above the findings, which can run long. */}
      <PreviousPeriodPicker
        consolidatedOnly={false}
        disabled={busy}
        onChange={(p) => {
          setPrevious(p);
          if (last.current) void run(last.current, p);
        }}
      />
      {busy && <Spinner label="Đang kiểm tra…" />}
      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {result && !result.ok && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="check-error" ref={outcome} tabIndex={-1}>
            {result.reason}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && result.ok && <CheckSummary result={result} compared={compared} summaryRef={outcome} onSelect={activeSheet ? select : undefined} />}
      <RuleSetPanel />
    </div>
  );
}

function CheckSummary({
  result,
  compared,
  summaryRef,
  onSelect,
}: {
  result: Extract<CheckResult, { ok: true }>;
  compared?: string;
  summaryRef: RefObject<HTMLDivElement>;
  onSelect?: (sheetName: string, cell: string) => void;
}) {
  const { submission, findings } = result;
  const c = countBySeverity(findings);
  return (
    <>
      <MessageBar intent={c.errors ? "error" : c.warnings ? "warning" : "success"}>
        <MessageBarBody data-testid="check-summary" ref={summaryRef} tabIndex={-1}>
          {submission.unitName ?? "Chưa rõ đơn vị"} · {submission.period ? periodLabel(submission.period) : "chưa rõ kỳ"} · {submission.template.name}: {c.errors} lỗi, {c.warnings} cảnh báo.
        </MessageBarBody>
      </MessageBar>
      {compared && <Text data-testid="check-previous">{compared}</Text>}
      <Text size={200}>{result.format === "docx" ? `Tệp Word, “${submission.sheetName}”` : `Trang “${submission.sheetName}”`}</Text>
      <PackageBadge />
      {result.format === "docx" && <ConvertButton result={result} />}
      <FindingsList findings={findings} onSelect={onSelect && ((f) => onSelect(submission.sheetName, f.cell))} rowOf={(f) => rowOf(submission, f)} />
    </>
  );
}

/** The row a finding is on, by its label and the value read there (the page has no cell to select). */
function rowOf(submission: Submission, f: Finding): { label: string; value: string } | undefined {
  const m = submission.matched.find((x) => x.row.r + 1 === f.row);
  if (!m) return undefined;
  const v = m.row.value?.value;
  return { label: m.row.label || m.templateRow.label, value: v === undefined || v === null ? "" : String(v) };
}
