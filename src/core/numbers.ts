import { Cell } from "./grid";
import { Code, ValueKind } from "./catalog/schema";
import { foldText, formatNumberVi } from "./text";

/** The outcome of reading one value cell the way a Vietnamese officer meant it. */
export type ReadValue =
  | { type: "blank" }
  | { type: "number"; value: number }
  | { type: "text"; text: string }
  /** Two readings are plausible; reported, never guessed. */
  | { type: "ambiguous"; text: string; readings: number[] };

const INT = /^[+-]?\d+$/;
const DOT_GROUPS = /^[+-]?\d{1,3}(\.\d{3})+$/;
const COMMA_GROUPS = /^[+-]?\d{1,3}(,\d{3})+$/;
const DOT_GROUPS_COMMA_DECIMAL = /^[+-]?\d{1,3}(\.\d{3})+,\d+$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
/** "1,234,567" or "1,234.5": commas grouping thousands the English way, which no decimal can be read as. */
const ENGLISH_GROUPS = /^[+-]?\d{1,3}(,\d{3}){2,}$|^[+-]?\d{1,3}(,\d{3})+\.\d+$/;
const DOT_DECIMAL = /^[+-]?\d+\.\d+$/;
const BLANK_MARKS = new Set(["", "-", "–", "—", "x", "X"]);

export function isPercentFormat(format: string | undefined): boolean {
  return !!format && /%/.test(format.replace(/"[^"]*"|\\./g, ""));
}

/**
 * A date or time format ("d/m/yyyy", "[$-42A]dd/mm/yy", "h:mm"): Excel turns "1/3" typed into a count
 * cell into 1 March, stored as a serial number; such a cell holds a date, not the count typed.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  // Quoted text, escaped characters, padding (_x), fills (*x) and [colour]/[locale] sections say nothing.
  const bare = format.replace(/"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]/gi, "");
  return !/general/i.test(bare) && /[dmyhs]/i.test(bare);
}

/** A serial of Excel's 1900 date system as it shows: "01/03/2023", or "01/03/2023 08:30" with a time. */
function serialText(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, "0");
  const date = `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  return d.getUTCHours() || d.getUTCMinutes() ? `${date} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : date;
}

/**
 * Reads a cell: "1.129" is 1129, "56,52" is 56.52, "100%" is 100, "02" is 2, a number stored with a
 * percent format (Excel's typed "100%") is ×100. Codes may be typed as "Có = 1" or "Có".
 */
export function readValue(cell: Cell | undefined, kind: ValueKind, codes?: Code[]): ReadValue {
  if (!cell || cell.value === null) return { type: "blank" };
  const v = cell.value;
  if (typeof v === "boolean") return { type: "number", value: v ? 1 : 0 };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { type: "text", text: String(v) };
    if (isDateFormat(cell.format) && kind !== "text") return { type: "text", text: serialText(v) };
    if (isPercentFormat(cell.format)) return { type: "number", value: roundFloat(v * 100) };
    return kind === "percent" && isFraction(v) ? fraction(formatNumberVi(v), v) : { type: "number", value: roundFloat(v) };
  }
  // Text pasted from the web or a word processor brings zero-width characters and the minus sign "−".
  const raw = v.replace(/[\u200b-\u200d\u2060\ufeff]/g, "").replace(/\u2212/g, "-").replace(/[\s\u00a0]+/g, " ").trim();
  if (BLANK_MARKS.has(raw)) return { type: "blank" };
  if (kind === "text") return { type: "text", text: raw };
  if (kind === "coded" && codes) {
    const code = readCode(raw, codes);
    if (code !== undefined) return { type: "number", value: code };
  }
  let s = raw.replace(/ /g, "");
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  }
  const n = parseNumberText(s, kind, percent);
  if (n?.type === "number" && kind === "percent" && !percent && isFraction(n.value)) return fraction(raw, n.value);
  return n ?? { type: "text", text: raw };
}

/** 0 < x < 1 in a rate typed without "%": a percentage below 1 or a share of 1 ("0,95" for 95 %). */
function isFraction(x: number): boolean {
  return x > 0 && x < 1;
}

function fraction(text: string, x: number): ReadValue {
  return { type: "ambiguous", text, readings: [roundFloat(x), roundFloat(x * 100)] };
}

