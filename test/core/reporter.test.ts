import { reportersFromSeed, seedReporterTexts } from "../../scripts/add-reporters";
import { parseReporter } from "../../src/core/catalog/reporter";
import { Reporter } from "../../src/core/catalog/schema";
import { unitKey } from "../../src/core/recognize/unitNames";
import { catalog, seedText } from "../support/data";

/** Every distinct text of seed 004's 4th column and what it says (null: a unit's own note, not who reports). */
const EXPECTED: [string, Pick<Reporter, "bodies"> & { units: Reporter["units"] | null } | null][] = [
  ["- Sở Nội vụ báo cáo số liệu, kết quả của tỉnh; - Cơ quan, đơn vị, địa phương báo cáo", {"bodies":["Sở Nội vụ"],"units":{"label":"Cơ quan, đơn vị, địa phương"}}],
  ["Thực hiện chỉ đạo của Sở TNMT, Văn phòng Đăng ký đã kiểm tra 08 đơn vị chi nhánh; 06 đơn vị thuộc Sở", null],
  ["Sở Nội vụ báo cáo", {"bodies":["Sở Nội vụ"],"units":null}],
  ["- Văn phòng UBND tỉnh (VP.UBND tỉnh) báo cáo số liệu, kết quả của tỉnh; - Cơ quan, đơn vị, địa phương báo cáo kết quả thực hiện nhiệm vụ được UBND tỉnh giao (tính đến ngày 7/12/2023)", {"bodies":["Văn phòng UBND tỉnh"],"units":{"label":"Cơ quan, đơn vị, địa phương"}}],
  ["- Sở Nội vụ báo cáo số liệu, kết quả của tỉnh; - Cơ quan, đơn vị, địa phương báo cáo (nếu có)", {"bodies":["Sở Nội vụ"],"units":{"label":"Cơ quan, đơn vị, địa phương"}}],
  ["- Đối với các cơ quan, đơn vị, địa phương được giao nhiệm vụ tại kế hoạch CCHC tỉnh; - Cơ quan, đơn vị, địa phương khác (nếu có); - Sở Kế hoạch và Đầu tư tổng hợp, báo cáo kết quả thực hiện của tỉnh", {"bodies":["Sở Kế hoạch và Đầu tư"],"units":{"label":"Cơ quan, đơn vị, địa phương"}}],
  ["- Sở Tư pháp báo cáo kết quả thực hiện của tỉnh - Các cơ quan, đơn vị, địa phương báo cáo", {"bodies":["Sở Tư pháp"],"units":{"label":"Cơ quan, đơn vị, địa phương"}}],
  ["- VP UBND tỉnh tổng hợp, báo cáo; - Cơ quan, đơn vị, địa phương báo cáo", {"bodies":["Văn phòng UBND tỉnh"],"units":{"label":"Cơ quan, đơn vị, địa phương"}}],
  ["- Cơ quan chuyên môn cấp tỉnh báo cáo; - VP UBND tỉnh tổng hợp, báo cáo số liệu của tỉnh", {"bodies":["Văn phòng UBND tỉnh"],"units":{"label":"Cơ quan chuyên môn cấp tỉnh","unitTypes":["so-nganh"]}}],
  ["265/QĐ-UBND ngày 08/02/2023; 1902/QĐ-UBND 10/8/2023; 2028/QĐ-UBND 24/8/2023;", null],
  ["543/QĐ-STNMT 11/9/2023", null],
  ["- VP.UBND tỉnh báo cáo số liệu của tỉnh; - Cơ quan chuyên môn cấp tỉnh báo cáo", {"bodies":["Văn phòng UBND tỉnh"],"units":{"label":"Cơ quan chuyên môn cấp tỉnh","unitTypes":["so-nganh"]}}],
  ["- Các cơ quan, đơn vị, địa phương báo cáo - VP UBND tỉnh tổng hợp, báo cáo số liệu của tỉnh", {"bodies":["Văn phòng UBND tỉnh"],"units":{"label":"Cơ quan, đơn vị, địa phương"}}],
  ["UBND cấp huyện báo cáo", {"bodies":[],"units":{"label":"UBND cấp huyện","unitTypes":["cap-huyen"]}}],
  ["- Sở Tài nguyên và Môi trường, Sở Xây dựng, Sở Kế hoạch và Đầu tư báo cáo số liệu, kết quả của tỉnh; - UBND cấp huyện báo cáo số liệu, kết quả thực hiện của huyện, xã", {"bodies":["Sở Tài nguyên và Môi trường","Sở Xây dựng","Sở Kế hoạch và Đầu tư"],"units":{"label":"UBND cấp huyện","unitTypes":["cap-huyen"]}}],
  ["Cơ quan ngành dọc báo cáo", {"bodies":[],"units":{"label":"Cơ quan ngành dọc","unitTypes":["nganh-doc"]}}],
  ["- Sở Nội vụ tổng hợp báo; - Cơ quan, đơn vị, địa phương báo cáo", {"bodies":["Sở Nội vụ"],"units":{"label":"Cơ quan, đơn vị, địa phương"}}],
  ["Sở Nội vụ tổng hợp báo cáo số liệu, kết quả của tỉnh", {"bodies":["Sở Nội vụ"],"units":null}],
  ["Các cơ quan chuyên môn cấp tỉnh báo cáo Trung tâm Công nghệ thông tin TNMT; Trung tâm Quan trắc TNMT; Trung tâm phát triển quỹ đất tỉnh và Văn phòng Đăng ký đất đai Khánh Hòa", {"bodies":[],"units":{"label":"Cơ quan chuyên môn cấp tỉnh","unitTypes":["so-nganh"]}}],
  ["- Cơ quan chuyên môn cấp tỉnh - UBND cấp huyện", {"bodies":[],"units":{"label":"Cơ quan chuyên môn cấp tỉnh, UBND cấp huyện","unitTypes":["so-nganh","cap-huyen"]}}],
  ["Theo Nghị định số 68/NĐ-CP", null],
  ["- Sở Nội vụ tổng hợp, báo cáo số liệu của tỉnh; - Các cơ quan, đơn vị, địa phương báo cáo", {"bodies":["Sở Nội vụ"],"units":{"label":"Cơ quan, đơn vị, địa phương"}}],
  ["Các cơ quan, đơn vị, địa phương báo cáo Sở TNMT;", {"bodies":[],"units":{"label":"Cơ quan, đơn vị, địa phương"}}],
  ["Trung tâm Công nghệ thông tin TNMT và Trung tâm PTQĐ", null],
  ["Các cơ quan, đơn vị, địa phương báo cáo", {"bodies":[],"units":{"label":"Cơ quan, đơn vị, địa phương"}}],
  ["- Sở Tài chính tổng hợp, báo cáo - Các cơ quan, đơn vị, địa phương báo cáo", {"bodies":["Sở Tài chính"],"units":{"label":"Cơ quan, đơn vị, địa phương"}}],
  ["Văn phòng Đăng ký đất đai Khánh Hòa; Trung tâm Quan trắc TNMT.", null],
  ["Trung tâm Phát triển quỹ đất tỉnh (33%)", null],
  ["Trung tâm Công nghệ thông tin TNMT", null],
  ["- Sở Thông tin và Truyền thông tổng hợp, báo cáo; - Các cơ quan, đơn vị, địa phương báo cáo", {"bodies":["Sở Thông tin và Truyền thông"],"units":{"label":"Cơ quan, đơn vị, địa phương"}}],
  ["Sở Thông tin và Truyền thông báo cáo", {"bodies":["Sở Thông tin và Truyền thông"],"units":null}],
  ["- Sở Thông tin và Truyền thông tổng hợp, báo cáo; - Cơ quan chuyên môn cấp tỉnh, UBND cấp huyện báo cáo", {"bodies":["Sở Thông tin và Truyền thông"],"units":{"label":"Cơ quan chuyên môn cấp tỉnh, UBND cấp huyện","unitTypes":["so-nganh","cap-huyen"]}}],
  ["Sở TNMT được cấp 70 chứng thư số, trong đó: chứng thư số tổ chức: 17; chứng thư số cá nhân lãnh đạo: 36, chứng thư số cá nhân không phải lãnh đạo: 17.", null],
  ["- Sở Thông tin và Truyền thông báo cáo số liệu, kết quả của tỉnh; - Cơ quan chuyên môn cấp tỉnh, UBND cấp huyện báo cáo", {"bodies":["Sở Thông tin và Truyền thông"],"units":{"label":"Cơ quan chuyên môn cấp tỉnh, UBND cấp huyện","unitTypes":["so-nganh","cap-huyen"]}}],
  ["100", null],
  ["- Sở Thông tin và Truyền thông báo cáo số liệu, kết quả của tỉnh; - Cơ quan, đơn vị, địa phương báo cáo", {"bodies":["Sở Thông tin và Truyền thông"],"units":{"label":"Cơ quan, đơn vị, địa phương"}}],
  ["43", null],
];

