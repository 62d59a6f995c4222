import { Button, Field, Input, MessageBar, MessageBarBody, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { buildTemplateLayout } from "../core/layout/templateLayout";
import { PeriodKind } from "../core/period";
import { PeriodOptions, YearField, isValidYear } from "./PeriodFields";
import { usePackage } from "./PackageContext";
import { unitTypeReportsIn } from "../core/package/package";
import { useWorkbook } from "./workbook/Workbook";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "420px" },
});

type Status = { intent: "success" | "error"; text: string } | undefined;

export function InsertPanel() {
  const styles = useStyles();
  const workbook = useWorkbook();
  const { catalog, unitTypes: types } = usePackage().effective;
  // The package's unit types that have a template, in the package's order.
  const unitTypes = useMemo(() => types.filter((u) => catalog.templates.some((t) => t.unitType === u.id)).map((u) => [u.id, u.label] as const), [types, catalog]);
  const [unitType, setUnitType] = useState(unitTypes[0]?.[0] ?? "");
  const versions = catalog.templates.filter((t) => t.unitType === unitType);
  const [templateId, setTemplateId] = useState(versions[0]?.id ?? "");
  const [period, setPeriod] = useState<PeriodKind>("q1");
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [unitName, setUnitName] = useState("");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();

  const yearNumber = Number(year);
  const yearValid = isValidYear(year);
  const chosenType = types.find((u) => u.id === unitType);
  const outOfPeriod = chosenType && yearValid && !unitTypeReportsIn(chosenType, { kind: period, year: yearNumber });

  async function onInsert() {
    const t = catalog.byId.get(templateId);
    if (!t || !yearValid) return;
    setBusy(true);
    setStatus(undefined);
    try {
      const layout = buildTemplateLayout(t, { period: { kind: period, year: yearNumber }, unitName });
      const text = await workbook.insertTemplate(layout, { fileName: `bieu-mau-${t.id}-${period}-${yearNumber}.xlsx`, templateName: t.name, rowCount: t.rows.length });
      setStatus({ intent: "success", text });
    } catch (e) {
      setStatus({ intent: "error", text: e instanceof Error ? e.message : "Không chèn được biểu mẫu." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void onInsert();
      }}
    >
      <Field label="Loại đơn vị">
        <Select
          value={unitType}
          onChange={(_e, d) => {
            setUnitType(d.value);
            setTemplateId(catalog.templates.find((t) => t.unitType === d.value)?.id ?? "");
          }}
        >
          {unitTypes.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Phiên bản biểu mẫu">
        <Select value={templateId} title={catalog.byId.get(templateId)?.name} onChange={(_e, d) => setTemplateId(d.value)}>
          {versions.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Kỳ báo cáo">
        <Select value={period} onChange={(_e, d) => setPeriod(d.value as PeriodKind)}>
          <PeriodOptions />
        </Select>
      </Field>
      <YearField label="Năm" value={year} onChange={setYear} />
      {outOfPeriod && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Theo bộ biểu mẫu, {chosenType.label} không báo cáo kỳ này
            {chosenType.validTo ? ` (chỉ đến tháng ${chosenType.validTo.split("-").reverse().join("/")})` : ""}
            {chosenType.validFrom ? ` (từ tháng ${chosenType.validFrom.split("-").reverse().join("/")})` : ""}.
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label="Tên đơn vị báo cáo" hint="Ví dụ: Sở Nông nghiệp và Phát triển nông thôn">
        <Input value={unitName} onChange={(_e, d) => setUnitName(d.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy || !templateId || !yearValid}>
        {workbook.insertLabel}
      </Button>
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
