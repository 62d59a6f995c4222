import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { packageLabel, parsePackage, serializePackage } from "../core/package/package";
import { AuthorPanel } from "./AuthorPanel";
import { downloadBytes } from "./download";
import { FilePicker } from "./FilePicker";
import { usePackage } from "./PackageContext";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function downloadPackage(text: string, version: string): void {
  downloadBytes(new TextEncoder().encode(text), `bo-bieu-mau-cchc-${version.replace(/[^\w.-]+/g, "-")}.json`, "application/json");
}

/** "Bộ biểu mẫu của tỉnh": which package this workbook uses; load the province's, export it, go back to the built-in one. */
export function PackagePanel() {
  const styles = useStyles();
  const pkg = usePackage();
  const [message, setMessage] = useState<{ intent: "success" | "error" | "warning"; text: string } | undefined>(
    pkg.notice ? { intent: "warning", text: pkg.notice } : undefined,
  );
  const { loaded, custom } = pkg;

  async function load(files: File[]) {
    try {
      // Validated whole before anything is used or remembered.
      const p = parsePackage(await files[0].text());
      await pkg.use(p);
      setMessage({ intent: "success", text: `Đã nạp ${packageLabel(p)}: ${p.catalog.templates.length} biểu mẫu, ${p.ruleSet.rules.length} quy tắc.` });
    } catch (e) {
      setMessage({ intent: "error", text: e instanceof Error ? e.message : "Không nạp được bộ biểu mẫu." });
    }
  }

  return (
    <div className={styles.panel}>
      <Text as="h2" size={400} weight="semibold">
        Bộ biểu mẫu của tỉnh
      </Text>
      <Text data-testid="package-info">
        Đang dùng: {packageLabel(loaded)}
        {custom ? " — do tỉnh ban hành" : " — mặc định"}. {loaded.catalog.templates.length} biểu mẫu, {loaded.ruleSet.rules.length} quy tắc.
      </Text>
      <ul className={styles.list}>
        {loaded.unitTypes.map((u) => (
          <li key={u.id}>
            <Text size={200}>
              {u.label}: {loaded.catalog.templates.filter((t) => t.unitType === u.id).map((t) => t.name).join("; ") || "chưa có biểu mẫu"}
              {u.validFrom ? ` (từ ${u.validFrom.split("-").reverse().join("/")})` : ""}
              {u.validTo ? ` (đến ${u.validTo.split("-").reverse().join("/")})` : ""}
            </Text>
          </li>
        ))}
      </ul>
      <FilePicker label="Nạp bộ biểu mẫu của tỉnh (.json)" multiple={false} accept=".json,application/json" onFiles={(f) => void load(f)} />
      <Button onClick={() => downloadPackage(serializePackage(loaded), loaded.pkg.version)}>Tải bộ biểu mẫu hiện hành (.json)</Button>
      {custom && (
        <Button
          onClick={() =>
            void pkg.reset().then(
              () => setMessage({ intent: "success", text: "Đã dùng lại bộ biểu mẫu mặc định." }),
              (e: unknown) => setMessage({ intent: "error", text: e instanceof Error ? e.message : "Không đặt lại được." }),
            )
          }
        >
          Dùng lại bộ biểu mẫu mặc định
        </Button>
      )}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody data-testid="package-message">{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <AuthorPanel />
    </div>
  );
}
