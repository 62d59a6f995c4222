import { FluentProvider, MessageBar, MessageBarBody, Tab, TabList, Text, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { CheckPanel } from "./CheckPanel";
import { InsertPanel } from "./InsertPanel";
import { MergePanel } from "./MergePanel";
import { PackageProvider } from "./PackageContext";
import { PackagePanel } from "./PackagePanel";
import { Workbook, WorkbookProvider } from "./workbook/Workbook";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
    // Excel's pane is 320-350 px wide: long names (files, units, templates) wrap, and fields never grow past the pane.
    overflowWrap: "anywhere",
    "& .fui-Field, & .fui-Select, & .fui-Input, & .fui-Textarea, & .fui-Dropdown": { minWidth: 0, maxWidth: "100%" },
    "& select": { minWidth: 0, textOverflow: "ellipsis" },
    // A badge (a count, a status) stays one line beside the text it marks: that text wraps, never "10/2".
    "& .fui-Badge": { flexShrink: 0, whiteSpace: "nowrap", overflowWrap: "normal" },
  },
  // Four tabs in a row where the pane is wide enough, else two rows of two aligned in columns.
  tabs: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(8.5em, 1fr))" },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  mode: { color: tokens.colorNeutralForeground3 },
});

type TabId = "insert" | "check" | "merge" | "package";

const TAB_NAMES: Record<TabId, string> = { insert: "Chèn biểu mẫu", check: "Kiểm tra", merge: "Tổng hợp", package: "Bộ biểu mẫu" };

export function App({ workbook }: { workbook: Workbook }) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>("insert");
  // Once opened, the merge panel stays mounted (hidden on other tabs): a merge goes on meanwhile.
  const [mergeOpened, setMergeOpened] = useState(false);
  return (
    <FluentProvider theme={webLightTheme}>
      <WorkbookProvider value={workbook}>
        <main className={styles.root}>
          <header className={styles.header}>
            <Text as="h1" size={500} weight="semibold">
              Thống kê cải cách hành chính
            </Text>
            <Text size={200} className={styles.mode} data-testid="host-mode">
              {workbook.description}
            </Text>
          </header>
          {workbook.unsupported ? (
            <MessageBar intent="error">
              <MessageBarBody data-testid="unsupported">{workbook.unsupported}</MessageBarBody>
            </MessageBar>
          ) : (
            <PackageProvider>
              <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_e, d) => {
                  setTab(d.value as TabId);
                  if (d.value === "merge") setMergeOpened(true);
                }} aria-label="Chức năng">
                <Tab value="insert">Chèn biểu mẫu</Tab>
                <Tab value="check">Kiểm tra</Tab>
                <Tab value="merge">Tổng hợp</Tab>
                <Tab value="package">Bộ biểu mẫu</Tab>
              </TabList>
              <section aria-label={TAB_NAMES[tab]}>
                {tab === "insert" && <InsertPanel onOpenPackage={() => setTab("package")} />}
                {tab === "check" && <CheckPanel />}
                {mergeOpened && (
                  <div hidden={tab !== "merge"}>
                    <MergePanel />
                  </div>
                )}
                {tab === "package" && <PackagePanel />}
              </section>
            </PackageProvider>
          )}
        </main>
      </WorkbookProvider>
    </FluentProvider>
  );
}
