import { Field, Input } from "@fluentui/react-components";
import { PERIODS, PERIOD_LABELS } from "../core/period";

/** Reporting periods as options of a select: Quý I–IV, 6 tháng đầu năm, 9 tháng, Năm. */
export function PeriodOptions() {
  return (
    <>
      {PERIODS.map((p) => (
        <option key={p} value={p}>
          {PERIOD_LABELS[p]}
        </option>
      ))}
    </>
  );
}

export function isValidYear(text: string): boolean {
  const y = Number(text);
  return /^\d{4}$/.test(text.trim()) && y >= 2000 && y <= 2100;
}

/** A year input that says in Vietnamese what it accepts. */
export function YearField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <Field label={label} validationMessage={isValidYear(value) ? undefined : "Nhập năm từ 2000 đến 2100."}>
      <Input type="number" value={value} onChange={(_e, d) => onChange(d.value)} min={2000} max={2100} />
    </Field>
  );
}
