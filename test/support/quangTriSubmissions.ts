/** Submissions of Quảng Trị's communes and wards to its 2026 appendix, with what a careful reader knows of each. */
import { QT_GUIDANCE_TITLE, QT_ROWS, Submission, Typed } from "./quangTri";

export interface Truth {
  /** Who sent it, as on the province's list. */
  unit: string;
  /** "h1-2026" unless the file is of another period. */
  period: string;
  /** The numbers the file states (null: nothing stated). */
  numbers: Record<string, number | null>;
  /** Keys of the rows a checker must flag (where its findings are anchored). */
  errors: string[];
}

export const QT_UNITS = [
  "UBND xã Tân Lập", "UBND xã Cam Lộ", "UBND xã Hiếu Giang", "UBND phường Đông Hà", "UBND phường Nam Đông Hà",
  "UBND xã Vĩnh Linh", "UBND xã Cửa Tùng", "UBND xã Gio Linh", "UBND xã Cửa Việt", "UBND xã Triệu Phong",
  "UBND xã Ái Tử", "UBND phường Quảng Trị", "UBND xã Hải Lăng", "UBND xã Khe Sanh", "UBND xã Lao Bảo",
  "UBND đặc khu Cồn Cỏ", "UBND phường Đồng Hới", "UBND phường Ba Đồn", "UBND xã Lệ Thủy", "UBND xã Quảng Ninh",
  "UBND xã Bố Trạch",
];

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** A commune's consistent figures; i varies them. */
export function baseNumbers(i: number): Record<string, number | null> {
  const n: Record<string, number | null> = {};
  n.vbChiDao = 3 + (i % 6);
  n.nvKeHoach = 12;
  n.nvXong = 6 + (i % 5);
  n.tlKeHoach = round2((100 * n.nvXong) / 12);
  n.thonKt = 5 + (i % 4);
  n.tonTai = 4;
  n.tonTaiXong = 3;
  n.khaoSat = i % 2;
  n.tthc = 250 + i;
  n.tthcTtpv = 240 + i;
  n.hsTrucTuyen = 400 + 10 * i;
  n.hsTrucTiep = 300 + 5 * i;
  n.hsNhan = n.hsTrucTuyen + n.hsTrucTiep;
  n.hsGiai = n.hsNhan - 20;
  n.hsQuaHan = 3 + (i % 3);
  n.hsDungHan = n.hsGiai - n.hsQuaHan;
  n.tlDungHan = round2((100 * n.hsDungHan) / n.hsGiai);
  n.hsSoHoa = n.hsGiai - 50;
  n.pakn = 2 + (i % 2);
  n.paknXong = 2;
  n.cbcc = 30 + i;
  n.daoTao = 10;
  n.vbDi = 500 + 20 * i;
  n.vbKySo = n.vbDi - 10;
  n.tlKySo = round2((100 * n.vbKySo) / n.vbDi);
  n.kinhPhi = 12.5 + i;
  return n;
}

const ALL_KEYS = QT_ROWS.map((r) => r[0]);
const VALUE_KEYS = new Set(QT_ROWS.filter((r) => r[3] !== "").map((r) => r[0]));

function typedFrom(numbers: Record<string, number | null>, overrides: Partial<Record<string, Typed>>): Partial<Record<string, Typed>> {
  const out: Partial<Record<string, Typed>> = {};
  for (const k of ALL_KEYS) {
    if (!VALUE_KEYS.has(k)) continue;
    if (k in overrides) out[k] = overrides[k];
    else if (numbers[k] !== null && numbers[k] !== undefined) out[k] = numbers[k]!;
  }
  return out;
}

/** The guidance's line, copied with the table into the units' files. */
export const QT_GUIDANCE_LINE = "(Kèm theo Hướng dẫn số 125/HD-SNV ngày 05/01/2026 của Sở Nội vụ tỉnh Quảng Trị)";

const h1Title = (unit: string): string[] => ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", `BIỂU THỐNG KÊ SỐ LIỆU CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2026 CỦA ${unit.toUpperCase()}`, QT_GUIDANCE_LINE];

export interface Case {
  sub: Submission;
  truth: Truth;
}

