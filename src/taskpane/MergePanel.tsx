import {
  Badge,
  Button,
  Field,
  Select,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { memo, useEffect, useRef, useState } from "react";
import { SuspectRule } from "../core/consolidate/suspect";
import { MERGE_SHEET, submissionSummary } from "../core/layout/mergeLayouts";
import { Period, PeriodKind, periodLabel } from "../core/period";
import { PeriodOptions, YearField, isValidYear } from "./PeriodFields";
import { PackageBadge } from "./PackageBadge";
import { usePackage } from "./PackageContext";
import { FilePicker } from "./FilePicker";
import { UnresolvedFiles } from "./UnresolvedFiles";
import { MergeSummary } from "./MergeSummary";
import { Workbook, useWorkbook } from "./workbook/Workbook";
import { ProvinceReportPanel } from "./ProvinceReportPanel";
import { PreviousPeriodPicker } from "./PreviousPeriodPicker";
import { ConsolidatedFigures } from "../core/compare/consolidated";
import { MergeClient, MergeStopped } from "./merge/mergeClient";
import { startMergeWorker } from "./merge/startWorker";
import { FileRow, Progress, progressText, settledRows, waitingRows, withReads } from "./merge/mergeProgress";
import { FileRead, MergeOutcome, MergeWritable } from "./merge/protocol";
import { useListLimit } from "./ListLimit";
import { useFocusAfter } from "./focusAfter";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Fixed: a line that changes is laid out alone, not every line of a province's table again.
  table: { tableLayout: "fixed" },
  name: { overflowWrap: "anywhere" },
  status: { whiteSpace: "nowrap", width: "9.5em" },
  badge: { whiteSpace: "nowrap" },
  progress: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
  // The bar steps with each batch: a width transition would lay the pane out again on every frame.
  bar: { transitionProperty: "none" },
  suspectList: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
});

const STATUS_TEXT: Record<FileRow["status"], string> = {
  waiting: "đang chờ",
  read: "đã đọc",
  rejected: "lỗi",
  duplicate: "trùng",
  otherPeriod: "khác kỳ báo cáo",
  unresolved: "chưa rõ đơn vị",
};

const STATUS_COLOR = {
  waiting: "informative",
  read: "success",
  rejected: "danger",
  duplicate: "warning",
  otherPeriod: "warning",
  unresolved: "danger",
} as const;

/** How often the status table and the progress line take in the files read meanwhile. */
const REFRESH_MS = 150;

/** One file's line; unchanged lines keep their object, so a batch re-renders only the lines it changed. */
const FileRowView = memo(function FileRowView({ row, nameClass, statusClass, badgeClass }: { row: FileRow; nameClass: string; statusClass: string; badgeClass: string }) {
  return (
    <TableRow data-testid="file-row">
      <TableCell className={nameClass}>
        {row.name}
        {row.detail ? <div>{row.detail}</div> : null}
      </TableCell>
      <TableCell className={statusClass}>
        <Badge color={STATUS_COLOR[row.status]} appearance="tint" className={badgeClass}>
          {STATUS_TEXT[row.status]}
        </Badge>
      </TableCell>
    </TableRow>
  );
});

/** Lines of suspect rules shown at first: a template's every rate can fail at once. */
const SUSPECT_STEP = 5;

/**
 * Rules most units break, said once with what to do, then one short line each (what the rule says, how
 * many units fail it), a few at a time: the rule's code and the repeated explanation would fill the pane.
 */
