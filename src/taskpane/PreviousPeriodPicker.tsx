import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { readReceivedFile } from "../adapters/receivedFile";
import { PreviousSource, previousFromGrids } from "../core/compare/source";
import { Grid } from "../core/grid";
import { periodLabel } from "../core/period";
import { readFileBytes } from "./download";
import { FilePicker } from "./FilePicker";
import { usePackage } from "./PackageContext";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * "So sánh với kỳ trước": the unit's report of an earlier period (Kiểm tra) or the consolidated workbook
 * of the last merge (Tổng hợp). The chosen file is only read, never changed.
 */
export function PreviousPeriodPicker(props: {
  consolidatedOnly: boolean;
  disabled?: boolean;
  onChange: (source: PreviousSource | undefined) => void;
  /** Where the host keeps a workbook: the consolidation an earlier merge left in it, read now (before this merge replaces it). */
  fromWorkbook?: { label: string; read: () => Promise<{ grids: Grid[]; name: string }> };
}) {
  const styles = useStyles();
  const [source, setSource] = useState<PreviousSource>();
  const [picked, setPicked] = useState(0);
  const { catalog, ruleSet } = usePackage().effective;

  async function take(name: string, read: () => Promise<Grid[]>) {
    let s: PreviousSource;
    try {
      s = previousFromGrids(await read(), catalog, ruleSet, name);
    } catch (e) {
      s = { kind: "unreadable", reason: `Không đọc được “${name}”: ${e instanceof Error ? e.message : "tệp bị hỏng."}` };
    }
    if (props.consolidatedOnly && s.kind === "submission")
      s = { kind: "unreadable", reason: `“${name}” là báo cáo của một đơn vị, không phải sổ tổng hợp (không có trang “Tổng hợp”).` };
    setSource(s);
    props.onChange(s.kind === "unreadable" ? undefined : s);
  }

  async function choose(files: File[]) {
    const file = files[0];
    if (file) await take(file.name, async () => readReceivedFile(await readFileBytes(file), file.name).grids);
  }

  async function readFromWorkbook() {
    const w = props.fromWorkbook;
    if (!w) return;
    let name = "sổ này";
    await take(name, async () => {
      const r = await w.read();
      name = r.name;
      return r.grids;
    });
  }

  function clear() {
    setSource(undefined);
    setPicked((n) => n + 1);
    props.onChange(undefined);
  }

  return (
    <section className={styles.section} aria-label="So sánh với kỳ trước">
      <Text className={styles.title}>So sánh với kỳ trước</Text>
      <FilePicker
        key={picked}
        label={props.consolidatedOnly ? "Chọn sổ tổng hợp của kỳ trước (.xlsx)" : "Chọn báo cáo kỳ trước của đơn vị, hoặc sổ tổng hợp kỳ trước (.xlsx)"}
        multiple={false}
        buttonText="Chọn tệp kỳ trước…"
        disabled={props.disabled}
        onFiles={(f) => void choose(f)}
      />
      {props.fromWorkbook && (
        <Button size="small" disabled={props.disabled} onClick={() => void readFromWorkbook()}>
          {props.fromWorkbook.label}
        </Button>
      )}
      {source && (
        <MessageBar intent={source.kind === "unreadable" ? "error" : "info"}>
          <MessageBarBody data-testid="previous-source">{describe(source)}</MessageBarBody>
        </MessageBar>
      )}
      {source && source.kind !== "unreadable" && (
        <Button size="small" onClick={clear} disabled={props.disabled}>
          Bỏ so sánh với kỳ trước
        </Button>
      )}
    </section>
  );
}

function describe(s: PreviousSource): string {
  if (s.kind === "unreadable") return s.reason;
  if (s.kind === "submission")
    return `Kỳ trước: ${s.figures.period ? periodLabel(s.figures.period) : "chưa rõ kỳ"} — ${s.unitName ?? "chưa rõ đơn vị"}, tệp “${s.figures.fileName}”.`;
  const c = s.consolidated;
  return `Kỳ trước: ${c.period ? periodLabel(c.period) : "chưa rõ kỳ"} — sổ tổng hợp “${c.fileName}”, ${c.units.size} đơn vị.`;
}
