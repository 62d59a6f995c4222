import { strFromU8, unzipSync } from "fflate";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { address } from "../../src/core/grid";
import { decodeIdentity } from "../../src/core/identity";
import { TEMPLATE_FIRST_DATA_ROW, buildTemplateLayout } from "../../src/core/layout/templateLayout";
import { catalog } from "../support/data";

describe("the template as a real .xlsx", () => {
  const t = catalog.byId.get("tinh-2023")!;
  const layout = buildTemplateLayout(t, { period: { kind: "q3", year: 2024 }, unitName: "Sở Tư pháp" });
  const bytes = writeXlsx([layout]);
  const parts = unzipSync(bytes);
  const sheetXml = strFromU8(parts["xl/worksheets/sheet1.xml"]);

  it("reads back the same cells", () => {
    const [grid] = readXlsx(bytes);
    expect(grid.name).toBe(layout.name);
    layout.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.value === undefined || cell.value === "" || cell.value === null) return;
        expect([address(r, c), grid.rows[r]?.[c]?.value]).toEqual([address(r, c), cell.value]);
      }),
    );
    expect(grid.rows[0][0]?.value).toBe(t.title);
    expect(grid.rows[1][0]?.value).toBe("QUÝ III NĂM 2024");
    expect(String(grid.rows[2][0]?.value)).toContain("của Sở Tư pháp)");
    expect(decodeIdentity(grid.rows[0][5]?.value)).toEqual({ v: 1, template: "tinh-2023", unitName: "Sở Tư pháp", period: { kind: "q3", year: 2024 } });
  });

  it("keeps rate formulas computed from their parts", () => {
    const [grid] = readXlsx(bytes);
    const i = t.rows.findIndex((r) => r.kind === "percent" && "id" in r && r.id === "direction.plan.completion_rate");
    const cell = grid.rows[TEMPLATE_FIRST_DATA_ROW + i][3];
    const done = TEMPLATE_FIRST_DATA_ROW + t.rows.findIndex((r) => "id" in r && r.id === "direction.plan.tasks_done") + 1;
    const planned = TEMPLATE_FIRST_DATA_ROW + t.rows.findIndex((r) => "id" in r && r.id === "direction.plan.tasks_planned") + 1;
    expect(cell?.formula).toBe(`IF(OR(D${done}="",N(D${planned})=0),"",ROUND(D${done}/D${planned}*100,2))`);
    const formulas = (sheetXml.match(/<f>/g) ?? []).length;
    expect(formulas).toBe(layout.rows.flat().filter((c) => c.formula).length);
    expect(formulas).toBeGreaterThan(10);
  });

  it("carries data validation: coded lists with meanings, whole counts ≥ 0, percents 0–100", () => {
    expect(sheetXml).toContain('<dataValidation type="list"');
    expect(sheetXml).toContain("<formula1>\"Không = 0,Có = 1\"</formula1>");
    expect(sheetXml).toMatch(/<dataValidation type="whole" operator="greaterThanOrEqual"[^>]*><formula1>0<\/formula1>/);
    expect(sheetXml).toMatch(/<dataValidation type="decimal" operator="between"[^>]*><formula1>0<\/formula1><formula2>100<\/formula2>/);
  });

  it("protects the sheet without a password, leaving value and note cells unlocked", () => {
    expect(sheetXml).toMatch(/<sheetProtection sheet="1"[^>]*\/>/);
    expect(sheetXml).not.toContain("password");
    const styles = strFromU8(parts["xl/styles.xml"]);
    expect((styles.match(/<protection locked="0"\/>/g) ?? []).length).toBeGreaterThanOrEqual(4);
  });

  it("prints on A4, fitted to the page width, with header rows repeated", () => {
    expect(sheetXml).toContain('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>');
    const wb = strFromU8(parts["xl/workbook.xml"]);
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'${layout.name}'!$5:$6</definedName>`);
    expect(sheetXml).toContain('hidden="1"');
  });

  it("writes text from users as text, never as a formula", () => {
    const bytes2 = writeXlsx([{ name: "T", columns: [], rows: [[{ value: '=HYPERLINK("http://x")' }, { value: "+84" }]], merges: [], validations: [], protect: false }]);
    const [g] = readXlsx(bytes2);
    expect(g.rows[0][0]).toEqual({ value: '=HYPERLINK("http://x")' });
    expect(g.rows[0][1]).toEqual({ value: "+84" });
    expect(strFromU8(unzipSync(bytes2)["xl/worksheets/sheet1.xml"])).not.toContain("<f>");
  });
});