function SuspectRules({ rules }: { rules: SuspectRule[] }) {
  const styles = useStyles();
  const { limit, more } = useListLimit(rules.length, SUSPECT_STEP);
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody data-testid="merge-suspect">
        <div>
          {rules.length} quy tắc có thể sai: hơn nửa số đơn vị đã điền đủ số liệu không đạt, nên báo một lần, không tính là lỗi của từng đơn vị. Hãy xem lại
          các quy tắc này trong bộ quy tắc của tỉnh (mục “Bộ quy tắc kiểm tra” ở thẻ Kiểm tra).
        </div>
        <ul className={styles.suspectList}>
          {rules.slice(0, limit).map((s) => (
            <li key={s.rule} data-testid="suspect-rule">
              {s.description} ({s.failed}/{s.filled} đơn vị không đạt)
            </li>
          ))}
        </ul>
        {more}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The consolidation an earlier merge left in this workbook, where the host keeps one. */
function previousInWorkbook(workbook: Workbook) {
  const readSheet = workbook.readSheet;
  if (!readSheet) return undefined;
  return {
    label: `Dùng trang “${MERGE_SHEET}” đang có trong sổ này`,
    read: async () => {
      const grid = await readSheet(MERGE_SHEET);
      if (!grid) throw new Error(`sổ này chưa có trang “${MERGE_SHEET}” của lần tổng hợp trước.`);
      return { grids: [grid], name: `trang “${MERGE_SHEET}” của sổ này` };
    },
  };
}

export function MergePanel() {
  const styles = useStyles();
  const workbook = useWorkbook();
  const pkg = usePackage().effective;
  const [files, setFiles] = useState<File[]>([]);
  const [rows, setRows] = useState<FileRow[]>([]);
  const [progress, setProgress] = useState<Progress>();
  const [result, setResult] = useState<MergeOutcome>();
  const [message, setMessage] = useState<{ intent: "success" | "error" | "warning" | "info"; text: string }>();
  const [unitsText, setUnitsText] = useState("");
  const [assignments, setAssignments] = useState<Record<string, string>>({});
  const [previous, setPrevious] = useState<ConsolidatedFigures>();
  const [periodKind, setPeriodKind] = useState<PeriodKind | "auto">("auto");
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const yearValid = isValidYear(year);
  const period: Period | undefined = periodKind === "auto" || !yearValid ? undefined : { kind: periodKind, year: Number(year) };
  // The worker starts with the first merge and ends with the panel.
  const [client] = useState(() => new MergeClient(startMergeWorker));
  useEffect(() => () => client.stop(), [client]);
  const busy = progress !== undefined;
  const { limit, more } = useListLimit(rows.length);
  // The merge button is disabled and Dừng removed while merging: the keyboard focus goes on to the outcome.
  const messageRef = useRef<HTMLDivElement>(null);
  const mergeRef = useRef<HTMLButtonElement>(null);
  const pickRef = useRef<HTMLButtonElement>(null);
  useFocusAfter(busy, () => messageRef.current ?? mergeRef.current);

  function addFiles(list: File[]) {
    const merged = [...files, ...list.filter((f) => !files.some((x) => x.name === f.name && x.size === f.size))];
    setFiles(merged);
    client.prepare();
    setRows(merged.map((f) => ({ name: f.name, status: "waiting" })));
    setResult(undefined);
    setMessage(undefined);
  }

  /** Starts over with no file chosen (a wrong folder picked), keeping the unit list and the period. */
  function clearFiles() {
    setFiles([]);
    setRows([]);
    setResult(undefined);
    setMessage(undefined);
    setAssignments({});
    // The button pressed goes away with the files: the focus goes to choosing files again.
    pickRef.current?.focus();
  }

  /** The merge sheets or file, where the host takes them. */
  function deliver(w: MergeWritable): Promise<string> {
    if (w.bytes && workbook.writeMergeFile) return workbook.writeMergeFile(w.bytes, w.fileName);
    return workbook.writeMerge(w.layouts ?? [], w.fileName);
  }

  /** Merges the chosen files; `typedUnits` is the list of units as the officer's text, when it has just changed. */
  async function onMerge(typedUnits = unitsText) {
    const total = files.length;
    setMessage(undefined);
    setResult(undefined);
    setRows(waitingRows);
    setProgress({ phase: "reading", read: 0, total, failed: 0 });
    // Files read meanwhile, taken into the table in batches: one render per batch, not per file.
    let batch: FileRead[] = [];
    let read = 0;
    let failed = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const taken = batch;
      batch = [];
      setRows((rs) => withReads(rs, taken));
      setProgress(read === total ? { phase: "merging", total } : { phase: "reading", read, total, failed });
    };
    const onRead = (f: FileRead) => {
      read++;
      if (!f.ok) failed++;
      batch.push(f);
      if (read === total) {
        clearTimeout(timer);
        flush();
      } else timer ??= setTimeout(flush, REFRESH_MS);
    };
    const settle = async () => {
      let expected = typedUnits
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .map((name) => ({ name }));
      if (!expected.length) expected = await workbook.readExpectedUnits();
      // Choices made in this pane win over those typed into the workbook's status sheet.
      const stored = await workbook.readAssignments();
      return { expected, period, previous, assignments: { ...stored, ...assignments }, output: workbook.writeMergeFile ? ("xlsx" as const) : ("sheets" as const) };
    };
    try {
      const c = await client.merge(files, pkg.pkg, settle, onRead);
      clearTimeout(timer);
      setResult(c);
      setRows((rs) => settledRows(rs, c.files));
      // Unresolved files still get the workbook: its status sheet lists them with a unit choice.
      if (!c.units.length && !c.files.some((f) => f.status === "unresolved")) {
        setMessage({ intent: "error", text: "Không có tệp nào tổng hợp được." });
        return;
      }
      setProgress({ phase: "writing" });
      const changed = c.units.filter((u) => u.changedSincePrevious).map((u) => u.unitName);
      const where = await deliver(c);
      // The counts and names are in the summary under the message; the message says what was done and where.
      const problems = c.files.some((f) => f.status !== "read") || c.missing.length > 0 || c.units.some((u) => u.errors > 0);
      setMessage({
        intent: problems || c.waiting.length || changed.length ? "warning" : "success",
        text: `Đã tổng hợp ${c.units.length} đơn vị${c.period ? ` (${periodLabel(c.period)})` : ""}${problems ? "; xem các tệp cần xử lý ở “Kết quả tổng hợp” bên dưới" : ""}. ${where}${
          previous ? (changed.length ? ` So với kỳ trước, cần xem lại số liệu của: ${changed.join("; ")} (trang Lỗi).` : " So với kỳ trước: không có số liệu giảm hay nhảy vọt bất thường.") : ""
        }`,
      });
    } catch (e) {
      clearTimeout(timer);
      if (e instanceof MergeStopped) {
        setRows(waitingRows);
        setMessage({ intent: "info", text: "Đã dừng tổng hợp; chưa ghi kết quả nào. Bấm nút tổng hợp để bắt đầu lại." });
      } else setMessage({ intent: "error", text: e instanceof Error ? e.message : "Không tổng hợp được." });
    } finally {
      setProgress(undefined);
    }
  }

  // The count table lists who sent nothing; the bar adds units with a waiting file and repeated list lines.
  const waitingLines = result ? submissionSummary({ ...result, missing: [] }) : [];
  return (
    <div className={styles.panel}>
      <FilePicker
        label="Chọn các tệp báo cáo đã nhận (.xlsx), báo cáo Word (.docx) hoặc bảng tính (.ods)"
        multiple
        onFiles={addFiles}
        disabled={busy}
        chosen={files.length ? `${files.length} tệp (chọn thêm để bổ sung)` : ""}
        buttonRef={pickRef}
      >
        {files.length > 0 && (
          <Button size="small" disabled={busy} onClick={clearFiles}>
            Bỏ các tệp đã chọn
          </Button>
        )}
      </FilePicker>
      <Field label={workbook.expectedUnitsLabel}>
        <Textarea value={unitsText} onChange={(_e, d) => setUnitsText(d.value)} rows={3} resize="vertical" />
      </Field>
      <Field label="Kỳ tổng hợp">
        <Select value={periodKind} onChange={(_e, d) => setPeriodKind(d.value as PeriodKind | "auto")}>
          <option value="auto">Tự động (kỳ của đa số tệp)</option>
          <PeriodOptions />
        </Select>
      </Field>
      {periodKind !== "auto" && <YearField label="Năm tổng hợp" value={year} onChange={setYear} />}
      <PreviousPeriodPicker
        consolidatedOnly
        disabled={busy}
        onChange={(s) => setPrevious(s?.kind === "consolidated" ? s.consolidated : undefined)}
        fromWorkbook={previousInWorkbook(workbook)}
      />
      <Button ref={mergeRef} appearance="primary" disabled={!files.length || busy || (periodKind !== "auto" && !yearValid)} onClick={() => void onMerge()}>
        {workbook.mergeLabel(files.length)}
      </Button>
      {progress && (
        <div className={styles.progress}>
          <Text data-testid="merge-progress" aria-live="polite">
            {progressText(progress)}
          </Text>
          <ProgressBar value={progress.phase === "reading" ? progress.read / progress.total : undefined} bar={{ className: styles.bar }} aria-label="Tiến độ tổng hợp" />
          {progress.phase !== "writing" && <Button onClick={() => client.stop()}>Dừng</Button>}
        </div>
      )}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody data-testid="merge-message" ref={messageRef} tabIndex={-1}>
            {message.text}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && <PackageBadge />}
      {rows.length > 0 && !result && (
        <>
        <Table size="small" aria-label="Trạng thái từng tệp" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Tệp</TableHeaderCell>
              <TableHeaderCell className={styles.status}>Trạng thái</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.slice(0, limit).map((r) => (
              <FileRowView key={r.name} row={r} nameClass={styles.name} statusClass={styles.status} badgeClass={styles.badge} />
            ))}
          </TableBody>
        </Table>
        {more}
        </>
      )}
      {/* The count table lists who sent nothing; these say what it cannot: units with a waiting file, repeated list lines, suspect rules. */}
      {result?.suspect?.length ? <SuspectRules rules={result.suspect} /> : null}
      {waitingLines.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="merge-waiting">
            {waitingLines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <MergeSummary
          outcome={result}
          unresolved={
            <UnresolvedFiles
              files={result.files.filter((f) => f.status === "unresolved" || f.assigned)}
              expected={result.expected}
              assignments={assignments}
              onAssign={(file, unit) => setAssignments({ ...assignments, [file]: unit })}
              onRemerge={() => void onMerge()}
              onAddUnlisted={(names) => {
                const list = [...result.expected.map((e) => e.name), ...names].join("\n");
                setUnitsText(list);
                void onMerge(list);
              }}
              busy={busy}
            />
          }
        />
      )}
      {result && result.units.length > 0 && (
        <ProvinceReportPanel
          makeReport={async (templateId, heading) => {
            const out = await client.report(templateId, workbook.writeMergeFile ? "xlsx" : "sheets", heading);
            await deliver(out);
            return out.report;
          }}
        />
      )}
    </div>
  );
}
