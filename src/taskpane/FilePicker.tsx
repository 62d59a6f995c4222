import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";

const useStyles = makeStyles({
  zone: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  active: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  label: { fontWeight: tokens.fontWeightSemibold },
});

/** A labelled file input that also accepts files dropped onto it. */
export function FilePicker(props: { label: string; multiple: boolean; disabled?: boolean; onFiles: (files: File[]) => void }) {
  const styles = useStyles();
  const id = useId();
  const [over, setOver] = useState(false);
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
        if (!props.disabled) props.onFiles([...e.dataTransfer.files]);
      }}
    >
      <label htmlFor={id} className={styles.label}>
        {props.label}
      </label>
      <input
        id={id}
        type="file"
        accept=".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={props.multiple}
        disabled={props.disabled}
        onChange={(e) => {
          const files = e.target.files ? [...e.target.files] : [];
          e.target.value = "";
          if (files.length) props.onFiles(files);
        }}
      />
      <Text size={200}>hoặc kéo thả tệp vào đây</Text>
    </div>
  );
}
