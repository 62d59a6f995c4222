import { Badge, Text, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { ReactNode, useState } from "react";
import { MergeTally } from "../core/consolidate/summary";
import { useListLimit } from "./ListLimit";
import { SUMMARY_KINDS, SUMMARY_LABEL, SUMMARY_TONE, SummaryEntry, SummaryKind, inSummary, summarizeMerge } from "../core/consolidate/summary";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(8.5em, 1fr))", gap: tokens.spacingHorizontalXS },
  count: { justifyContent: "space-between", minWidth: 0, fontWeight: tokens.fontWeightRegular },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  entry: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  line: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  detail: { color: tokens.colorNeutralForeground2 },
});

const BADGE_COLOR = { ok: "success", warning: "warning", error: "danger" } as const;

function badgeText(e: SummaryEntry): string {
  if (e.kind === "withErrors") return `${e.errors} lỗi`;
  return SUMMARY_LABEL[e.kind].toLowerCase();
}

/**
 * The merge at a glance: a count per kind (đã nộp, có lỗi, chưa rõ đơn vị, trùng, khác kỳ, tệp hỏng, chưa
 * nộp), each a filter of the list under it; problem files first with their error count; files of unclear
 * sender resolved right here (`unresolved`).
 */
export function MergeSummary({ outcome, unresolved }: { outcome: MergeTally; unresolved?: ReactNode }) {
  const styles = useStyles();
  const [filter, setFilter] = useState<SummaryKind>();
  const { counts, entries } = summarizeMerge(outcome);
  const shown = filter ? entries.filter((e) => inSummary(e, filter)) : entries;
  const { limit, more } = useListLimit(shown.length);
  return (
    <section className={styles.section} aria-label="Kết quả tổng hợp" data-testid="merge-summary">
      <Text as="h2" size={400} weight="semibold">
        Kết quả tổng hợp
      </Text>
      <div className={styles.counts} role="group" aria-label="Lọc danh sách theo tình trạng">
        {SUMMARY_KINDS.map((k) => (
          <ToggleButton
            key={k}
            size="small"
            className={styles.count}
            appearance={filter === k ? "primary" : "secondary"}
            checked={filter === k}
            disabled={!counts[k] && filter !== k}
            onClick={() => setFilter(filter === k ? undefined : k)}
            data-testid="summary-count"
            data-kind={k}
          >
            <span>{SUMMARY_LABEL[k]}</span>
            <Badge appearance={counts[k] ? "filled" : "outline"} color={counts[k] ? BADGE_COLOR[SUMMARY_TONE[k]] : "informative"}>
              {counts[k]}
            </Badge>
          </ToggleButton>
        ))}
      </div>
      {(!filter || filter === "unresolved") && unresolved}
      <Text size={200}>{filter ? `${SUMMARY_LABEL[filter]}: ${shown.length} (bấm lại để xem tất cả)` : `Tất cả: ${entries.length}, tệp có vấn đề đứng trước`}</Text>
      <ul className={styles.list} aria-label="Danh sách tệp và đơn vị">
        {shown.slice(0, limit).map((e) => (
          <li key={`${e.kind}-${e.name}`} className={styles.entry} data-testid={e.kind === "missing" ? "summary-missing" : "file-row"}>
            <div className={styles.line}>
              <Text weight="semibold">{e.kind === "missing" ? e.name : (e.unitName ?? e.name)}</Text>
              <Badge className={styles.badge} appearance="tint" color={BADGE_COLOR[SUMMARY_TONE[e.kind]]}>
                {badgeText(e)}
              </Badge>
            </div>
            {e.kind !== "missing" && e.unitName && <Text size={200}>{e.name}</Text>}
            {e.detail && (
              <Text size={200} className={styles.detail}>
                {e.detail}
              </Text>
            )}
          </li>
        ))}
      </ul>
      {more}
    </section>
  );
}
