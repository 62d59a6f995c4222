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
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { checkReceivedFile } from "../adapters/receivedFile";
import { Consolidation, FileStatus, MergeInput, consolidate } from "../core/consolidate/consolidate";
import { MERGE_SHEET, buildMergeLayouts, submissionSummary } from "../core/layout/mergeLayouts";
import { Period, PeriodKind, periodLabel } from "../core/period";
import { PeriodOptions, YearField, isValidYear } from "./PeriodFields";
import { PackageBadge } from "./PackageBadge";
import { usePackage } from "./PackageContext";
import { readFileBytes } from "./download";
import { FilePicker } from "./FilePicker";
import { UnresolvedFiles } from "./UnresolvedFiles";
import { MergeSummary } from "./MergeSummary";
import { Workbook, useWorkbook } from "./workbook/Workbook";
import { ProvinceReportPanel } from "./ProvinceReportPanel";
import { PreviousPeriodPicker } from "./PreviousPeriodPicker";
import { ConsolidatedFigures } from "../core/compare/consolidated";
import { withPrevious } from "../core/compare/source";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  table: { tableLayout: "auto" },
  status: { whiteSpace: "nowrap", width: "9.5em" },
  badge: { whiteSpace: "nowrap" },
});

interface FileRow {
  name: string;
  status: "waiting" | FileStatus;
  detail?: string;
}

const STATUS_TEXT: Record<FileRow["status"], string> = {
  waiting: "đang chờ",
  read: "đã đọc",
  rejected: "lỗi",
  duplicate: "trùng",
  otherPeriod: "khác kỳ báo cáo",
  unresolved: "chưa rõ đơn vị",
};

const STATUS_COLOR = { waiting: "informative", read: "success", rejected: "danger", duplicate: "warning", otherPeriod: "warning", unresolved: "danger" } as const;

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

/** Lets the browser paint between files so the progress bar moves. */
const nextFrame = () => new Promise<void>((r) => setTimeout(r, 0));

