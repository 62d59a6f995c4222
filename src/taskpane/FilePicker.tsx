import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ReactNode, Ref, useId, useRef, useState } from "react";

/** Received reports: workbooks (old .xls too, to explain how to re-save it), Word reports and OpenDocument sheets. */
const RECEIVED_ACCEPT = [
  ".xlsx",
  ".xlsm",
  ".xls",
  ".docx",
  ".ods",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.oasis.opendocument.spreadsheet",
].join(",");

const useStyles = makeStyles({
  zone: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
  },
  active: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  label: { fontWeight: tokens.fontWeightSemibold },
  // The native input stays in the page (labelled, usable by assistive tools) but the Fluent button is what people see.
  input: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", opacity: 0 },
});

/**
 * A labelled file picker with a Vietnamese button that also accepts files dropped onto it. `chosen` says
 * what is chosen where the caller keeps files across picks ("" for nothing); by default the last pick.
 */
export function FilePicker(props: {
  label: string;
  multiple: boolean;
  disabled?: boolean;
  accept?: string;
  buttonText?: string;
  chosen?: string;
  children?: ReactNode;
  buttonRef?: Ref<HTMLButtonElement>;
  onFiles: (files: File[]) => void;
}) {
  const styles = useStyles();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [chosen, setChosen] = useState<string>();
  const shown = props.chosen ?? chosen;
  const take = (files: File[]) => {
    if (!files.length || props.disabled) return;
    setChosen(files.length === 1 ? files[0].name : `${files.length} tệp`);
    props.onFiles(files);
  };
  return (
    <div
      className={over ? `${styles.zone} ${styles.active}` : styles.zone}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take([...e.dataTransfer.files]);
      }}
    >
      <label htmlFor={id} className={styles.label}>
        {props.label}
      </label>
      <input
        id={id}
        ref={input}
        className={styles.input}
        tabIndex={-1}
        type="file"
        accept={props.accept ?? RECEIVED_ACCEPT}
        multiple={props.multiple}
        disabled={props.disabled}
        onChange={(e) => {
          const files = e.target.files ? [...e.target.files] : [];
          e.target.value = "";
          take(files);
        }}
      />
      <Button ref={props.buttonRef} disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.buttonText ?? "Chọn tệp…"}
      </Button>
      <Text size={200} data-testid="picker-chosen">
        {shown ? `Đã chọn: ${shown}` : props.multiple ? "hoặc kéo thả các tệp vào đây" : "hoặc kéo thả tệp vào đây"}
      </Text>
      {props.children}
    </div>
  );
}
