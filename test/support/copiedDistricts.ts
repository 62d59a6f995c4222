import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { FIXTURES, fixture } from "./data";

/** Sóc Trăng's eleven district-level units (before July 2025), with the file name each would send. */
export const DISTRICTS: { name: string; file: string }[] = [
  { name: "UBND thành phố Sóc Trăng", file: "tp-soc-trang-q1-2023.xlsx" },
  { name: "UBND huyện Châu Thành", file: "huyen-chau-thanh-q1-2023.xlsx" },
  { name: "UBND huyện Kế Sách", file: "huyen-ke-sach-q1-2023.xlsx" },
  { name: "UBND huyện Mỹ Tú", file: "huyen-my-tu-q1-2023.xlsx" },
  { name: "UBND huyện Cù Lao Dung", file: "huyen-cu-lao-dung-q1-2023.xlsx" },
  { name: "UBND huyện Long Phú", file: "huyen-long-phu-q1-2023.xlsx" },
  { name: "UBND huyện Mỹ Xuyên", file: "huyen-my-xuyen-q1-2023.xlsx" },
  { name: "UBND thị xã Ngã Năm", file: "thi-xa-nga-nam-q1-2023.xlsx" },
  { name: "UBND huyện Thạnh Trị", file: "huyen-thanh-tri-q1-2023.xlsx" },
  { name: "UBND thị xã Vĩnh Châu", file: "thi-xa-vinh-chau-q1-2023.xlsx" },
  { name: "UBND huyện Trần Đề", file: "huyen-tran-de-q1-2023.xlsx" },
];

const KEM_THEO = "(Kèm theo Báo cáo số 85/BC-UBND ngày 16 tháng 3 năm 2023";
/** D11 of seed 003: "Số nhiệm vụ đề ra trong kế hoạch" (direction.plan.tasks_planned), 19 in the seed. */
export const PLANNED_ID = "direction.plan.tasks_planned";
export const PLANNED_IN_SEED = 19;

/**
 * District 003's workbook as a neighbour copies it: the "(Kèm theo …)" line now names `unit`, the number
 * of planned tasks is `planned`; "của Ủy ban nhân dân huyện Cù Lao Dung)" and "TRÊN ĐỊA BÀN HUYỆN CÙ LAO DUNG"
 * are left as they were. Everything else is the real file's bytes.
 */
export function copiedDistrict(unit: string | undefined, planned = PLANNED_IN_SEED): Uint8Array {
  const parts = unzipSync(fixture(`${FIXTURES.cuLaoDung}.xlsx`));
  const strings = strFromU8(parts["xl/sharedStrings.xml"]);
  if (!strings.includes(`${KEM_THEO}<`)) throw new Error("seed 003 changed: no “Kèm theo” line");
  if (unit) parts["xl/sharedStrings.xml"] = strToU8(strings.replace(`${KEM_THEO}<`, `${KEM_THEO} của ${unit})<`));
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
  const cell = `<c r="D11"><v>${PLANNED_IN_SEED}</v></c>`;
  if (!sheet.includes(cell)) throw new Error("seed 003 changed: D11");
  parts["xl/worksheets/sheet1.xml"] = strToU8(sheet.replace(cell, `<c r="D11"><v>${planned}</v></c>`));
  return zipSync(parts);
}

/** The eleven copies; district i reports 100 + i planned tasks (Cù Lao Dung its own file, fixed line included). */
export function elevenCopies(): { name: string; file: string; planned: number; bytes: Uint8Array }[] {
  return DISTRICTS.map((d, i) => ({ ...d, planned: 100 + i, bytes: copiedDistrict(d.name, 100 + i) }));
}
