import { Button, Field, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { isValueRow } from "../core/catalog/schema";
import { ProvinceReport, missingRowName } from "../core/report/provinceReport";
import { FindingsList } from "./FindingsList";
import { usePackage } from "./PackageContext";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * "Lập báo cáo của tỉnh" after a merge: the province's own appendix in a chosen template, made by
 * `makeReport` (the merge panel has the merge worker build it from the last merge and hands it, with the
 * merge sheets, to the workbook: Excel or a download).
 */
export function ProvinceReportPanel({ makeReport }: { makeReport: (templateId: string) => Promise<ProvinceReport> }) {
  const styles = useStyles();
  const { catalog } = usePackage().effective;
  // The template that says who reports each row is the natural default.
  const preferred = catalog.templates.find((t) => t.rows.some((r) => isValueRow(r) && r.reporter)) ?? catalog.templates[0];
  const [templateId, setTemplateId] = useState(preferred?.id ?? "");
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ProvinceReport>();
  const [error, setError] = useState<string>();

  async function onReport() {
    const t = catalog.byId.get(templateId);
    if (!t) return;
    setBusy(true);
    setError(undefined);
    try {
      setReport(await makeReport(t.id));
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
        <Select value={templateId} onChange={(_e, d) => setTemplateId(d.value)}>
          {catalog.templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="primary" disabled={busy || !templateId} onClick={() => void onReport()}>
        Lập báo cáo của tỉnh
      </Button>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <>
          <MessageBar intent={blanks || report.findings.length ? "warning" : "success"}>
            <MessageBarBody data-testid="report-message">
              Đã lập trang “Báo cáo của tỉnh” theo mẫu {report.template.name}: {values.length - blanks} chỉ tiêu có số liệu, {blanks} còn trống; {report.findings.length} lỗi/cảnh báo.
            </MessageBarBody>
          </MessageBar>
          {report.missing.length > 0 && (
            <>
              <Text weight="semibold">Còn thiếu</Text>
              <ul className={styles.list} aria-label="Còn thiếu">
                {report.missing.map((m) => (
                  <li key={m.who} data-testid="report-missing">
                    {m.who}: {m.rows.map(missingRowName).join("; ")}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Text weight="semibold">Kiểm tra báo cáo của tỉnh</Text>
          <FindingsList findings={report.findings} />
        </>
      )}
    </section>
  );
}
