import { SaxesParser, SaxesTagNS } from "saxes";

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

export interface XmlHandlers {
  open?(tag: SaxesTagNS): void;
  close?(tag: SaxesTagNS): void;
  /** Character data, CDATA included, with entities and character references resolved. */
  text?(text: string): void;
}

const CHUNK = 1 << 20;

function decoderFor(bytes: Uint8Array): TextDecoder {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be");
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return new TextDecoder("utf-16le");
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

/**
 * Tokenizes one XML part with saxes, namespaces resolved (so `x:c`, `c` and strict-OOXML `c` are the
 * same element to the caller). The bytes are decoded a chunk at a time, so a large part never exists
 * as one string. Any well-formedness error, or a part that ends early, throws XmlError.
 */
export function parseXml(bytes: Uint8Array, on: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let failure: Error | undefined;
  parser.on("error", (e) => {
    failure ??= e;
    throw new XmlError(e.message);
  });
  if (on.open) parser.on("opentag", on.open);
  if (on.close) parser.on("closetag", on.close);
  if (on.text) {
    parser.on("text", on.text);
    parser.on("cdata", on.text);
  }
  const decoder = decoderFor(bytes);
  try {
    for (let i = 0; i < bytes.length; i += CHUNK) parser.write(decoder.decode(bytes.subarray(i, i + CHUNK), { stream: true }));
    const rest = decoder.decode();
    if (rest) parser.write(rest);
    parser.close();
  } catch (e) {
    if (failure || e instanceof XmlError) throw new XmlError((failure ?? (e as Error)).message);
    throw e;
  }
}

/** The value of an attribute without a namespace (`r`, `t`, `s` …). */
export function attrOf(tag: SaxesTagNS, local: string): string | undefined {
  const a = tag.attributes[local];
  return a && a.prefix === "" ? a.value : undefined;
}

/** The value of an attribute in one of the given namespaces (`r:id`, whatever its prefix). */
export function attrNs(tag: SaxesTagNS, uris: ReadonlySet<string>, local: string): string | undefined {
  for (const key in tag.attributes) {
    const a = tag.attributes[key];
    if (a.local === local && uris.has(a.uri)) return a.value;
  }
  return undefined;
}
