import { Badge, Button, Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { KIND_LABELS, Proposal, RowEdit, RowKind, RuleProposal, UntiedRate } from "../core/authoring/author";
import { appliedSeverity, proposalSeverity } from "../core/authoring/review";
import { Trial } from "../core/authoring/trial";

/** Cards instead of a table: at 350 px every field that decides a row is readable without scrolling sideways. */
const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    minWidth: 0,
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
  },
  heading: { backgroundColor: tokens.colorNeutralBackground3 },
  newId: { borderLeft: `4px solid ${tokens.colorPaletteYellowBorderActive}` },
  top: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "baseline", justifyContent: "space-between" },
  label: { fontWeight: tokens.fontWeightSemibold },
  fields: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalXS },
  input: { width: "100%", boxSizing: "border-box", font: "inherit", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  relation: { display: "flex", flexDirection: "column", gap: "2px" },
  fail: { color: tokens.colorPaletteRedForeground1 },
  box: { border: `1px solid ${tokens.colorPaletteYellowBorder2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

interface Props {
  proposal: Proposal;
  trial?: Trial;
  onEdit: (i: number, e: RowEdit) => void;
  onRule: (id: string, keep: boolean) => void;
}

export function AuthorReview({ proposal, trial, onEdit, onRule }: Props) {
  const styles = useStyles();
  const [onlyDecisions, setOnlyDecisions] = useState(false);
  const rulesOf = new Map<string, RuleProposal[]>();
  for (const r of proposal.ruleReview) {
    const id = r.rule.type === "compare" ? r.rule.left[0] : r.rule.type === "rate" ? r.rule.rate : r.rule.type === "codedDetails" ? r.rule.coded : undefined;
    if (id) rulesOf.set(id, [...(rulesOf.get(id) ?? []), r]);
  }
  const labelOf = new Map(proposal.review.filter((r) => r.id).map((r) => [r.id!, r.label.trim()]));
  const tried = new Map(trial?.rules.map((t) => [t.proposal.rule.id, t]) ?? []);
  const indexOf = (id: string) => proposal.review.findIndex((r) => r.id === id);
  const shown = proposal.review.map((r, i) => ({ r, i })).filter(({ r }) => !onlyDecisions || r.status === "new" || (r.id && rulesOf.has(r.id)));

  return (
    <>
      {proposal.untiedRates.length > 0 && (
        <section className={styles.box} aria-label="Tỷ lệ chưa gắn tử số, mẫu số">
          <Text weight="semibold">Tỷ lệ chưa gắn tử số, mẫu số ({proposal.untiedRates.length})</Text>
          {proposal.untiedRates.map((u) => (
            <UntiedRateTie key={u.id} rate={u} onTie={(numerator, denominator) => onEdit(u.index, { numerator, denominator })} />
          ))}
        </section>
      )}
      {trial && trial.corrections.length > 0 && (
        <section className={styles.box} aria-label="Đề nghị sửa cách tính tỷ lệ">
          <Text weight="semibold">Đề nghị sửa cách tính tỷ lệ</Text>
          {trial.corrections.map((c) => (
            <div key={c.rate}>
              <Text size={200}>
                “{c.label.trim()}” khớp 100 × “{c.numerator.label.trim()}” / “{c.denominator.label.trim()}” ở {c.fits}/{c.of} báo cáo
                {c.current ? ` (đang tính theo “${labelOf.get(c.current.numerator) ?? c.current.numerator}” / “${labelOf.get(c.current.denominator) ?? c.current.denominator}”)` : ""}.
              </Text>{" "}
              <Button size="small" onClick={() => onEdit(indexOf(c.rate), { numerator: c.numerator.id, denominator: c.denominator.id })}>
                Sửa theo đề nghị
              </Button>
            </div>
          ))}
        </section>
      )}
      <Checkbox checked={onlyDecisions} onChange={(_e, d) => setOnlyDecisions(d.checked === true)} label="Chỉ xem dòng mã mới hoặc có quy tắc" />
      <ol className={styles.list} data-testid="author-review">
        {shown.map(({ r, i }) => {
          const heading = r.status === "heading";
          return (
            <li key={`${r.sheetRow}-${r.id ?? r.label}`} className={`${styles.card} ${heading ? styles.heading : ""} ${r.status === "new" ? styles.newId : ""}`} data-testid="author-card">
              <div className={styles.top}>
                <span className={styles.label}>
                  {r.stt ? `${r.stt}. ` : ""}
                  {r.label}
                </span>
                {!heading && (
                  <Badge appearance="tint" color={r.status === "new" ? "warning" : "success"} size="small">
                    {r.status === "new" ? "Mã mới" : "Dùng lại mã"}
                  </Badge>
                )}
              </div>
              <div className={styles.fields}>
                <select className={styles.input} aria-label={`Loại dòng ${r.sheetRow}`} value={r.kind} onChange={(e) => onEdit(i, { kind: e.target.value as RowKind })}>
                  {Object.entries(KIND_LABELS).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </select>
                <input className={styles.input} aria-label={`Đơn vị tính dòng ${r.sheetRow}`} placeholder="ĐVT" defaultValue={r.unit} onBlur={(e) => e.target.value !== r.unit && onEdit(i, { unit: e.target.value })} />
              </div>
              {!heading && (
                <input className={styles.input} aria-label={`Mã chỉ tiêu dòng ${r.sheetRow}`} defaultValue={r.id} onBlur={(e) => e.target.value && e.target.value !== r.id && onEdit(i, { id: e.target.value })} />
              )}
              {r.aggregate && <span className={styles.muted}>Tổng hợp: {r.aggregate}</span>}
              {r.id && rulesOf.has(r.id) && (
                <div className={styles.relation}>
                  {rulesOf.get(r.id)!.map((p) => {
                    const t = tried.get(p.rule.id);
                    const outcome = t && t.filled ? ` — thử: không đạt ${t.failed}/${t.filled} báo cáo${t.suspect ? " (quy tắc có thể sai)" : ""}` : "";
                    const text = `${relationText(p, labelOf)} (${appliedSeverity(p) === "error" ? "lỗi" : "cảnh báo"})${outcome}`;
                    return p.existing ? (
                      <span key={p.rule.id} className={styles.muted}>
                        Đã có ({p.existing}): {text}
                      </span>
                    ) : (
                      <Checkbox
                        key={p.rule.id}
                        className={t?.failed ? styles.fail : undefined}
                        checked={!p.dropped}
                        onChange={(_e, d) => onRule(p.rule.id, d.checked === true)}
                        label={<span title={`${proposalSeverity(p)}; căn cứ: ${p.evidence}`}>{text}</span>}
                      />
                    );
                  })}
                </div>
              )}
              <details>
                <summary className={styles.muted}>Căn cứ (dòng {r.sheetRow})</summary>
                <span className={styles.muted}>{r.evidence.join("; ")}</span>
              </details>
            </li>
          );
        })}
      </ol>
      {trial && (
        <Text size={200} data-testid="author-trial">
          Chạy thử trên {trial.read}/{trial.files} báo cáo: {trial.rules.filter((t) => t.failed > 0).length} quy tắc có báo cáo không đạt,{" "}
          {trial.rules.filter((t) => t.suspect).length} quy tắc có thể sai, {trial.corrections.length} đề nghị sửa tỷ lệ.
          {trial.unread.map((u) => ` ${u.fileName}: ${u.reason}`).join("")}
        </Text>
      )}
    </>
  );
}

function relationText(p: RuleProposal, labels: Map<string, string>): string {
  const name = (id: string) => `“${labels.get(id) ?? id}”`;
  switch (p.rule.type) {
    case "compare":
      return `không vượt ${p.rule.right.map(name).join(" + ")}`;
    case "rate":
      return `= 100 × ${name(p.rule.numerator)} / ${name(p.rule.denominator)}`;
    case "codedDetails":
      return `trả lời “Không” thì không có số liệu ở ${p.rule.details.map(name).join(", ")}`;
    default:
      return p.rule.description;
  }
}

function UntiedRateTie({ rate, onTie }: { rate: UntiedRate; onTie: (numerator: string, denominator: string) => void }) {
  const styles = useStyles();
  const [num, setNum] = useState(rate.candidates[0]?.id ?? "");
  const [den, setDen] = useState(rate.candidates[1]?.id ?? "");
  const options = rate.candidates.map((c) => (
    <option key={c.id} value={c.id}>
      {c.label.trim()}
    </option>
  ));
  return (
    <div className={styles.relation}>
      <Text size={200}>
        “{rate.label.trim()}”: {rate.why}
      </Text>
      <div className={styles.fields}>
        <select className={styles.input} aria-label={`Tử số của “${rate.label.trim()}”`} value={num} onChange={(e) => setNum(e.target.value)}>
          {options}
        </select>
        <select className={styles.input} aria-label={`Mẫu số của “${rate.label.trim()}”`} value={den} onChange={(e) => setDen(e.target.value)}>
          {options}
        </select>
      </div>
      <Button size="small" disabled={!num || !den || num === den} onClick={() => onTie(num, den)}>
        Gắn tỷ lệ = 100 × tử số / mẫu số
      </Button>
    </div>
  );
}
