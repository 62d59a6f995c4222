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

/** An element's name with its namespace resolved (interned: one object per spelling and scope). */
export interface XmlName {
  local: string;
  uri: string;
}

/**
 * An element as it opens; `attributes` are by qualified name, as written. The object is reused for the
 * next element: a handler reads it during the call and keeps only what it copies out.
 */
export interface XmlTag extends XmlName {
  attributes: Record<string, string>;
  /** Prefix → namespace in scope at this element. */
  ns: Record<string, string>;
}

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  close?(name: XmlName): void;
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
  // Per element only pointers move: names are resolved once per spelling and scope, and one tag
  // object is reused (a sheet has millions of elements; their garbage was most of the reading time).
  const names: XmlName[] = [];
  let scope = ROOT_SCOPE;
  let resolved = new Map<string, XmlName>();
  // Scopes opened by namespace declarations: the depth they were opened at, and what they replaced.
  const scopes: { depth: number; scope: Record<string, string>; resolved: Map<string, XmlName> }[] = [];
  const tag: XmlTag = { local: "", uri: "", attributes: ROOT_SCOPE, ns: ROOT_SCOPE };
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
    if (declared) {
      scopes.push({ depth: names.length, scope, resolved });
      scope = Object.create(scope) as Record<string, string>;
      resolved = new Map();
      for (const { name: key, value } of declared) scope[key.length === 5 ? "" : key.slice(6)] = value;
      declared = undefined;
    }
    const qname = t.name;
    let name = resolved.get(qname);
    if (!name) {
      const colon = qname.indexOf(":");
      const prefix = colon < 0 ? "" : qname.slice(0, colon);
      const uri = scope[prefix];
      if (uri === undefined) throw new XmlError(`unbound prefix ${prefix}`);
      name = { local: colon < 0 ? qname : qname.slice(colon + 1), uri };
      resolved.set(qname, name);
    }
    names.push(name);
    if (on.open) {
      tag.local = name.local;
      tag.uri = name.uri;
      tag.attributes = t.attributes as Record<string, string>;
      tag.ns = scope;
      on.open(tag);
    }
  });
  parser.on("closetag", () => {
    const name = names.pop()!;
    const top = scopes[scopes.length - 1];
    if (top && top.depth === names.length) {
      scopes.pop();
      scope = top.scope;
      resolved = top.resolved;
    }
    on.close?.(name);
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