function parseNumberText(s: string, kind: ValueKind, percent: boolean): ReadValue | undefined {
  const num = (x: number): ReadValue => ({ type: "number", value: roundFloat(x) });
  if (INT.test(s)) return num(Number(s));
  // "100/120" in a rate: the parts, not the rate; the rate they give is offered, never taken.
  const parts = kind === "percent" && !percent ? /^(\d+)\/(\d+)$/.exec(s) : null;
  if (parts && Number(parts[2]) > 0) return { type: "ambiguous", text: s, readings: [roundFloat(Math.round((10000 * Number(parts[1])) / Number(parts[2])) / 100)] };
  if (DOT_GROUPS_COMMA_DECIMAL.test(s)) return num(Number(s.replace(/\./g, "").replace(",", ".")));
  if (DOT_GROUPS.test(s)) {
    const grouped = Number(s.replace(/\./g, ""));
    // In a rate, "1.129" is as likely a decimal written the English way as a thousands group.
    if (kind === "percent" || percent) return { type: "ambiguous", text: s, readings: [Number(s), grouped] };
    return num(grouped);
  }
  if (ENGLISH_GROUPS.test(s)) return num(Number(s.replace(/,/g, "")));
  if (COMMA_DECIMAL.test(s)) {
    if ((kind === "count" || kind === "coded") && COMMA_GROUPS.test(s))
      return { type: "ambiguous", text: s, readings: [Number(s.replace(",", ".")), Number(s.replace(/,/g, ""))] };
    return num(Number(s.replace(",", ".")));
  }
  if (DOT_DECIMAL.test(s)) {
    if (kind === "percent" || kind === "money" || percent) return num(Number(s));
    // "20.0", "1234.00": a whole number a program wrote with its decimals; no thousands group has one to two digits.
    if (/\.0{1,2}$/.test(s)) return num(Number(s));
    // "1.5" in a count: 1,5 (a decimal) or a typo of 15? Report it.
    return { type: "ambiguous", text: s, readings: [Number(s)] };
  }
  return undefined;
}

function readCode(raw: string, codes: Code[]): number | undefined {
  const eq = /=\s*(\d+)\s*$/.exec(raw) ?? /^(\d+)\s*[-=:]/.exec(raw);
  if (eq) {
    // "Có = 1", "1 - Có": the code with its own meaning; "Không = 0, Có = 1" copied from the unit column is no answer.
    const code = Number(eq[1]);
    const rest = foldText(raw.slice(0, eq.index) + raw.slice(eq.index + eq[0].length));
    const own = codes.find((c) => c.value === code);
    if (!rest || (own && foldText(own.label) === rest)) return code;
  }
  const folded = foldText(raw);
  const hit = codes.find((c) => foldText(c.label) === folded);
  if (hit) return hit.value;
  return answerWithDetail(raw, codes);
}

/** Words that negate all that follows them: "Không có", "Chưa hoàn thành" answer "Không", "Chưa". */
const NEGATIONS = new Set(["khong", "chua"]);

/**
 * An answer followed by its detail: "Có (03 văn bản)", "Không, chưa ban hành", "Không có". Read only when
 * the detail names no other answer ("Trực tuyến, phát phiếu" is two answers, not one).
 */
function answerWithDetail(raw: string, codes: Code[]): number | undefined {
  const cut = /\s*[(,;:\-–—]/.exec(raw);
  const head = foldText(cut ? raw.slice(0, cut.index) : raw);
  const detail = cut ? ` ${foldText(raw.slice(cut.index))} ` : " ";
  const labels = codes.map((c) => ({ value: c.value, label: foldText(c.label) })).sort((a, b) => b.label.length - a.label.length);
  const names = (text: string, value: number): boolean => labels.some((l) => l.value !== value && text.includes(` ${l.label} `));
  const exact = labels.find((l) => l.label === head);
  if (exact) return cut && !names(detail, exact.value) ? exact.value : undefined;
  const negated = labels.find((l) => NEGATIONS.has(l.label.split(" ")[0]) && head.startsWith(`${l.label} `));
  return negated && !names(detail, negated.value) ? negated.value : undefined;
}

function roundFloat(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
