import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { withRuleSet } from "../core/package/package";
import { parseRuleSet, serializeRuleSet } from "../core/rules/schema";
import { downloadBytes } from "./download";
import { FilePicker } from "./FilePicker";
import { usePackage } from "./PackageContext";
import { saveRuleSet } from "./ruleSetStore";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "stretch", paddingBottom: tokens.spacingVerticalM },
});

/** Which rule set checks use: the package's, or one the province published on its own (it replaces the package's). */
export function RuleSetPanel() {
  const styles = useStyles();
  const pkg = usePackage();
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();
  const ruleSet = pkg.effective.ruleSet;
  const custom = ruleSet !== pkg.loaded.ruleSet;

  async function load(files: File[]) {
    try {
      const text = await files[0].text();
      // Validated against the package's templates before it is kept.
      const rs = withRuleSet(pkg.loaded, parseRuleSet(text)).ruleSet;
      saveRuleSet(text);
      pkg.setRules(rs);
      setMessage({ intent: "success", text: `Đã nạp “${rs.name}” (${rs.rules.length} quy tắc).` });
    } catch (e) {
      setMessage({ intent: "error", text: e instanceof Error ? e.message : "Không nạp được bộ quy tắc." });
    }
  }

  return (
    <Accordion collapsible>
      <AccordionItem value="rules">
        <AccordionHeader>Bộ quy tắc kiểm tra</AccordionHeader>
        <AccordionPanel>
          <div className={styles.body}>
            <Text data-testid="rule-set">
              Đang dùng: {ruleSet.name} (phiên bản {ruleSet.version}, {ruleSet.rules.length} quy tắc{custom ? ", do tỉnh ban hành riêng" : ", của bộ biểu mẫu"}).
            </Text>
            <FilePicker label="Nạp bộ quy tắc của tỉnh (.json)" multiple={false} accept=".json,application/json" onFiles={(f) => void load(f)} />
            <Button onClick={() => downloadBytes(new TextEncoder().encode(serializeRuleSet(ruleSet)), "bo-quy-tac-cchc.json", "application/json")}>
              Tải bộ quy tắc hiện hành (.json)
            </Button>
            {custom && (
              <Button
                onClick={() => {
                  pkg.setRules(undefined);
                  setMessage({ intent: "success", text: "Đã dùng lại bộ quy tắc mặc định của bộ biểu mẫu." });
                }}
              >
                Dùng lại bộ quy tắc mặc định
              </Button>
            )}
            {message && (
              <MessageBar intent={message.intent}>
                <MessageBarBody>{message.text}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
