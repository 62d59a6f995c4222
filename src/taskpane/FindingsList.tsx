import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { Finding, countBySeverity } from "../core/findings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  summary: { tableLayout: "fixed", width: "100%" },
  num: { width: "5.5em", textAlign: "right" },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", textAlign: "left", justifyContent: "flex-start", height: "auto", paddingTop: "4px", paddingBottom: "4px", fontWeight: "normal" },
  /** Without a sheet to select, the finding is text, not a button: it names the row and its value instead. */
  plain: { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  /** A Word table's place ("Bảng 1, dòng 169, cột Số liệu") is too long beside the message: it goes above it. */
  stacked: { flexDirection: "column", gap: tokens.spacingVerticalXXS },
  text: { whiteSpace: "normal", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  row: { color: tokens.colorNeutralForeground2 },
  badge: { flexShrink: 0, minWidth: "3.6em", whiteSpace: "nowrap" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

/** Past this many findings the sections start closed: the summary on top says where to look. */
const OPEN_LIMIT = 20;

type Severity = Finding["severity"];

/**
 * Findings with a section × severity summary on top and a Lỗi / Cảnh báo filter, grouped by section (closed
 * when there are many). Clicking one selects its cell when `onSelect` is given; otherwise `rowOf` names the
 * row it is on and the value read there.
 */
export function FindingsList({
  findings,
  onSelect,
  rowOf,
}: {
  findings: Finding[];
  onSelect?: (f: Finding) => void;
  rowOf?: (f: Finding) => { label: string; value: string } | undefined;
}) {
  const styles = useStyles();
  const [only, setOnly] = useState<Severity>();
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.section || "Chung";
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  if (!findings.length) return <Text>Không phát hiện lỗi hay cảnh báo nào.</Text>;
  const total = countBySeverity(findings);
  const shown = [...groups].map(([section, items]) => [section, only ? items.filter((f) => f.severity === only) : items] as const).filter(([, items]) => items.length);
  const filter = (s: Severity, label: string, n: number) => (
    <ToggleButton size="small" appearance={only === s ? "primary" : "secondary"} checked={only === s} disabled={!n} onClick={() => setOnly(only === s ? undefined : s)} data-testid="findings-filter">
      {label} ({n})
    </ToggleButton>
  );
  return (
    <div className={styles.root}>
      <Table size="extra-small" className={styles.summary} aria-label="Số lỗi và cảnh báo theo mục" data-testid="findings-summary">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Mục</TableHeaderCell>
            <TableHeaderCell className={styles.num}>Lỗi</TableHeaderCell>
            <TableHeaderCell className={styles.num}>Cảnh báo</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {[...groups].map(([section, items]) => {
            const c = countBySeverity(items);
            return (
              <TableRow key={section}>
                <TableCell>{section}</TableCell>
                <TableCell className={styles.num}>{c.errors}</TableCell>
                <TableCell className={styles.num}>{c.warnings}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <div className={styles.filters} role="group" aria-label="Chỉ xem">
        {filter("error", "Lỗi", total.errors)}
        {filter("warning", "Cảnh báo", total.warnings)}
      </div>
      <Accordion multiple collapsible defaultOpenItems={findings.length > OPEN_LIMIT ? [] : [...groups.keys()]}>
        {shown.map(([section, items]) => {
          const c = countBySeverity(items);
          return (
            <AccordionItem value={section} key={section}>
              <AccordionHeader>
                {section} — {c.errors} lỗi, {c.warnings} cảnh báo
              </AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list} aria-label={`Kết quả mục ${section}`}>
                  {items.map((f, i) => {
                    const body = (
                      <>
                        <span className={styles.hidden}>{f.severity === "error" ? "Lỗi" : "Cảnh báo"} ô</span>
                        <Badge color={f.severity === "error" ? "danger" : "warning"} appearance="filled" className={styles.badge}>
                          {f.cell}
                        </Badge>
                        <FindingText f={f} row={onSelect ? undefined : rowOf?.(f)} />
                      </>
                    );
                    const layout = f.cell.length > 8 ? mergeClasses(styles.item, styles.stacked) : styles.item;
                    return (
                      <li key={`${f.rule}-${f.cell}-${i}`} data-testid="finding">
                        {onSelect ? (
                          <Button appearance="subtle" className={layout} onClick={() => onSelect(f)}>
                            {body}
                          </Button>
                        ) : (
                          <div className={mergeClasses(layout, styles.plain)}>{body}</div>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </div>
  );
}

function FindingText({ f, row }: { f: Finding; row?: { label: string; value: string } }) {
  const styles = useStyles();
  return (
    <span className={styles.text}>
      <span>{f.message}</span>
      {row && (
        <Text size={200} className={styles.row} data-testid="finding-row">
          Dòng “{row.label}”: {row.value || "(trống)"}
        </Text>
      )}
    </span>
  );
}