describe("the 4th column of the newer template (who reports the province's figure)", () => {
  it("lists every distinct text of seed 004", () => {
    const texts = [...new Set(seedReporterTexts(seedText("004")).map((r) => r.note).filter(Boolean))];
    expect(texts.sort()).toEqual(EXPECTED.map(([t]) => t).sort());
  });

  it.each(EXPECTED)("parses %j", (text, expected) => {
    const r = parseReporter(text);
    if (expected === null) return expect(r).toBeUndefined();
    expect(r).toEqual({ text, bodies: expected.bodies, ...(expected.units ? { units: expected.units } : {}) });
  });

  it("names bodies so that the abbreviations units write match them", () => {
    expect(unitKey("Văn phòng UBND tỉnh")).toBe(unitKey("VP.UBND tỉnh"));
    expect(unitKey("Văn phòng UBND tỉnh")).toBe(unitKey("VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA"));
    expect(unitKey("Sở Thông tin và Truyền thông")).toBe(unitKey("Sở TTTT"));
    expect(unitKey("Sở Kế hoạch và Đầu tư")).toBe(unitKey("Sở KH&ĐT tỉnh Sóc Trăng"));
    expect(unitKey("Sở Tư pháp")).not.toBe(unitKey("Sở Tài chính"));
  });

  it("carries the column into tinh-2023: every indicator row says who reports it", () => {
    const t = catalog.byId.get("tinh-2023")!;
    const rows = t.rows.filter((r) => "id" in r);
    expect(rows.every((r) => r.reporter)).toBe(true);
    const byStt = (stt: string) => t.rows.find((r) => r.stt === stt)!;
    expect(byStt("2.1.1").reporter?.bodies).toEqual(["Sở Tư pháp"]);
    expect(byStt("3.4.3").reporter).toMatchObject({ bodies: [], units: { unitTypes: ["cap-huyen"] } });
    expect(byStt("7.1").reporter).toMatchObject({ bodies: ["Sở Thông tin và Truyền thông"] });
    expect(byStt("7.1").reporter?.units).toBeUndefined();
    // A unit's own note under a heading leaves the heading's reporter in force.
    expect(byStt("1.3.1").reporter?.bodies).toEqual(["Sở Nội vụ"]);
  });

  it("tinh-2023.json holds what the script derives from the seed (rerun scripts/add-reporters.ts after editing either)", () => {
    const t = catalog.byId.get("tinh-2023")!;
    expect(reportersFromSeed(t, seedText("004"))).toEqual(t.rows.map((r) => r.reporter));
  });
});
