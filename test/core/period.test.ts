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
    // One report for a quarter and the longer window it closes: the longer window is its period.
    ["BÁO CÁO SỐ LIỆU CCHC QUÝ II VÀ 6 THÁNG ĐẦU NĂM 2026 - PHƯỜNG ĐÔNG HÀ", { kind: "h1", year: 2026 }],
    ["Báo cáo quý III và 9 tháng năm 2026", { kind: "m9", year: 2026 }],
    ["BÁO CÁO CCHC QUÝ IV VÀ NĂM 2026", { kind: "year", year: 2026 }],
    ["Quý IV năm 2026", { kind: "q4", year: 2026 }],
    // The window written as dates, by the 15/12 reporting year or by calendar months.
    ["Kỳ báo cáo: từ 15/12/2025 đến 14/6/2026", { kind: "h1", year: 2026 }],
    ["(Số liệu từ ngày 15/3/2026 đến ngày 14/6/2026)", { kind: "q2", year: 2026 }],
    ["Thời gian: từ 01/01/2026 đến 30/06/2026", { kind: "h1", year: 2026 }],
    ["từ 15/12/2025 đến hết ngày 14/12/2026", { kind: "year", year: 2026 }],
    ["từ 1/7/2026 đến 30/9/2026", { kind: "q3", year: 2026 }],
    ["TANLAP_6T2026.xlsx", { kind: "h1", year: 2026 }],
    ["BC CCHC 9T.2026 - Xa Cam Lo.xlsx", { kind: "m9", year: 2026 }],
  ])("%s", (text, expected) => {
    expect(parsePeriod(text)).toEqual(expected);
  });

  it("reads no period from the second half-year, nor from dates that bound no reporting window", () => {
    expect(parsePeriod("6 tháng cuối năm 2026")).toBeUndefined();
    expect(parsePeriod("từ 05/01/2026 đến 20/02/2026")).toBeUndefined();
    expect(parsePeriod("Bao cao 16T2026.xlsx")).toBeUndefined();
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
