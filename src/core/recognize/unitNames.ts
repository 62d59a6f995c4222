import { foldText } from "../text";

/**
 * Abbreviations officers use in unit names, as folded words → their full folded form, so that
 * "Sở TN&MT", "Sở TNMT" and "Sở Tài nguyên và Môi trường" are one unit. National vocabulary only.
 */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/g, "uy ban nhan dan"],
  [/^vp\b/g, "van phong"],
  [/\bhdnd\b/g, "hoi dong nhan dan"],
  [/\bnn ptnt\b|\bnnptnt\b/g, "nong nghiep phat trien nong thon"],
  [/\bptnt\b/g, "phat trien nong thon"],
  [/\btn mt\b|\btnmt\b/g, "tai nguyen moi truong"],
  [/\btt tt\b|\btttt\b/g, "thong tin truyen thong"],
  [/\bgd dt\b|\bgddt\b/g, "giao duc dao tao"],
  [/\bkh dt\b|\bkhdt\b/g, "ke hoach dau tu"],
  [/\bkh cn\b|\bkhcn\b/g, "khoa hoc cong nghe"],
  [/\bld tb xh\b|\bldtbxh\b/g, "lao dong thuong binh xa hoi"],
  [/\bvh tt dl\b|\bvhttdl\b/g, "van hoa the thao du lich"],
  [/\bgtvt\b/g, "giao thong van tai"],
  [/\btp\b/g, "thanh pho"],
  [/\btx\b/g, "thi xa"],
];

const keyCache = new Map<string, string>();

/** Key to recognise the same unit across spellings ("Sở Tài chính tỉnh Sóc Trăng" = "SỞ TÀI CHÍNH"). */
export function unitKey(name: string): string {
  // A merge asks for each unit's key many times (evidence, duplicates, the expected list): work it out once.
  let k = keyCache.get(name);
  if (k === undefined) {
    if (keyCache.size >= 20_000) keyCache.clear();
    k = keyOf(name);
    keyCache.set(name, k);
  }
  return k;
}

function keyOf(name: string): string {
  let k = foldText(name);
  for (const [re, full] of ABBREVIATIONS) k = k.replace(re, full);
  k = k.replace(/\bva\b/g, " ");
  // "… tỉnh Sóc Trăng" after a department's name only says where it is; a city's own committee keeps its name.
  k = k.replace(/\s+tinh(\s+[a-z ]+)?$/, "");
  if (k.startsWith("so ")) k = k.replace(/\s+thanh pho\s+[a-z ]+$/, "");
  k = k.replace(/\s+/g, " ").trim();
  // "UBND huyện X" and "huyện X" are the same unit; "UBND" alone stays itself.
  return k.replace(/^uy ban nhan dan (?=\S)/, "");
}
