import { issuerName } from "../../src/core/layout/reportLayout";
import { reportDateText } from "../../src/core/layout/templateLayout";

describe("the heading of the province's report", () => {
  it("writes a date as the official line does, from either way of typing it", () => {
    expect(reportDateText("2026-03-20")).toBe("20 tháng 03 năm 2026");
    expect(reportDateText("5/4/2026")).toBe("05 tháng 04 năm 2026");
    expect(reportDateText("29/02/2028")).toBe("29 tháng 02 năm 2028");
    for (const bad of ["29/02/2027", "31/04/2026", "2026-13-01", "hôm nay", "", undefined]) expect(reportDateText(bad)).toBeUndefined();
  });

  it("names the province's people's committee once", () => {
    expect(issuerName("Hà Giang Mới")).toBe("UBND tỉnh Hà Giang Mới");
    expect(issuerName("tỉnh Lâm Đồng")).toBe("UBND tỉnh Lâm Đồng");
    expect(issuerName("thành phố Cần Thơ")).toBe("UBND thành phố Cần Thơ");
    expect(issuerName("UBND tỉnh Quảng Trị")).toBe("UBND tỉnh Quảng Trị");
    expect(issuerName("  ")).toBe("UBND tỉnh …");
  });
});
