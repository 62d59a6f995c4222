import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { readReceivedFile } from "../adapters/receivedFile";
import { AuthoringError, Proposal, RowEdit, proposeTemplate } from "../core/authoring/author";
import { buildReviewLayout, proposalSummary } from "../core/authoring/review";
import { Trial, tryProposal } from "../core/authoring/trial";
import { AuthorReview } from "./AuthorReview";
import { Grid } from "../core/grid";
import { addTemplate, packageLabel, serializePackage } from "../core/package/package";
import { readFileBytes } from "./download";
import { FilePicker } from "./FilePicker";
import { usePackage } from "./PackageContext";
import { useWorkbook } from "./workbook/Workbook";
import { downloadPackage } from "./PackagePanel";
import { useFocusAfter } from "./focusAfter";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  // The confirm and download buttons stay in reach however long the review is.
  footer: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
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
  const [tried, setTried] = useState<{ fileName: string; grids: Grid[] }[]>([]);
  const [trial, setTrial] = useState<Trial>();
  // The confirm button goes away once the template is added: the keyboard focus goes to the download.
  const downloadRef = useRef<HTMLButtonElement>(null);
  useFocusAfter(!added, () => downloadRef.current);

  const typeId = unitType === NEW_TYPE ? newTypeId.trim() : unitType;
  const typeLabel = unitType === NEW_TYPE ? newTypeLabel.trim() : (pkg.loaded.unitTypes.find((u) => u.id === unitType)?.label ?? "");
  const ready = /^[a-z0-9-]+$/.test(typeId) && typeLabel.length > 0 && version.trim().length > 0;

  function propose(grids: Grid[], from: string, e = edits, d = dropped, files = tried) {
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
        setTrial(files.length ? tryProposal(p, pkg.loaded, files) : undefined);
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
    try {
      // The province's guidance is often a Word document: its tables are read like a sheet's.
      start(readReceivedFile(await readFileBytes(f), f.name).grids, `tệp “${f.name}”`);
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

  async function tryOn(files: File[]) {
    if (!source) return;
    const read: { fileName: string; grids: Grid[] }[] = [];
    for (const f of files) {
      try {
        read.push({ fileName: f.name, grids: readReceivedFile(await readFileBytes(f), f.name).grids });
      } catch (e) {
        setMessage({ intent: "error", text: `Không đọc được tệp “${f.name}”: ${e instanceof Error ? e.message : "tệp bị hỏng."}` });
        return;
      }
    }
    setTried(read);
    propose(source.grids, source.from, edits, dropped, read);
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
      <FilePicker
        label="Chọn tệp có bảng chỉ tiêu (.xlsx), văn bản Word (.docx) hoặc bảng tính (.ods)"
        multiple={false}
        disabled={!ready}
        onFiles={(f) => void fromFile(f)}
      />
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody data-testid="author-message">{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {proposal && (
        <FilePicker
          label="Chạy thử các quy tắc trên báo cáo đã điền (.xlsx, .docx, .ods; kỳ trước hoặc vài báo cáo đã nhận)"
          multiple
          onFiles={(f) => void tryOn(f)}
        />
      )}
      {proposal && <AuthorReview proposal={proposal} trial={trial} onEdit={edit} onRule={toggleRule} />}
      {proposal && !added && (
        <div className={styles.footer}>
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
        </div>
      )}
      {added && (
        <div className={styles.footer}>
          <Button ref={downloadRef} appearance="primary" onClick={() => downloadPackage(serializePackage(pkg.loaded), pkg.loaded.pkg.version)}>
            Tải bộ biểu mẫu đã cập nhật (.json)
          </Button>
        </div>
      )}
    </section>
  );
}
