import { loadBuiltinPackage } from "../../src/adapters/node/packageFiles";
import { PackageError, parsePackage, serializePackage, unitTypeOfName, unitTypeReportsIn } from "../../src/core/package/package";

const builtin = loadBuiltinPackage();

describe("province package", () => {
  test("the built-in catalog is the default package and survives a round trip", () => {
    expect(builtin.catalog.templates.length).toBe(4);
    expect(builtin.unitTypes.map((u) => u.id)).toEqual(["so-nganh", "cap-xa", "cap-huyen"]);
    const again = parsePackage(serializePackage(builtin));
    expect(again.catalog.templates.map((t) => t.id)).toEqual(builtin.catalog.templates.map((t) => t.id));
    expect(again.ruleSet.rules.length).toBe(builtin.ruleSet.rules.length);
  });

  test("cấp huyện reports only before 7/2025, cấp xã from then", () => {
    const [so, xa, huyen] = builtin.unitTypes;
    expect(unitTypeReportsIn(huyen, { kind: "q2", year: 2025 })).toBe(true);
    expect(unitTypeReportsIn(huyen, { kind: "q3", year: 2025 })).toBe(false);
    expect(unitTypeReportsIn(xa, { kind: "q2", year: 2025 })).toBe(false);
    expect(unitTypeReportsIn(xa, { kind: "q3", year: 2025 })).toBe(true);
    expect(unitTypeReportsIn(so, { kind: "q1", year: 2021 })).toBe(true);
  });

  test("a unit's name tells its type from the package's prefixes", () => {
    expect(unitTypeOfName("UBND xã An Thạnh 1", builtin.unitTypes)?.id).toBe("cap-xa");
    expect(unitTypeOfName("Ủy ban nhân dân phường 5", builtin.unitTypes)?.id).toBe("cap-xa");
    expect(unitTypeOfName("UBND TX. Vĩnh Châu", builtin.unitTypes)?.id).toBe("cap-huyen");
    expect(unitTypeOfName("Sở TN&MT", builtin.unitTypes)?.id).toBe("so-nganh");
    expect(unitTypeOfName("Công ty ABC", builtin.unitTypes)).toBeUndefined();
  });

  test("a package that does not validate is refused with a Vietnamese message naming the row", () => {
    const data = JSON.parse(serializePackage(builtin));
    const t = data.templates.find((x: { id: string }) => x.id === "cap-huyen-2023");
    t.rows[1].aggregate = { type: "sum" };
    expect(() => parsePackage(data)).toThrow(PackageError);
    expect(() => parsePackage(data)).toThrow(/biểu mẫu .*cap-huyen-2023.*dòng 2 \(“Tỷ lệ hoàn thành Kế hoạch CCHC/);
  });

  test("a rule naming an unknown indicator is refused, naming the rule and field", () => {
    const data = JSON.parse(serializePackage(builtin));
    data.ruleSet.rules.push({ id: "moi.x", type: "compare", severity: "error", description: "x", left: ["khong.co"], operator: "<=", right: ["direction.plan.tasks_planned"], missing: "skipIfAnyMissing" });
    expect(() => parsePackage(data)).toThrow(/quy tắc “moi\.x” \(trường “left”\) nêu chỉ tiêu “khong\.co”/);
  });

  test("a template of an undeclared unit type, broken JSON and a bare rule set are refused", () => {
    const data = JSON.parse(serializePackage(builtin));
    data.unitTypes = data.unitTypes.filter((u: { id: string }) => u.id !== "cap-huyen");
    expect(() => parsePackage(data)).toThrow(/loại đơn vị “cap-huyen” chưa khai báo/);
    expect(() => parsePackage("{")).toThrow("Tệp bộ biểu mẫu không phải JSON hợp lệ.");
    expect(() => parsePackage(JSON.stringify(builtin.ruleSet))).toThrow(/là bộ quy tắc kiểm tra, không phải bộ biểu mẫu/);
  });
});

describe("a file that is not a package", () => {
  it("is told so in plain words, a rule set pointed to where it belongs", () => {
    expect(() => parsePackage(JSON.stringify({ name: "Quy tắc của tỉnh", rules: [] }))).toThrow(/^Tệp này là bộ quy tắc kiểm tra, không phải bộ biểu mẫu/);
    expect(() => parsePackage(JSON.stringify({ danhSach: ["Sở Y tế"] }))).toThrow(/^Tệp này không phải bộ biểu mẫu CCHC\./);
    expect(() => parsePackage("[]")).toThrow(/không phải bộ biểu mẫu CCHC/);
  });
});
