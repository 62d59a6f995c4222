import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { useFocusAfter } from "./focusAfter";
import { isValueRow } from "../core/catalog/schema";
import { ReportHeading } from "../core/layout/reportLayout";
import { reportDateText } from "../core/layout/templateLayout";
import { ProvinceReport, missingRowName } from "../core/report/provinceReport";
import { FindingsList } from "./FindingsList";
import { usePackage } from "./PackageContext";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalM, paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS },
  table: { tableLayout: "fixed", width: "100%" },
  who: { width: "38%", verticalAlign: "top" },
});

const HEADING_KEY = "cchc.provinceReportHeading";

/** The province, report number and date typed last time: asked once, then remembered on this computer. */
function rememberedHeading(): ReportHeading {
  try {
    const h = JSON.parse(globalThis.localStorage?.getItem(HEADING_KEY) ?? "{}") as unknown;
    if (!h || typeof h !== "object") return {};
    const pick = (k: string) => (typeof (h as Record<string, unknown>)[k] === "string" ? ((h as Record<string, string>)[k] as string) : undefined);
    return { province: pick("province"), number: pick("number"), date: pick("date") };
  } catch {
    return {};
  }
}

/**
 * "Lập báo cáo của tỉnh" after a merge: the province's own appendix in a chosen template, made by
 * `makeReport` (the merge panel has the merge worker build it from the last merge and hands it, with the
 * merge sheets, to the workbook: Excel or a download).
 */
export function ProvinceReportPanel({ makeReport }: { makeReport: (templateId: string, heading: ReportHeading) => Promise<ProvinceReport> }) {
  const styles = useStyles();
  const { catalog } = usePackage().effective;
  // The template that says who reports each row is the natural default.
  const preferred = catalog.templates.find((t) => t.rows.some((r) => isValueRow(r) && r.reporter)) ?? catalog.templates[0];
  const [templateId, setTemplateId] = useState(preferred?.id ?? "");
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ProvinceReport>();
  const [error, setError] = useState<string>();
  // The button is disabled while the report is made: the keyboard focus goes on to what was done.
  const outcome = useRef<HTMLDivElement>(null);
  useFocusAfter(busy, () => outcome.current);
  const [heading, setHeading] = useState<ReportHeading>(rememberedHeading);
  const dateInvalid = !!heading.date && !reportDateText(heading.date);
  const edit = (k: keyof ReportHeading) => (_e: unknown, d: { value: string }) => {
    const next = { ...heading, [k]: d.value };
    setHeading(next);
    globalThis.localStorage?.setItem(HEADING_KEY, JSON.stringify(next));
  };

  async function onReport() {
    const t = catalog.byId.get(templateId);
    if (!t) return;
    setBusy(true);
    setError(undefined);
    try {
      setReport(await makeReport(t.id, heading));
    } catch (e) {
      setReport(undefined);
      setError(e instanceof Error ? e.message : "Không lập được báo cáo của tỉnh.");
    } finally {
      setBusy(false);
    }
  }

  const values = report?.rows.filter((r) => r.id) ?? [];
  const blanks = values.filter((r) => r.value === null).length;
  return (
    <section className={styles.panel} aria-label="Lập báo cáo của tỉnh">
      <Text as="h2" size={400} weight="semibold">
        Lập báo cáo của tỉnh
      </Text>
      <Field label="Biểu mẫu báo cáo của tỉnh">
        <Select value={templateId} title={catalog.byId.get(templateId)?.name} onChange={(_e, d) => setTemplateId(d.value)}>
          {catalog.templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Tên tỉnh, thành phố" hint="Ví dụ: Hà Tĩnh, hoặc thành phố Cần Thơ">
        <Input value={heading.province ?? ""} onChange={edit("province")} />
      </Field>
      <Field label="Số báo cáo" hint="Ví dụ: 125/BC-UBND">
        <Input value={heading.number ?? ""} onChange={edit("number")} />
      </Field>
      <Field label="Ngày báo cáo" hint="Ngày/tháng/năm, ví dụ 20/03/2026" validationMessage={dateInvalid ? "Ngày không hợp lệ: viết ngày/tháng/năm, ví dụ 20/03/2026." : undefined}>
        <Input value={heading.date ?? ""} onChange={edit("date")} />
      </Field>
      <Button appearance="primary" disabled={busy || !templateId || dateInvalid} onClick={() => void onReport()}>
        Lập báo cáo của tỉnh
      </Button>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody ref={outcome} tabIndex={-1}>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <>
          <MessageBar intent={blanks || report.findings.length ? "warning" : "success"}>
            <MessageBarBody data-testid="report-message" ref={outcome} tabIndex={-1}>
              Đã lập trang “Báo cáo của tỉnh” theo mẫu {report.template.name}: {values.length - blanks} chỉ tiêu có số liệu, {blanks} còn trống; {report.findings.length} lỗi/cảnh báo.
            </MessageBarBody>
          </MessageBar>
          {report.missing.length > 0 && (
            <>
              <Text weight="semibold">Còn thiếu</Text>
              <Table size="extra-small" aria-label="Còn thiếu: ai cần gửi những dòng nào" className={styles.table}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={styles.who}>Cần gửi</TableHeaderCell>
                    <TableHeaderCell>Dòng còn thiếu</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {report.missing.map((m) => (
                    <TableRow key={m.who} data-testid="report-missing">
                      <TableCell className={styles.who}>
                        {m.who} ({m.rows.length} dòng)
                      </TableCell>
                      <TableCell>
                        <ul className={styles.list}>
                          {m.rows.map((r) => (
                            <li key={missingRowName(r)}>{missingRowName(r)}</li>
                          ))}
                        </ul>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
          <Text weight="semibold">Kiểm tra báo cáo của tỉnh</Text>
          <FindingsList findings={report.findings} />
        </>
      )}
    </section>
  );
}