export function quangTriCases(): Case[] {
  const cases: Case[] = [];
  const add = (file: string, unitIndex: number, build: (n: Record<string, number | null>) => { heading: string[]; typed?: Partial<Record<string, Typed>>; extra?: Partial<Submission>; period?: string; errors?: string[] }): void => {
    const numbers = baseNumbers(unitIndex);
    const b = build(numbers);
    cases.push({
      sub: { file, heading: b.heading, values: typedFrom(numbers, b.typed ?? {}), ...b.extra },
      truth: { unit: QT_UNITS[unitIndex], period: b.period ?? "h1-2026", numbers, errors: b.errors ?? [] },
    });
  };

  // Tân Lập: text numbers with dots, a first version and a corrected one.
  add("BC CCHC Q2.2026 - Xa Tan Lap.xlsx", 0, (n) => {
    n.hsTrucTuyen = 834; n.hsTrucTiep = 400; n.hsNhan = 1234; n.hsGiai = 1214; n.hsDungHan = 1211; n.hsQuaHan = 3; n.tlDungHan = round2((100 * 1211) / 1214); n.hsSoHoa = 1164;
    return { heading: h1Title("UBND xã Tân Lập"), typed: { hsNhan: "1.234", hsGiai: "1.214", hsDungHan: "1.211", hsSoHoa: "1.164", tlDungHan: "99,75" } };
  });
  add("xã Tân Lập (bản cuối).xlsx", 0, (n) => {
    n.vbChiDao = 7; n.hsTrucTuyen = 834; n.hsTrucTiep = 400; n.hsNhan = 1234; n.hsGiai = 1214; n.hsDungHan = 1211; n.hsQuaHan = 3; n.tlDungHan = round2((100 * 1211) / 1214); n.hsSoHoa = 1164;
    return { heading: h1Title("UBND xã Tân Lập"), typed: { hsNhan: "1.234", hsGiai: "1.214", hsDungHan: "1.211", hsSoHoa: "1.164", tlDungHan: "99,75" } };
  });
  // Cam Lộ: unit only in the letterhead, split over two lines; period as a date range.
  add("CAMLO_6T2026.xlsx", 1, () => ({ heading: ["ỦY BAN NHÂN DÂN", "XÃ CAM LỘ", "BIỂU THỐNG KÊ SỐ LIỆU CẢI CÁCH HÀNH CHÍNH", "Kỳ báo cáo: từ 15/12/2025 đến 14/6/2026"] }));
  // Hiếu Giang: "Bao cao.xlsx", the template's own title kept ("… CỦA UBND XÃ, PHƯỜNG, ĐẶC KHU"), unit only in the signature block.
  add("Bao cao.xlsx", 2, () => ({
    heading: [QT_GUIDANCE_TITLE, "6 tháng đầu năm 2026", QT_GUIDANCE_LINE],
    extra: { footer: ["TM. UBND XÃ HIẾU GIANG", "CHỦ TỊCH", "", "Trần Văn Nam"] },
  }));
  // Đông Hà: "Quý II và 6 tháng đầu năm 2026" (the six-month report).
  add("Phuong Dong Ha - BC 6 thang 2026.xlsx", 3, () => ({ heading: ["BÁO CÁO SỐ LIỆU CCHC QUÝ II VÀ 6 THÁNG ĐẦU NĂM 2026 - PHƯỜNG ĐÔNG HÀ"] }));
  // Nam Đông Hà: a notes sheet first.
  add("Nam Dong Ha.xlsx", 4, () => ({ heading: h1Title("UBND phường Nam Đông Hà"), extra: { notesSheetFirst: true } }));
  // Vĩnh Linh: a hidden sheet with the first quarter's appendix.
  add("VinhLinh_6T.xlsx", 5, () => ({
    heading: h1Title("UBND xã Vĩnh Linh"),
    extra: { hiddenCopy: { name: "Quý I", heading: ["BIỂU THỐNG KÊ SỐ LIỆU CCHC QUÝ I NĂM 2026 CỦA UBND XÃ VĨNH LINH"], values: { vbChiDao: 99, hsTrucTuyen: 5000, hsTrucTiep: 1, hsNhan: 5001 } } },
  }));
  // Cửa Tùng: the total typed as a formula of its parts; a rate typed "98,8%" into a cell formatted 0%.
  add("Cua Tung.xlsx", 6, (n) => ({ heading: h1Title("UBND xã Cửa Tùng"), typed: { hsNhan: { formula: "{hsTrucTuyen}+{hsTrucTiep}", value: n.hsNhan! }, tlKySo: { percent: n.tlKySo! / 100 } } }));
  // Gio Linh: a report of Quý II, not of the six months.
  add("Gio Linh - Quy II 2026.xlsx", 7, () => ({ heading: ["BIỂU THỐNG KÊ SỐ LIỆU CCHC QUÝ II NĂM 2026 CỦA UBND XÃ GIO LINH"], period: "q2-2026" }));
  // Cửa Việt: last year's file sent by mistake.
  add("Cua Viet 6T.xlsx", 8, () => ({ heading: ["BIỂU THỐNG KÊ SỐ LIỆU CCHC 6 THÁNG ĐẦU NĂM 2025 CỦA UBND XÃ CỬA VIỆT"], period: "h1-2025" }));
  // Triệu Phong: "-" and "x" for nothing, blanks, an explicit 0.
  add("TRIEUPHONG_6T2026.xlsx", 9, (n) => {
    n.pakn = null; n.paknXong = null; n.tonTai = null; n.tonTaiXong = null; n.khaoSat = 0;
    return { heading: h1Title("UBND xã Triệu Phong"), typed: { pakn: "-", paknXong: "x", tonTai: "", tonTaiXong: "", khaoSat: 0 } };
  });
  // Ái Tử: a real arithmetic error (parts above the total) and a rate that disagrees with its parts.
  add("Ai Tu - 6 thang.xlsx", 10, (n) => {
    n.hsNhan = 700; n.tlKeHoach = 80; // items 500 + 350 = 850; 6/12 = 50 %
    // Flagged where each finding is anchored: the rate; the items above their total; solved above received.
    return { heading: h1Title("UBND xã Ái Tử"), errors: ["tlKeHoach", "hsTrucTuyen", "hsGiai"] };
  });
  // Phường Quảng Trị: money with a decimal comma, counts with a thousands dot.
  add("P.Quang Tri.xlsx", 11, (n) => {
    n.kinhPhi = 23.5; n.vbDi = 1020; n.vbKySo = 1010; n.tlKySo = round2((100 * 1010) / 1020);
    return { heading: h1Title("UBND phường Quảng Trị"), typed: { kinhPhi: "23,5", vbDi: "1.020", vbKySo: "1.010", tlKySo: "99,02%" } };
  });
  // Hải Lăng: a note with a number in it.
  add("HaiLang.xlsx", 12, () => ({ heading: h1Title("UBND xã Hải Lăng"), extra: { notes: { hsNhan: "Trong đó 15 hồ sơ liên thông", tthc: "Theo Quyết định số 1520/QĐ-UBND" } } }));
  // Khe Sanh: rates rounded to whole numbers, as often typed.
  add("Khe Sanh.xlsx", 13, (n) => {
    n.tlDungHan = Math.round(n.tlDungHan!); n.tlKySo = Math.round(n.tlKySo!); n.tlKeHoach = Math.round(n.tlKeHoach!);
    return { heading: h1Title("UBND xã Khe Sanh") };
  });
  add("Lao Bao.xlsx", 14, () => ({ heading: h1Title("UBND xã Lao Bảo") }));
  // Cồn Cỏ: a small special zone, no case files, rates left blank (0/0).
  add("Con Co.xlsx", 15, (n) => {
    Object.assign(n, { hsTrucTuyen: 0, hsTrucTiep: 0, hsNhan: 0, hsGiai: 0, hsDungHan: 0, hsQuaHan: 0, tlDungHan: null, hsSoHoa: 0, pakn: 0, paknXong: 0 });
    return { heading: ["BIỂU THỐNG KÊ SỐ LIỆU CCHC 6 THÁNG ĐẦU NĂM 2026 CỦA UBND ĐẶC KHU CỒN CỎ"], typed: { tlDungHan: "" } };
  });
  add("DONGHOI_BCCCHC_6T2026_final.xlsx", 16, () => ({ heading: h1Title("UBND phường Đồng Hới") }));
  // Ba Đồn: the title names "phường Ba Đồn" without "UBND".
  add("Bao cao CCHC.xlsx", 17, () => ({ heading: ["BIỂU THỐNG KÊ SỐ LIỆU CCHC 6 THÁNG ĐẦU NĂM 2026 PHƯỜNG BA ĐỒN"] }));
  add("Le Thuy 6T 2026.xlsx", 18, () => ({ heading: h1Title("UBND xã Lệ Thủy") }));
  return cases;
}
