import { z } from "zod";

/** How to name the items of a list in a message: `{ rules: "quy tắc" }` names rules[3] by its `id`. */
export type ItemNames = Readonly<Record<string, string>>;

/**
 * The first few problems of a failed zod parse as Vietnamese sentences an officer can pass on, naming
 * where each is (an item by its `id` when it has one, then the field) and what was expected.
 */
export function describeIssues(error: z.ZodError, data?: unknown, items: ItemNames = {}, limit = 5): string {
  const shown = error.issues.slice(0, limit).map((i) => `${where(i.path, data, items)}: ${what(i, valueAt(data, i.path))}.`);
  const more = error.issues.length - shown.length;
  return shown.join(" ") + (more > 0 ? ` (và ${more} lỗi khác)` : "");
}

function where(path: readonly (string | number)[], data: unknown, items: ItemNames): string {
  if (!path.length) return "Toàn bộ tệp";
  const parts: string[] = [];
  let node = data;
  let list: string | undefined;
  for (const key of path) {
    const child = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined;
    if (typeof key === "number") {
      const noun = list !== undefined ? items[list] : undefined;
      const id = isRecord(child) && typeof child.id === "string" ? child.id : undefined;
      // A labelled item (a template row, a unit type) is found by its number and printed label; a rule by its ID.
      const label = isRecord(child) && typeof child.label === "string" ? child.label : undefined;
      if (noun && label !== undefined) parts.push(`${noun} ${key + 1} (“${label}”)`);
      else if (noun && id !== undefined) parts.push(`${noun} “${id}”`);
      else if (noun) parts.push(`${noun} thứ ${key + 1}`);
      else parts.push(`phần tử thứ ${key + 1}`);
    } else {
      if (!(key in items)) parts.push(`trường “${key}”`);
      list = key;
    }
    node = child;
  }
  // A list named by its items ("rules") with no index after it is still a field.
  const last = path[path.length - 1];
  if (typeof last === "string" && last in items) parts.push(`trường “${last}”`);
  const text = parts.join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function what(issue: z.ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.received === "undefined") return `thiếu (cần ${typeName(issue.expected)})`;
      return `cần ${typeName(issue.expected)}, không phải ${typeName(issue.received)}`;
    case "invalid_literal":
      return `phải là “${String(issue.expected)}”`;
    case "unrecognized_keys":
      return `có trường không được phép: ${issue.keys.map((k) => `“${k}”`).join(", ")}`;
    case "invalid_union_discriminator":
      return `phải là một trong: ${issue.options.map((o) => `“${String(o)}”`).join(", ")}${shown(value)}`;
    case "invalid_enum_value":
      return `“${String(issue.received)}” không được phép; giá trị hợp lệ: ${issue.options.map((o) => `“${String(o)}”`).join(", ")}`;
    case "invalid_string":
      return `không đúng dạng quy định${shown(value)}`;
    case "too_small":
      if (issue.type === "array") return `cần ít nhất ${String(issue.minimum)} phần tử`;
      if (issue.type === "string") return issue.minimum === 1 ? "không được để trống" : `cần ít nhất ${String(issue.minimum)} ký tự`;
      return `phải ${issue.inclusive ? "≥" : ">"} ${String(issue.minimum)}${shown(value)}`;
    case "too_big":
      if (issue.type === "array") return `chỉ được tối đa ${String(issue.maximum)} phần tử`;
      if (issue.type === "string") return `chỉ được tối đa ${String(issue.maximum)} ký tự`;
      return `phải ${issue.inclusive ? "≤" : "<"} ${String(issue.maximum)}${shown(value)}`;
    case "invalid_union":
      return `không khớp dạng nào được phép${shown(value)}`;
    case "not_finite":
      return "phải là một số hữu hạn";
    case "custom":
      return issue.message;
    default:
      return `không hợp lệ${shown(value)}`;
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: "một chuỗi ký tự",
  number: "một số",
  integer: "một số nguyên",
  float: "một số",
  nan: "NaN",
  boolean: "true/false",
  object: "một đối tượng { … }",
  array: "một danh sách [ … ]",
  null: "null",
  undefined: "để trống",
};

function typeName(t: string): string {
  // An enum expected where another type was given: zod names it "'error' | 'warning'".
  if (t.includes(" | ")) return `một trong: ${t.split(" | ").map((o) => `“${o.replace(/^'|'$/g, "")}”`).join(", ")}`;
  return TYPE_NAMES[t] ?? t;
}

function shown(value: unknown): string {
  if (typeof value === "string") return ` (đang là “${value.length > 60 ? value.slice(0, 60) + "…" : value}”)`;
  if (typeof value === "number" || typeof value === "boolean") return ` (đang là ${String(value)})`;
  return "";
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const key of path) {
    if (!(isRecord(node) || Array.isArray(node))) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
