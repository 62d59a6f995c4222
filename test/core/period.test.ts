import { parsePeriod, periodTitle } from "../../src/core/period";
import { fileNameUnits, titleCandidates } from "../../src/core/recognize/unitEvidence";
import { unitKey } from "../../src/core/recognize/unitNames";

describe("periods and units from titles and file names", () => {
  it.each([
    ["QUÝ I NĂM 2023", { kind: "q1", year: 2023 }],
    ["QUÝ II TẠI SỞ TÀI NGUYÊN MÔI TRƯỜNG (Ban hành kèm theo Báo cáo số /BC-STNMT ngày / 12 / 2023)", { kind: "q2", year: 2023 }],
    ["NĂM 2023 CỦA SỞ THÔNG TIN VÀ TRUYỀN THÔNG", { kind: "year", year: 2023 }],
    ["6 tháng đầu năm 2024", { kind: "h1", year: 2024 }],
    ["bao-cao-cchc-Q3-2022.xlsx", { kind: "q3", year: 2022 }],
  ])("%s", (text, expected) => {
    expect(parsePeriod(text)).toEqual(expected);
  });

  it("writes titles as the templates print them", () => {
    expect(periodTitle({ kind: "q1", year: 2023 })).toBe("QUÝ I NĂM 2023");
    expect(periodTitle({ kind: "year", year: 2023 })).toBe("NĂM 2023");
  });

  it("finds the unit in the “Kèm theo … của …” line", () => {
    const names = (lines: string[]) => titleCandidates(lines.map((text, i) => ({ text, where: `A${i + 1}` }))).map((c) => c.name);
    expect(names(["(Kèm theo Báo cáo số /BC-SNN ngày tháng 3 năm 2023 của Sở Nông nghiệp và PTNT)"])).toEqual(["Sở Nông nghiệp và PTNT"]);
    expect(names(["(Kèm theo Báo cáo số 85/BC-UBND ngày 16 tháng 3 năm 2023", "của Ủy ban nhân dân huyện Cù Lao Dung)"])).toEqual([
      "Ủy ban nhân dân huyện Cù Lao Dung",
    ]);
    expect(names(["(Kèm theo Báo cáo số …/BC-… ngày … tháng … năm … của …)"])).toEqual([]);
  });

  it("reads a file name only against known units", () => {
    expect(fileNameUnits("So-Tai-chinh_Q1-2023.xlsx", ["Sở Tài chính tỉnh Sóc Trăng", "Sở Tư pháp"])).toEqual(["Sở Tài chính tỉnh Sóc Trăng"]);
    expect(fileNameUnits("So-Tai-chinh_Q1-2023.xlsx", ["Sở Tư pháp"])).toEqual([]);
  });

  it("recognises the same unit across spellings", () => {
    expect(unitKey("Sở Tài chính tỉnh Sóc Trăng")).toBe(unitKey("SỞ TÀI CHÍNH"));
    expect(unitKey("UBND huyện Cù Lao Dung")).toBe(unitKey("Ủy ban nhân dân huyện Cù Lao Dung"));
    expect(unitKey("Sở TN&MT")).toBe(unitKey("Sở Tài nguyên và Môi trường tỉnh Khánh Hòa"));
    expect(unitKey("Sở TNMT")).toBe(unitKey("Sở Tài nguyên và Môi trường"));
    expect(unitKey("Sở NN&PTNT")).toBe(unitKey("Sở Nông nghiệp và Phát triển nông thôn"));
    expect(unitKey("Sở Nông nghiệp và PTNT")).toBe(unitKey("Sở Nông nghiệp và Phát triển nông thôn"));
    expect(unitKey("Sở GD&ĐT")).toBe(unitKey("Sở Giáo dục và Đào tạo"));
    expect(unitKey("UBND TP. Sóc Trăng")).toBe(unitKey("Ủy ban nhân dân thành phố Sóc Trăng"));
  });

  it("keeps different units apart", () => {
    expect(unitKey("UBND thành phố Sóc Trăng")).not.toBe(unitKey("UBND thành phố Bạc Liêu"));
    expect(unitKey("UBND thị xã Vĩnh Châu")).not.toBe(unitKey("UBND huyện Vĩnh Châu"));
    expect(unitKey("Sở Tài chính thành phố Cần Thơ")).toBe(unitKey("Sở Tài chính"));
  });
});