export function MergePanel() {
  const styles = useStyles();
  const workbook = useWorkbook();
  const pkg = usePackage().effective;
  const [files, setFiles] = useState<File[]>([]);
  const [rows, setRows] = useState<FileRow[]>([]);
  const [progress, setProgress] = useState<number>();
  const [result, setResult] = useState<Consolidation>();
  const [message, setMessage] = useState<{ intent: "success" | "error" | "warning"; text: string }>();
  const [unitsText, setUnitsText] = useState("");
  const [assignments, setAssignments] = useState<Record<string, string>>({});
  const [previous, setPrevious] = useState<ConsolidatedFigures>();
  const [periodKind, setPeriodKind] = useState<PeriodKind | "auto">("auto");
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const yearValid = isValidYear(year);
  const period: Period | undefined = periodKind === "auto" || !yearValid ? undefined : { kind: periodKind, year: Number(year) };

  function addFiles(list: File[]) {
    const merged = [...files, ...list.filter((f) => !files.some((x) => x.name === f.name && x.size === f.size))];
    setFiles(merged);
    setRows(merged.map((f) => ({ name: f.name, status: "waiting" })));
    setResult(undefined);
    setMessage(undefined);
  }

  async function onMerge() {
    const { catalog, ruleSet } = pkg;
    setMessage(undefined);
    setProgress(0);
    const inputs: MergeInput[] = [];
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      inputs.push({ fileName: f.name, result: checkReceivedFile(await readFileBytes(f), f.name, catalog, ruleSet), modified: f.lastModified });
      setProgress((i + 1) / files.length);
      await nextFrame();
    }
    let expected = unitsText
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((name) => ({ name }));
    try {
      if (!expected.length) expected = await workbook.readExpectedUnits();
      // Choices made in this pane win over those typed into the workbook's status sheet.
      const stored = await workbook.readAssignments();
      const merged = consolidate(inputs, { expected, period, assignments: { ...stored, ...assignments }, unitTypes: pkg.unitTypes, rules: ruleSet.rules });
      const c = previous ? withPrevious(merged, previous, ruleSet) : merged;
      setResult(c);
      setRows(c.files.map((f) => ({ name: f.fileName, status: f.status, detail: f.reason })));
      // Unresolved files still get the workbook: its status sheet lists them with a unit choice.
      if (!c.units.length && !c.files.some((f) => f.status === "unresolved")) {
        setMessage({ intent: "error", text: "Không có tệp nào tổng hợp được." });
        return;
      }
      const layouts = buildMergeLayouts(c, { outliers: ruleSet.outliers });
      const changed = previous ? c.units.filter((u) => u.findings.some((f) => f.rule.startsWith("previous."))).map((u) => u.unitName) : [];
      const where = await workbook.writeMerge(layouts, `tong-hop-cchc${c.period ? `-${c.period.kind}-${c.period.year}` : ""}.xlsx`);
      // The counts and names are in the summary under the message; the message says what was done and where.
      const problems = c.files.some((f) => f.status !== "read") || c.missing.length > 0 || c.units.some((u) => u.errors > 0);
      setMessage({
        intent: problems || c.waiting.length || changed.length ? "warning" : "success",
        text: `Đã tổng hợp ${c.units.length} đơn vị${c.period ? ` (${periodLabel(c.period)})` : ""}${problems ? "; xem các tệp cần xử lý ở “Kết quả tổng hợp” bên dưới" : ""}. ${where}${
          previous ? (changed.length ? ` So với kỳ trước, cần xem lại số liệu của: ${changed.join("; ")} (trang Lỗi).` : " So với kỳ trước: không có số liệu giảm hay nhảy vọt bất thường.") : ""
        }`,
      });
    } catch (e) {
      setMessage({ intent: "error", text: e instanceof Error ? e.message : "Không tổng hợp được." });
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <div className={styles.panel}>
      <FilePicker label="Chọn các tệp báo cáo đã nhận (.xlsx), báo cáo Word (.docx) hoặc bảng tính (.ods)" multiple onFiles={addFiles} disabled={progress !== undefined} />
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
        disabled={progress !== undefined}
        onChange={(s) => setPrevious(s?.kind === "consolidated" ? s.consolidated : undefined)}
        fromWorkbook={previousInWorkbook(workbook)}
      />
      <Button appearance="primary" disabled={!files.length || progress !== undefined || (periodKind !== "auto" && !yearValid)} onClick={() => void onMerge()}>
        {workbook.mergeLabel(files.length)}
      </Button>
      {progress !== undefined && <ProgressBar value={progress} aria-label="Tiến độ đọc tệp" />}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody data-testid="merge-message">{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {result && <PackageBadge />}
      {rows.length > 0 && !result && (
        <Table size="small" aria-label="Trạng thái từng tệp" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Tệp</TableHeaderCell>
              <TableHeaderCell className={styles.status}>Trạng thái</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.name} data-testid="file-row">
                <TableCell>
                  {r.name}
                  {r.detail ? <div>{r.detail}</div> : null}
                </TableCell>
                <TableCell className={styles.status}>
                  <Badge color={STATUS_COLOR[r.status]} appearance="tint" className={styles.badge}>
                    {STATUS_TEXT[r.status]}
                  </Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {result && (
        <MergeSummary
          consolidation={result}
          unresolved={
            <UnresolvedFiles
              files={result.files.filter((f) => f.status === "unresolved" || f.assigned)}
              expected={result.expected}
              assignments={assignments}
              onAssign={(file, unit) => setAssignments({ ...assignments, [file]: unit })}
              onRemerge={() => void onMerge()}
              busy={progress !== undefined}
            />
          }
        />
      )}
      {result && result.units.length > 0 && (
        <ProvinceReportPanel
          consolidation={result}
          deliver={(report) => workbook.writeMerge([...buildMergeLayouts(result), report], `bao-cao-cua-tinh${result.period ? `-${result.period.kind}-${result.period.year}` : ""}.xlsx`)}
        />
      )}
      {result && submissionSummary(result).length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="merge-missing">
            {submissionSummary(result).map((line) => (
              <div key={line}>{line}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
