import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { Finding, countBySeverity } from "../core/findings";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", textAlign: "left", justifyContent: "flex-start", height: "auto", paddingTop: "4px", paddingBottom: "4px", fontWeight: "normal" },
  /** A Word table's place ("Bảng 1, dòng 169, cột Số liệu") is too long beside the message: it goes above it. */
  stacked: { flexDirection: "column", gap: tokens.spacingVerticalXXS },
  text: { whiteSpace: "normal" },
  badge: { flexShrink: 0, minWidth: "3.6em", whiteSpace: "nowrap" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

/** Findings grouped by section, with counts; clicking one selects its cell when `onSelect` is given. */
export function FindingsList({ findings, onSelect }: { findings: Finding[]; onSelect?: (f: Finding) => void }) {
  const styles = useStyles();
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.section || "Chung";
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  if (!findings.length) return <Text>Không phát hiện lỗi hay cảnh báo nào.</Text>;
  return (
    <Accordion multiple collapsible defaultOpenItems={[...groups.keys()]}>
      {[...groups].map(([section, items]) => {
        const c = countBySeverity(items);
        return (
          <AccordionItem value={section} key={section}>
            <AccordionHeader>
              {section} — {c.errors} lỗi, {c.warnings} cảnh báo
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list} aria-label={`Kết quả mục ${section}`}>
                {items.map((f, i) => (
                  <li key={`${f.rule}-${f.cell}-${i}`} data-testid="finding">
                    <Button
                      appearance="subtle"
                      className={f.cell.length > 8 ? mergeClasses(styles.item, styles.stacked) : styles.item}
                      onClick={onSelect ? () => onSelect(f) : undefined}
                    >
                      <span className={styles.hidden}>{f.severity === "error" ? "Lỗi" : "Cảnh báo"} ô</span>
                      <Badge color={f.severity === "error" ? "danger" : "warning"} appearance="filled" className={styles.badge}>
                        {f.cell}
                      </Badge>
                      <span className={styles.text}>{f.message}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
