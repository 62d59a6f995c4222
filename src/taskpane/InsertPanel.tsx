import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { useFocusAfter } from "./focusAfter";
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

/** `onOpenPackage`: where the province's package is loaded (the package tab), offered when a template is missing. */
export function InsertPanel({ onOpenPackage }: { onOpenPackage?: () => void }) {
  const styles = useStyles();
  const workbook = useWorkbook();
  const { catalog, unitTypes: types } = usePackage().effective;
  // Every unit type of the package, in its order: a type without a template says so instead of disappearing.
  const unitTypes = useMemo(() => types.map((u) => [u.id, u.label] as const), [types]);
  const [unitType, setUnitType] = useState(types.find((u) => catalog.templates.some((t) => t.unitType === u.id))?.id ?? "");
  const versions = catalog.templates.filter((t) => t.unitType === unitType);
  const [templateId, setTemplateId] = useState(versions[0]?.id ?? "");
  const [period, setPeriod] = useState<PeriodKind>("q1");
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [unitName, setUnitName] = useState("");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  // The button is disabled while the template is made: the keyboard focus goes on to what was done.
  const statusRef = useRef<HTMLDivElement>(null);
  useFocusAfter(busy, () => statusRef.current);

  const yearNumber = Number(year);
  const yearValid = isValidYear(year);
  const chosenType = types.find((u) => u.id === unitType);
  const outOfPeriod = chosenType && yearValid && !unitTypeReportsIn(chosenType, { kind: period, year: yearNumber });
  const noTemplate = !!chosenType && !versions.length;
  // A success message belongs to the choices that made it: any change takes it away.
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    setStatus(undefined);
    set(v);
  };

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
            setStatus(undefined);
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
      {noTemplate ? (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="insert-no-template">
            Bộ biểu mẫu đang dùng chưa có biểu mẫu cho {chosenType.label}. Biểu mẫu này do tỉnh ban hành: hãy nạp bộ biểu mẫu của tỉnh.
          </MessageBarBody>
          {onOpenPackage && (
            <MessageBarActions>
              <Button size="small" onClick={onOpenPackage}>
                Nạp bộ biểu mẫu của tỉnh
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ) : (
        <Field label="Phiên bản biểu mẫu">
          <Select value={templateId} title={catalog.byId.get(templateId)?.name} onChange={(_e, d) => changed(setTemplateId)(d.value)}>
            {versions.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="Kỳ báo cáo">
        <Select value={period} onChange={(_e, d) => changed(setPeriod)(d.value as PeriodKind)}>
          <PeriodOptions />
        </Select>
      </Field>
      <YearField label="Năm" value={year} onChange={changed(setYear)} />
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
      {!noTemplate && !outOfPeriod && (
        <Button appearance="primary" type="submit" disabled={busy || !templateId || !yearValid}>
          {workbook.insertLabel}
        </Button>
      )}
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody ref={statusRef} tabIndex={-1}>
            {status.text}
          </MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
