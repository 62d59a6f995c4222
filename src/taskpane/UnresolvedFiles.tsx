import { Button, Dropdown, Field, Option, OptionGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { FileOutcome } from "../core/consolidate/consolidate";
import { ExpectedUnit, candidatePlace, matchExpected } from "../core/recognize/unitEvidence";
import { useListLimit } from "./ListLimit";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  file: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** The names a file gives, each as the expected unit it stands for when there is one, without repeats. */
function namesRead(f: FileOutcome, expected: ExpectedUnit[]): string[] {
  const names = (f.candidates ?? []).map((c) => matchExpected(c.name, expected)?.name ?? c.name);
  if (f.suggestion) names.unshift(f.suggestion);
  return [...new Set(names)];
}

function Group({ label, names }: { label: string; names: string[] }) {
  if (!names.length) return null;
  return (
    <OptionGroup label={label}>
      {names.map((n) => (
        <Option key={n} value={n}>
          {n}
        </Option>
      ))}
    </OptionGroup>
  );
}

/**
 * Files whose sender is unclear (and files whose unit the officer chose): the officer picks the unit of each (names read in the file first, then
 * the expected units) and merges again. A choice can be changed before or after merging.
 */
export function UnresolvedFiles({
  files,
  expected,
  assignments,
  onAssign,
  onRemerge,
  onAddUnlisted,
  busy,
}: {
  files: FileOutcome[];
  expected: ExpectedUnit[];
  assignments: Record<string, string>;
  onAssign: (fileName: string, unit: string) => void;
  onRemerge: () => void;
  /** Adds units the list lacks to it and merges again. */
  onAddUnlisted?: (names: string[]) => void;
  busy: boolean;
}) {
  const styles = useStyles();
  // A province's files sent by units not on the list would be hundreds of choosers: shown 100 at a time.
  const { limit, more } = useListLimit(files.length);
  if (!files.length) return null;
  const chosen = files.filter((f) => assignments[f.fileName]).length;
  const waiting = files.filter((f) => f.status === "unresolved").length;
  // Many files from units off the list usually mean the list is short, not that they are strangers.
  const unlisted = [...new Set(files.filter((f) => f.status === "unresolved" && f.unlisted && !assignments[f.fileName]).map((f) => f.unlisted!))];
  return (
    <section className={styles.list} aria-label="Tệp chưa rõ đơn vị" data-testid="unresolved-files">
      <Text weight="semibold">
        {waiting
          ? `Tệp chưa rõ đơn vị gửi (${waiting}): số liệu chưa được tổng hợp. Chọn đơn vị cho từng tệp, rồi tổng hợp lại.`
          : "Đơn vị do cán bộ chọn (có thể đổi, rồi tổng hợp lại)."}
      </Text>
      {onAddUnlisted && unlisted.length > 0 && (
        <div className={styles.file}>
          <Text data-testid="unlisted-units">
            {`${unlisted.length} đơn vị gửi tệp không có trong danh sách đơn vị phải báo cáo: ${unlisted.slice(0, 3).join("; ")}${unlisted.length > 3 ? ` và ${unlisted.length - 3} đơn vị khác` : ""}. Nếu danh sách còn thiếu, hãy thêm các đơn vị này:`}
          </Text>
          <Button disabled={busy} onClick={() => onAddUnlisted(unlisted)}>
            {`Thêm ${unlisted.length} đơn vị vào danh sách rồi tổng hợp lại`}
          </Button>
        </div>
      )}
      {files.slice(0, limit).map((f) => {
        const read = namesRead(f, expected);
        const others = expected.map((e) => e.name).filter((n) => !read.includes(n));
        const said = (f.candidates ?? []).map((c) => `“${c.name}” (${candidatePlace(c)})`).join("; ");
        return (
          <div key={f.fileName} className={styles.file} data-testid="unresolved-file">
            <Field label={`Đơn vị gửi tệp ${f.fileName}`} hint={[f.reason, said && `Tên đọc được: ${said}.`].filter(Boolean).join(" ")}>
              <Dropdown
                placeholder="Chọn đơn vị"
                value={assignments[f.fileName] ?? ""}
                selectedOptions={assignments[f.fileName] ? [assignments[f.fileName]] : []}
                onOptionSelect={(_e, d) => d.optionValue && onAssign(f.fileName, d.optionValue)}
              >
                <Group label="Tên đọc được trong tệp" names={read} />
                <Group label="Danh sách đơn vị" names={others} />
              </Dropdown>
            </Field>
          </div>
        );
      })}
      {more}
      <Button appearance="primary" disabled={busy || chosen === 0} onClick={onRemerge}>
        Tổng hợp lại
      </Button>
    </section>
  );
}
