import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { readXlsx } from "../adapters/xlsx/read";
import { AuthoringError, KIND_LABELS, Proposal, RowEdit, RowKind, proposeTemplate } from "../core/authoring/author";
import { buildReviewLayout, proposalSummary } from "../core/authoring/review";
import { Grid } from "../core/grid";
import { addTemplate, packageLabel, serializePackage } from "../core/package/package";
import { readFileBytes } from "./download";
import { FilePicker } from "./FilePicker";
import { usePackage } from "./PackageContext";
import { useWorkbook } from "./workbook/Workbook";
import { downloadPackage } from "./PackagePanel";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  scroll: { maxHeight: "420px", overflow: "auto", border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, "& td, & th": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", verticalAlign: "top" }, "& td:nth-child(3)": { minWidth: "16em" } },
  input: { width: "100%", minWidth: "7em", boxSizing: "border-box", font: "inherit" },
  newId: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  evidence: { color: tokens.colorNeutralForeground3 },
});

const NEW_TYPE = "__new__";
type Message = { intent: "success" | "error" | "warning"; text: string } | undefined;

/** "Tạo biểu mẫu từ trang tính": proposes a template from an appendix table, shows the review, adds it on confirmation. */
export function AuthorPanel() {
  const styles = useStyles();
  const pkg = usePackage();
  const workbook = useWorkbook();
  const activeSheet = workbook.activeSheet;
  const [unitType, setUnitType] = useState(pkg.loaded.unitTypes.find((u) => u.id === "cap-xa")?.id ?? pkg.loaded.unitTypes[0].id);
  const [newTypeId, setNewTypeId] = useState("");
  const [newTypeLabel, setNewTypeLabel] = useState("");
  const [version, setVersion] = useState(String(new Date().getFullYear()));
  const [name, setName] = useState("");
  const [source, setSource] = useState<{ grids: Grid[]; from: string }>();
  const [edits, setEdits] = useState(new Map<number, RowEdit>());
  const [dropped, setDropped] = useState(new Set<string>());
  const [proposal, setProposal] = useState<Proposal>();
  const [message, setMessage] = useState<Message>();
  const [added, setAdded] = useState(false);

  const typeId = unitType === NEW_TYPE ? newTypeId.trim() : unitType;
  const typeLabel = unitType === NEW_TYPE ? newTypeLabel.trim() : (pkg.loaded.unitTypes.find((u) => u.id === unitType)?.label ?? "");
  const ready = /^[a-z0-9-]+$/.test(typeId) && typeLabel.length > 0 && version.trim().length > 0;

  function propose(grids: Grid[], from: string, e = edits, d = dropped) {
    let first: unknown;
    for (const g of grids) {
      try {
        const p = proposeTemplate(g, pkg.loaded, {
          unitType: typeId,
          unitTypeLabel: typeLabel,
          version: version.trim(),
          name: name.trim() || undefined,
          source: `Tạo từ ${from}`,
          edits: e,
          droppedRules: d,
        });
        setProposal(p);
        setAdded(false);
        setMessage({ intent: "success", text: proposalSummary(p) });
        return;
      } catch (err) {
        first ??= err;
        if (!(err instanceof AuthoringError)) break;
      }
    }
    setProposal(undefined);
    setMessage({ intent: "error", text: first instanceof Error ? first.message : "Không đọc được bảng chỉ tiêu." });
  }

  function start(grids: Grid[], from: string) {
    const e = new Map<number, RowEdit>();
    const d = new Set<string>();
    setEdits(e);
    setDropped(d);
    setSource({ grids, from });
    propose(grids, from, e, d);
  }

  async function fromFile(files: File[]) {
    const f = files[0];
    if (!f) return;
    if (/\.docx$/i.test(f.name)) {
      setMessage({ intent: "error", text: "Chưa đọc được tệp Word (.docx) trong phiên bản này; hãy dán bảng chỉ tiêu vào một trang Excel rồi chọn tệp .xlsx." });
      return;
    }
    try {
      start(readXlsx(await readFileBytes(f)), `tệp “${f.name}”`);
    } catch (e) {
      setMessage({ intent: "error", text: e instanceof Error ? e.message : "Không đọc được tệp." });
    }
  }

  function edit(i: number, change: RowEdit) {
    if (!source) return;
    const next = new Map(edits);
    next.set(i, { ...next.get(i), ...change });
    setEdits(next);
    propose(source.grids, source.from, next, dropped);
  }

  function toggleRule(id: string, keep: boolean) {
    if (!source) return;
    const next = new Set(dropped);
    if (keep) next.delete(id);
    else next.add(id);
    setDropped(next);
    propose(source.grids, source.from, edits, next);
  }

  async function confirm() {
    if (!proposal) return;
    try {
      const next = addTemplate(pkg.loaded, {
        template: proposal.template,
        rules: proposal.rules,
        unitType: pkg.loaded.unitTypes.find((u) => u.id === typeId) ?? {
          id: typeId,
          label: typeLabel,
          order: Math.max(0, ...pkg.loaded.unitTypes.map((u) => u.order)) + 1,
        },
      });
      await pkg.use(next);
      setAdded(true);
      setMessage({ intent: "success", text: `Đã thêm “${proposal.template.name}” vào ${packageLabel(next)}. Hãy tải bộ biểu mẫu về và gửi cho các đơn vị.` });
    } catch (e) {
      setMessage({ intent: "error", text: e instanceof Error ? e.message : "Không thêm được biểu mẫu." });
    }
  }

  return (
    <section className={styles.panel} aria-label="Tạo biểu mẫu từ trang tính">
      <Text as="h2" size={400} weight="semibold">
        Tạo biểu mẫu từ trang tính
      </Text>
      <Text size={200}>Dán bảng chỉ tiêu (STT, Chỉ tiêu thống kê, Đơn vị tính) từ văn bản hướng dẫn của tỉnh vào một trang tính; phần mềm đề xuất biểu mẫu để rà soát trước khi thêm.</Text>
      <Field label="Loại đơn vị của biểu mẫu">
        <Select value={unitType} onChange={(_e, d) => setUnitType(d.value)}>
          {pkg.loaded.unitTypes.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
          <option value={NEW_TYPE}>Loại đơn vị mới…</option>
        </Select>
      </Field>
      {unitType === NEW_TYPE && (
        <>
          <Field label="Mã loại đơn vị mới" hint="chữ thường không dấu, ví dụ: cap-xa">
            <Input value={newTypeId} onChange={(_e, d) => setNewTypeId(d.value)} />
          </Field>
          <Field label="Tên loại đơn vị mới" hint="ví dụ: UBND cấp xã">
            <Input value={newTypeLabel} onChange={(_e, d) => setNewTypeLabel(d.value)} />
          </Field>
        </>
      )}
      <Field label="Phiên bản biểu mẫu" hint="ví dụ: 2026">
        <Input value={version} onChange={(_e, d) => setVersion(d.value)} />
      </Field>
      <Field label="Tên biểu mẫu (không bắt buộc)">
        <Input value={name} onChange={(_e, d) => setName(d.value)} />
      </Field>
      {activeSheet && (
        <Button
          disabled={!ready}
          onClick={() =>
            void activeSheet.read().then(
              (g) => start([g], `trang “${g.name}”`),
              (e: unknown) => setMessage({ intent: "error", text: e instanceof Error ? e.message : "Không đọc được trang tính." }),
            )
          }
        >
          Đọc bảng chỉ tiêu từ trang tính hiện hành
        </Button>
      )}
      <FilePicker label="Chọn tệp có bảng chỉ tiêu (.xlsx)" multiple={false} disabled={!ready} accept=".xlsx,.docx" onFiles={(f) => void fromFile(f)} />
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody data-testid="author-message">{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {proposal && <Review proposal={proposal} onEdit={edit} onRule={toggleRule} />}
      {proposal && !added && (
        <>
          <Button
            onClick={() =>
              void workbook
                .insertTemplate(buildReviewLayout(proposal), {
                  fileName: `ra-soat-${proposal.template.id}.xlsx`,
                  templateName: `Rà soát ${proposal.template.name}`,
                  rowCount: proposal.review.length,
                })
                .then(
                  (text) => setMessage({ intent: "success", text }),
                  (e: unknown) => setMessage({ intent: "error", text: e instanceof Error ? e.message : "Không ghi được bản rà soát." }),
                )
            }
          >
            Xuất bản rà soát ra trang tính
          </Button>
          <Button appearance="primary" onClick={() => void confirm()}>
            Xác nhận, thêm vào bộ biểu mẫu
          </Button>
        </>
      )}
      {added && (
        <Button appearance="primary" onClick={() => downloadPackage(serializePackage(pkg.loaded), pkg.loaded.pkg.version)}>
          Tải bộ biểu mẫu đã cập nhật (.json)
        </Button>
      )}
    </section>
  );
}

function Review({ proposal, onEdit, onRule }: { proposal: Proposal; onEdit: (i: number, e: RowEdit) => void; onRule: (id: string, keep: boolean) => void }) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="author-review">
          <thead>
            <tr>
              <th>Dòng</th>
              <th>STT</th>
              <th>Chỉ tiêu</th>
              <th>ĐVT</th>
              <th>Loại</th>
              <th>Mã chỉ tiêu</th>
              <th>Căn cứ</th>
            </tr>
          </thead>
          <tbody>
            {proposal.review.map((r, i) => (
              <tr key={`${r.sheetRow}-${r.id ?? r.label}`} className={r.status === "new" ? styles.newId : undefined}>
                <td>{r.sheetRow}</td>
                <td>{r.stt}</td>
                <td>{r.label}</td>
                <td>
                  <input className={styles.input} aria-label={`Đơn vị tính dòng ${r.sheetRow}`} defaultValue={r.unit} onBlur={(e) => e.target.value !== r.unit && onEdit(i, { unit: e.target.value })} />
                </td>
                <td>
                  <select className={styles.input} aria-label={`Loại dòng ${r.sheetRow}`} value={r.kind} onChange={(e) => onEdit(i, { kind: e.target.value as RowKind })}>
                    {Object.entries(KIND_LABELS).map(([k, v]) => (
                      <option key={k} value={k}>
                        {v}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {r.status === "heading" ? (
                    ""
                  ) : (
                    <input className={styles.input} aria-label={`Mã chỉ tiêu dòng ${r.sheetRow}`} defaultValue={r.id} onBlur={(e) => e.target.value && e.target.value !== r.id && onEdit(i, { id: e.target.value })} />
                  )}
                </td>
                <td className={styles.evidence}>
                  {r.status === "new" ? "Mã mới. " : r.status === "reused" ? "Dùng lại mã có sẵn. " : ""}
                  {r.aggregate ? `Tổng hợp: ${r.aggregate}. ` : ""}
                  {r.evidence.join("; ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Text weight="semibold">Quy tắc kiểm tra suy ra</Text>
      {proposal.ruleReview.map((r) =>
        r.existing ? (
          <Text key={r.rule.id} size={200}>
            Đã có ({r.existing}): {r.rule.description}
          </Text>
        ) : (
          <Checkbox key={r.rule.id} checked={!r.dropped} onChange={(_e, d) => onRule(r.rule.id, d.checked === true)} label={`${r.rule.description} (căn cứ: ${r.evidence})`} />
        ),
      )}
    </>
  );
}
