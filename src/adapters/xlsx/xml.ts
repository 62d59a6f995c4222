import { SaxesParser } from "saxes";

/** XML escaping for what we write, and a conformant tokenizer for what we read. */
export function esc(s: string): string {
  return dropForbidden(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Characters XML 1.0 forbids would make Excel ask to repair the file. */
function dropForbidden(s: string): string {
  let out = "";
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const bad = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff;
    if (bad) {
      out += s.slice(start, i);
      start = i + 1;
    }
  }
  return start === 0 ? s : out + s.slice(start);
}

/** A part that is not well-formed XML (or ends early): the file is damaged, never half read. */
export class XmlError extends Error {}

/** An element with its namespace resolved; `attributes` are by qualified name, as written. */
export interface XmlTag {
  local: string;
  uri: string;
  attributes: Record<string, string>;
  /** Prefix → namespace in scope at this element. */
  ns: Record<string, string>;
}

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  close?(tag: XmlTag): void;
  /** Character data, CDATA included, with entities and character references resolved. */
  text?(text: string): void;
}

const CHUNK = 1 << 20;
const ROOT_SCOPE: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  "": "",
  xml: "http://www.w3.org/XML/1998/namespace",
});

function decoderFor(bytes: Uint8Array) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be");
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return new TextDecoder("utf-16le");
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

/**
 * Tokenizes one XML part with saxes (well-formedness, entities, character references, CDATA) and
 * resolves namespaces itself, so `x:c`, `c` and strict-OOXML `c` are the same element to the caller.
 * (saxes' own namespace mode allocates an object per attribute and is about twice as slow on sheets.)
 * The bytes are decoded a chunk at a time, so a large part never exists as one string. Any
 * well-formedness error, an unbound prefix, or a part that ends early throws XmlError.
 */
export function parseXml(bytes: Uint8Array, on: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  const stack: XmlTag[] = [];
  let scope = ROOT_SCOPE;
  parser.on("error", (e) => {
    throw new XmlError(e.message);
  });
  // Namespace declarations are collected as saxes reports each attribute: cheaper than walking every
  // element's attributes again (this is the hot path of a sheet).
  let declared: { name: string; value: string }[] | undefined;
  parser.on("attribute", (a) => {
    const key = a.name;
    if (key.charCodeAt(0) === 120 && key.startsWith("xmlns") && (key.length === 5 || key.charCodeAt(5) === 58)) (declared ??= []).push(a);
  });
  parser.on("opentag", (t) => {
    const attributes = t.attributes as Record<string, string>;
    if (declared) {
      scope = Object.create(scope) as Record<string, string>;
      for (const { name: key, value } of declared) scope[key.length === 5 ? "" : key.slice(6)] = value;
      declared = undefined;
    }
    const name = t.name;
    const colon = name.indexOf(":");
    const prefix = colon < 0 ? "" : name.slice(0, colon);
    const uri = scope[prefix];
    if (uri === undefined) throw new XmlError(`unbound prefix ${prefix}`);
    const tag: XmlTag = { local: colon < 0 ? name : name.slice(colon + 1), uri, attributes, ns: scope };
    stack.push(tag);
    on.open?.(tag);
  });
  parser.on("closetag", () => {
    const tag = stack.pop()!;
    scope = stack.length ? stack[stack.length - 1].ns : ROOT_SCOPE;
    on.close?.(tag);
  });
  if (on.text) {
    parser.on("text", on.text);
    parser.on("cdata", on.text);
  }
  const decoder = decoderFor(bytes);
  for (let i = 0; i < bytes.length; i += CHUNK) parser.write(decoder.decode(bytes.subarray(i, i + CHUNK), { stream: true }));
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  parser.close();
}

/** The value of an attribute without a namespace (`r`, `t`, `s` …). */
export function attrOf(tag: XmlTag, local: string): string | undefined {
  return tag.attributes[local];
}

/** The value of an attribute in one of the given namespaces (`r:id`, whatever its prefix). */
export function attrNs(tag: XmlTag, uris: ReadonlySet<string>, local: string): string | undefined {
  for (const key in tag.attributes) {
    const colon = key.indexOf(":");
    if (colon < 0 || key.slice(colon + 1) !== local) continue;
    const uri = tag.ns[key.slice(0, colon)];
    if (uri !== undefined && uris.has(uri)) return tag.attributes[key];
  }
  return undefined;
}
