import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { RuleSet, serializeRuleSet } from "../core/rules/schema";
import { downloadBytes } from "./download";
import { FilePicker } from "./FilePicker";
import { currentRuleSet, resetRuleSet, saveRuleSet } from "./ruleSetStore";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "stretch", paddingBottom: tokens.spacingVerticalM },
});

/** Shows which rule set checks use, and lets an officer load the province's file or export the current one. */
export function RuleSetPanel({ onChange }: { onChange: (rs: RuleSet) => void }) {
  const styles = useStyles();
  const [state, setState] = useState(currentRuleSet);
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();
  const { ruleSet, custom } = state;

  async function load(files: File[]) {
    try {
      const rs = saveRuleSet(await files[0].text());
      setState({ ruleSet: rs, custom: true });
      onChange(rs);
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
            Đang dùng: {ruleSet.name} (phiên bản {ruleSet.version}, {ruleSet.rules.length} quy tắc{custom ? ", do tỉnh ban hành" : ", mặc định"}).
          </Text>
          <FilePicker label="Nạp bộ quy tắc của tỉnh (.json)" multiple={false} accept=".json,application/json" onFiles={(f) => void load(f)} />
          <Button onClick={() => downloadBytes(new TextEncoder().encode(serializeRuleSet(ruleSet)), "bo-quy-tac-cchc.json", "application/json")}>
            Tải bộ quy tắc hiện hành (.json)
          </Button>
          {custom && (
            <Button
              onClick={() => {
                resetRuleSet();
                const next = currentRuleSet();
                setState(next);
                onChange(next.ruleSet);
                setMessage({ intent: "success", text: "Đã dùng lại bộ quy tắc mặc định." });
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
