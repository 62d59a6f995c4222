import { foldText } from "../text";
import { Reporter } from "./schema";

/**
 * The groups of reporting units the national template names, folded → unit types and a display name.
 * National vocabulary only; a unit type with no template yet (cơ quan ngành dọc) is still named.
 */
const UNIT_SCOPES: { re: RegExp; label: string; unitTypes?: string[] }[] = [
  { re: /^(?:cac )?co quan don vi dia phuong\b/, label: "Cơ quan, đơn vị, địa phương" },
  { re: /^(?:cac )?co quan chuyen mon cap tinh\b/, label: "Cơ quan chuyên môn cấp tỉnh", unitTypes: ["so-nganh"] },
  { re: /^(?:cac )?(?:ubnd|uy ban nhan dan) cap huyen\b/, label: "UBND cấp huyện", unitTypes: ["cap-huyen"] },
  { re: /^(?:cac )?(?:ubnd|uy ban nhan dan) cap xa\b/, label: "UBND cấp xã", unitTypes: ["cap-xa"] },
  { re: /^(?:cac )?co quan nganh doc\b/, label: "Cơ quan ngành dọc", unitTypes: ["nganh-doc"] },
];

/** How a provincial body's name starts (folded). */
const BODY_START = /^(?:so|van phong|vp|ban|thanh tra|cong an|kho bac)\b/;

/** "báo cáo", "tổng hợp", or a clipped "báo" ends the subject of a clause. */
const VERB = /\s(?:tổng hợp|báo cáo|báo)(?=[\s,;.]|$)/iu;

/** "Cơ quan, đơn vị, địa phương" has commas of its own; protect it before splitting a subject on commas. */
const ALL_UNITS = /cơ quan,?\s*đơn vị,?\s*địa phương/giu;
const ALL_MARK = "cơ quan đơn vị địa phương";

/**
 * Parses the 4th column of the newer template ("Sở Tư pháp báo cáo kết quả thực hiện của tỉnh; - Các cơ
 * quan, đơn vị, địa phương báo cáo") into who gives the province's figure. Undefined when the text is not
 * about who reports (a unit's own note: a decision number, the names of its centres, a stray value).
 */
export function parseReporter(printed: string): Reporter | undefined {
  const text = printed.replace(/\s+/g, " ").trim();
  const bodies: string[] = [];
  const scopes: { label: string; unitTypes?: string[] }[] = [];
  for (const clause of text.split(/;|(?:^|\s)[-–]\s/)) {
    const c = clause.replace(/\([^)]*\)/g, " ").replace(ALL_UNITS, ALL_MARK).replace(/\s+/g, " ").trim();
    if (!c) continue;
    const verb = VERB.exec(c);
    const subject = (verb ? c.slice(0, verb.index) : c).replace(/^đối với\s+/iu, "");
    const found = subjectOf(subject, !!verb);
    if (!found) continue;
    for (const b of found.bodies) if (!bodies.includes(b)) bodies.push(b);
    for (const s of found.scopes) if (!scopes.some((x) => x.label === s.label)) scopes.push(s);
  }
  if (!bodies.length && !scopes.length) return undefined;
  return { text, bodies, ...(scopes.length ? { units: mergeScopes(scopes) } : {}) };
}

/** The bodies and unit groups a clause's subject names; undefined when it names something else. */
function subjectOf(subject: string, hasVerb: boolean): { bodies: string[]; scopes: { label: string; unitTypes?: string[] }[] } | undefined {
  const bodies: string[] = [];
  const scopes: { label: string; unitTypes?: string[] }[] = [];
  for (const piece of subject.split(",")) {
    const p = piece.trim();
    if (!p) continue;
    const f = foldText(p);
    const scope = UNIT_SCOPES.find((s) => s.re.test(f));
    if (scope) {
      scopes.push({ label: scope.label, unitTypes: scope.unitTypes });
      continue;
    }
    // A body is only a reporter when the clause says it reports ("Sở TNMT được cấp 70 chứng thư số" is a note).
    if (hasVerb && BODY_START.test(f)) {
      bodies.push(bodyName(p));
      continue;
    }
    return undefined;
  }
  return bodies.length || scopes.length ? { bodies, scopes } : undefined;
}

/** "VP UBND tỉnh", "VP.UBND tỉnh" → "Văn phòng UBND tỉnh"; other names as printed. */
function bodyName(p: string): string {
  return p.replace(/^VP\.?\s*/u, "Văn phòng ").replace(/\s+/g, " ").trim();
}

/** Several groups: every unit when one of them is every unit, else the union of their types. */
function mergeScopes(scopes: { label: string; unitTypes?: string[] }[]): NonNullable<Reporter["units"]> {
  const all = scopes.find((s) => !s.unitTypes);
  if (all) return { label: all.label };
  return { label: scopes.map((s) => s.label).join(", "), unitTypes: [...new Set(scopes.flatMap((s) => s.unitTypes ?? []))] };
}
