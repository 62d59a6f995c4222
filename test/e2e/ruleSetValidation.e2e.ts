/** The task pane refuses the same rule set files as the command line, with the same Vietnamese message. */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { DEFAULT_RULES_FILE } from "../../src/adapters/node/ruleFiles";
import { ensureCliBuilt, runCchc } from "../support/cli";
import { standalonePages } from "./harness";

const dir = mkdtempSync(join(tmpdir(), "cchc-rules-e2e-"));
const RULE = "van-ban.dien-tu+song-song-giay<=tong";
const pages = standalonePages();

beforeAll(ensureCliBuilt);

beforeEach(async () => {
  await pages.page().getByRole("tab", { name: "Kiểm tra" }).click();
  await pages.page().getByRole("button", { name: "Bộ quy tắc kiểm tra" }).click();
});

function ruleSetFile(name: string, change: (rs: { name: string; rules: Record<string, unknown>[] }) => void, bom = false): string {
  const rs = JSON.parse(readFileSync(DEFAULT_RULES_FILE, "utf8")) as { name: string; rules: Record<string, unknown>[] };
  change(rs);
  const file = join(dir, name);
  writeFileSync(file, (bom ? "\uFEFF" : "") + JSON.stringify(rs));
  return file;
}

describe("loading a province's rule set in the task pane", () => {
  it.each([
    ["an unknown indicator", (rs: { rules: Record<string, unknown>[] }) => (rs.rules = rs.rules.map((r) => (r.id === RULE ? { ...r, right: ["documents.totl"] } : r)))],
    ["a wrong shape", (rs: { rules: Record<string, unknown>[] }) => (rs.rules = rs.rules.map((r) => (r.id === RULE ? { ...r, left: "documents.total" } : r)))],
  ])("refuses %s with the command line's message, keeping the rule set in use", async (_, change) => {
    const file = ruleSetFile("sai.json", change);
    const cli = runCchc(dir, "rules", "--rules", file);
    expect(cli.code).toBe(2);
    const message = cli.err.trim();
    expect(message).toContain(`“${RULE}”`);
    const page = pages.page();
    await page.getByLabel("Nạp bộ quy tắc của tỉnh (.json)").setInputFiles(file);
    await page.getByText(message, { exact: true }).waitFor();
    expect(await page.getByTestId("rule-set").textContent()).toContain("của bộ biểu mẫu");
  });

  it("accepts a rule set saved with a UTF-8 byte order mark", async () => {
    const file = ruleSetFile("bom.json", (rs) => (rs.name = "Bộ quy tắc có BOM"), true);
    expect(runCchc(dir, "rules", "--rules", file).code).toBe(0);
    const page = pages.page();
    await page.getByLabel("Nạp bộ quy tắc của tỉnh (.json)").setInputFiles(file);
    await page.getByTestId("rule-set").filter({ hasText: "Bộ quy tắc có BOM" }).waitFor();
  });
});
