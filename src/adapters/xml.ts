/** XML escaping for what we write, and a conformant streaming tokenizer for what we read. */
import { LIMITS, formatCount, tooLarge } from "./limits";

export function esc(s: string): string {
  // Most text needs nothing: two scans by the regular expression engine instead of five passes.
  if (!MARKUP_CHAR.test(s) && !FORBIDDEN_CHAR.test(s)) return s;
  return dropForbidden(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const MARKUP_CHAR = /[&<>"]/;

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

/** An element's name with its namespace resolved. */
export interface XmlName {
  local: string;
  uri: string;
}

/**
 * An element as it opens. Attributes are by qualified name, as written: `attrNames[i]` has the value
 * `value(i)`, for i < `attrCount`. The object is reused for the next element: a handler reads it during
 * the call and keeps only what it copies out.
 */
export interface XmlTag extends XmlName {
  /** The qualified name as written (`w:p`). */
  readonly name: string;
  readonly attrNames: readonly string[];
  readonly attrCount: number;
  /** The value of attribute i, with references resolved and white space normalized. */
  value(i: number): string;
  /** Prefix → namespace in scope at this element. */
  readonly ns: Record<string, string>;
}

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  close?(name: XmlName): void;
  /** Character data, CDATA included, with entities and character references resolved; may come in pieces. */
  text?(text: string): void;
}

const CHUNK = 1 << 16;
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
 * Tokenizes one XML part (XML 1.0 and Namespaces in XML) and resolves namespaces, so `x:c`, `c` and
 * strict-OOXML `c` are the same element to the caller. The bytes are decoded 64 KB at a time, so a large
 * part never exists as one string (and each piece stays small enough for the young generation to free). Any well-formedness error, an unbound prefix, or a part that
 * ends early throws XmlError. (`chunkBytes` is smaller only in tests of chunk boundaries.)
 *
 * Written for the reading path rather than taken from a general XML library: names are checked and
 * kept once per spelling, attribute values are sliced only when a handler asks, and nothing else is
 * allocated per element. test/adapters/xmlTokenizer.test.ts holds it to a conformant parser's events and verdicts on
 * generated documents, well-formed and damaged, in every chunking.
 */
export function parseXml(bytes: Uint8Array, on: XmlHandlers, chunkBytes = CHUNK, meter?: WorkMeter): void {
  const decoder = decoderFor(bytes);
  const tokenizer = new Tokenizer(on, meter ?? { steps: 0 });
  if (bytes.length <= chunkBytes) {
    tokenizer.feed(decoder.decode(bytes), true);
    return;
  }
  for (let i = 0; i < bytes.length; i += chunkBytes) tokenizer.feed(decoder.decode(bytes.subarray(i, i + chunkBytes), { stream: true }), false);
  tokenizer.feed(decoder.decode(), true);
}

/**
 * The work a read does, counted in characters examined and names compared: what the tests of hostile
 * shapes hold to grow in step with the bytes read. Made per read and passed down.
 */
export interface WorkMeter {
  steps: number;
}

/**
 * A string a handler keeps, as a copy of its own: text is handed out as slices of a decoded piece of
 * the part, and a kept slice would keep the whole piece alive (a merge kept every file's shared strings).
 */
export function ownCopy(s: string): string {
  return s.length === 0 ? s : (" " + s).slice(1);
}

/** The value of an attribute without a namespace (`r`, `t`, `s` …). */
export function attrOf(tag: XmlTag, local: string): string | undefined {
  for (let i = 0; i < tag.attrCount; i++) if (tag.attrNames[i] === local) return tag.value(i);
  return undefined;
}

/**
 * The value of an attribute in a namespace, or in one of a set of them (`r:id`, `w:val`,
 * `table:number-columns-repeated`, whatever its prefix); the first such attribute as written.
 */
export function attrNs(tag: XmlTag, uris: ReadonlySet<string> | string, local: string): string | undefined {
  for (let i = 0; i < tag.attrCount; i++) {
    const key = tag.attrNames[i];
    // The local name first, without slicing: most attributes of an element are not the one asked for.
    const colon = key.length - local.length - 1;
    if (colon < 0 || key.charCodeAt(colon) !== 58 || !key.endsWith(local) || key.indexOf(":") !== colon) continue;
    const uri = tag.ns[key.slice(0, colon)];
    if (uri !== undefined && (typeof uris === "string" ? uri === uris : uris.has(uri))) return tag.value(i);
  }
  return undefined;
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/**
 * The constraints of Namespaces in XML that parseXml leaves out (the workbook reader reads without them),
 * checked on an element as it opens: at most one colon in a name, bound attribute prefixes, no
 * attribute twice under one namespace, the reserved prefixes and namespaces kept to their own, no
 * prefix undeclared. Word and LibreOffice refuse such a part; the readers of their files call this
 * first in `open` and refuse it too, as they did before (test/adapters/xmlNamespaces.test.ts).
 */
export function checkNamespaces(tag: XmlTag): void {
  // An element's prefix is bound (parseXml checks), and to a namespace: `xmlns:p=""` is refused below.
  colonOf(tag.name);
  // Few attributes are compared pairwise; more, through a set (never quadratic in the attributes).
  const seen = tag.attrCount > FEW_ATTRIBUTES ? new Set<string>() : undefined;
  for (let i = 0; i < tag.attrCount; i++) {
    const key = tag.attrNames[i];
    const colon = colonOf(key);
    if (colon < 0) {
      if (key === "xmlns") checkBinding("", tag.value(i).trim());
      continue;
    }
    const prefix = key.slice(0, colon);
    if (prefix === "xmlns") {
      const uri = tag.value(i).trim();
      if (uri === "") throw new XmlError(`prefix ${key.slice(6)} undeclared`);
      checkBinding(key.slice(6), uri);
      continue;
    }
    const uri = tag.ns[prefix];
    if (uri === undefined) throw new XmlError(`unbound prefix ${prefix}`);
    if (seen) {
      const expanded = `${uri} ${key.slice(colon + 1)}`;
      if (seen.has(expanded)) throw new XmlError(`duplicate attribute ${key}`);
      seen.add(expanded);
      continue;
    }
    for (let k = 0; k < i; k++) {
      const other = tag.attrNames[k];
      const c = other.indexOf(":");
      if (c < 0 || other.length - c !== key.length - colon || !other.endsWith(key.slice(colon))) continue;
      if (tag.ns[other.slice(0, c)] === uri) throw new XmlError(`duplicate attribute ${key}`);
    }
  }
}

/** Up to this many attributes, an element's are compared pairwise (cheaper than a set). */
const FEW_ATTRIBUTES = 8;

/** Where a qualified name's colon is (-1 without one); a name with an empty part or two colons is refused. */
function colonOf(qname: string): number {
  const colon = qname.indexOf(":");
  if (colon >= 0 && (colon === 0 || colon === qname.length - 1 || qname.indexOf(":", colon + 1) >= 0)) throw new XmlError(`malformed name ${qname}`);
  return colon;
}

/** `xml` is bound to its namespace only, and `xmlns`'s namespace to no prefix at all. */
function checkBinding(prefix: string, uri: string): void {
  if (prefix === "xml" ? uri !== XML_NS : prefix === "xmlns" || uri === XML_NS || uri === XMLNS_NS) throw new XmlError(`reserved namespace or prefix ${prefix}`);
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const DQUOTE = 34;
const SQUOTE = 39;
const AMP = 38;
const CR = 13;
const RBRACKET = 93;
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

/**
 * Characters XML 1.0 does not allow anywhere (decoded text never holds a lone surrogate). They are looked
 * for where nothing else would refuse them: in text, attribute values, comments, processing instructions
 * and the document type; in names and between attributes the tokenizer refuses any character out of place,
 * so whole pieces of a part are never searched for them.
 */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what is looked for
const FORBIDDEN_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
/** Text needing more than to be passed on: a reference or line end to resolve, "]]>", or a forbidden character (one search for most text). */
const TEXT_SPECIAL = new RegExp(`[&\\r]|\\]\\]>|${FORBIDDEN_CHAR.source}`);

function checkChars(s: string): void {
  if (FORBIDDEN_CHAR.test(s)) throw new XmlError("disallowed character");
}
const NAME_START = ":A-Z_a-z\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}";
/** XML 1.0 (fifth edition) Name. */
// eslint-disable-next-line no-misleading-character-class -- the joiners U+200C and U+200D are name characters on their own
const NAME = new RegExp(`^[${NAME_START}][${NAME_START}\\-.0-9\\xB7\\u0300-\\u036F\\u203F\\u2040]*$`, "u");
const XML_DECLARATION = /^\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };
/** The longest entity reference waited for across chunks ("&#x0000…;" beyond this is not XML a producer writes). */
const MAX_REFERENCE = 64;

function isXmlChar(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/**
 * Text or an attribute value as the XML parser hands it on: line ends normalized, references resolved
 * and, in an attribute, each white-space character turned into a space (XML 1.0, 2.11 and 3.3.3).
 */
function unescape(raw: string, attribute: boolean): string {
  if (raw.indexOf("&") < 0 && raw.indexOf("\r") < 0 && (!attribute || (raw.indexOf("\n") < 0 && raw.indexOf("\t") < 0))) return raw;
  let out = "";
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === AMP) {
      const semi = raw.indexOf(";", i + 1);
      if (semi < 0) throw new XmlError("unterminated reference");
      out += raw.slice(start, i) + reference(raw.slice(i + 1, semi));
      i = semi;
      start = semi + 1;
    } else if (c === CR) {
      out += raw.slice(start, i) + (attribute ? " " : "\n");
      if (raw.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    } else if (attribute && (c === 10 || c === 9)) {
      out += `${raw.slice(start, i)} `;
      start = i + 1;
    }
  }
  return out + raw.slice(start);
}

function reference(name: string): string {
  const known = PREDEFINED[name];
  if (known !== undefined) return known;
  let code = NaN;
  if (/^#[0-9]+$/.test(name)) code = parseInt(name.slice(1), 10);
  else if (/^#x[0-9A-Fa-f]+$/.test(name)) code = parseInt(name.slice(2), 16);
  if (!isXmlChar(code)) throw new XmlError(`undefined or malformed reference &${name};`);
  return String.fromCodePoint(code);
}

interface Scope {
  /** The element depth the declarations were made at. */
  depth: number;
  scope: Record<string, string>;
  id: number;
}

/** What ends a piece of markup, by how it begins: waited for without scanning the markup again. */
const MARKUP_ENDS: [string, string][] = [
  ["<!--", "--"],
  ["<![CDATA[", "]]>"],
  ["<?", "?>"],
  ["</", ">"],
  ["<!", ">"],
];

class Tokenizer {
  /** Input of the previous chunk that does not yet form a whole token. */
  private pending = "";
  /** Nothing consumed yet: only here may the XML declaration stand. */
  private atStart = true;
  private rootSeen = false;
  /** Where the search for the end of an unfinished comment or CDATA section goes on, from its start. */
  private resumeAt = 0;
  private readonly qnames: string[] = [];
  private readonly names: XmlName[] = [];
  private scope = ROOT_SCOPE;
  private scopeId = 0;
  /** Scopes are numbered in the part (0 is the root scope): a name resolved in one stays resolved. */
  private lastScopeId = 0;
  private readonly scopes: Scope[] = [];
  private readonly spellings = new Spellings();
  private readonly tag = new OpenTag();
  /** The names of the element being opened, once it has more than a few attributes. */
  private readonly attributeSet = new Set<string>();
  /**
   * Markup begun in an earlier chunk (a tag with a long value, a long comment) waits here, piece by piece,
   * until a chunk brings what can end it: scanned once when whole, not again with every chunk.
   */
  private held: string[] = [];
  private heldChars = 0;
  /** What ends the held markup; "" for a start tag, whose ">" counts only outside quotes. */
  private heldEnd = "";
  /** The quote a held start tag is inside (0 outside), or the last characters of held other markup. */
  private heldQuote = 0;
  private heldTail = "";

  constructor(
    private readonly on: XmlHandlers,
    private readonly meter: WorkMeter,
  ) {}

  feed(chunk: string, final: boolean): void {
    let s: string;
    if (this.held.length > 0) {
      this.held.push(chunk);
      this.heldChars += chunk.length;
      if (this.heldChars > LIMITS.markupChars) throw markupTooLong();
      if (!final && !this.mayEnd(chunk)) return;
      s = this.held.join("");
      this.held = [];
      this.heldChars = 0;
    } else s = this.pending ? this.pending + chunk : chunk;
    this.meter.steps += s.length;
    const done = this.scan(s, final);
    this.pending = done < s.length ? s.slice(done) : "";
    if (!final) {
      if (this.pending.length > LIMITS.markupChars) throw markupTooLong();
      this.hold();
      return;
    }
    if (this.pending) throw new XmlError("unexpected end");
    if (this.names.length > 0) throw new XmlError("unclosed element");
    if (!this.rootSeen) throw new XmlError("no root element");
  }

  /** Unfinished markup left pending is held from now on (text left pending is a few characters). */
  private hold(): void {
    const p = this.pending;
    if (p.length < 9 || p.charCodeAt(0) !== LT) return;
    const end = MARKUP_ENDS.find(([start]) => p.startsWith(start));
    this.heldEnd = end ? end[1] : "";
    this.heldQuote = 0;
    this.heldTail = "";
    // Already holding what may end it ("--" at the very end of a comment): the next chunk decides.
    if (this.mayEnd(p.slice(end ? end[0].length : 1))) return;
    this.held = [p];
    this.heldChars = p.length;
  }

  /** Whether `chunk` may end the held markup; it updates what is known of the markup so far. */
  private mayEnd(chunk: string): boolean {
    if (this.heldEnd) {
      const t = this.heldTail + chunk;
      // The characters that may begin the end across the next piece ("" when the end is one character).
      this.heldTail = this.heldEnd.length > 1 ? t.slice(1 - this.heldEnd.length) : "";
      const at = t.indexOf(this.heldEnd);
      this.meter.steps += at < 0 ? t.length : at;
      return at >= 0;
    }
    let quote = this.heldQuote;
    let i = 0;
    for (; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === DQUOTE || c === SQUOTE) quote = c;
      else if (c === GT) break;
    }
    this.meter.steps += i;
    this.heldQuote = quote;
    return i < chunk.length;
  }

  /** Consumes whole tokens of `s`; returns where the first incomplete one starts. */
  private scan(s: string, final: boolean): number {
    const n = s.length;
    let i = 0;
    while (i < n) {
      // Most tokens follow one another without text between them: no search for those.
      const lt = s.charCodeAt(i) === LT ? i : s.indexOf("<", i);
      if (lt !== i) {
        let end = lt < 0 ? n : lt;
        if (lt < 0 && !final) end = this.safeTextEnd(s, i);
        if (end > i) {
          this.text(s.slice(i, end));
          this.atStart = false;
        }
        if (lt < 0) return end;
        i = lt;
      }
      const next = this.markup(s, i, final);
      if (next < 0) {
        if (final) throw new XmlError("unexpected end");
        return i;
      }
      this.atStart = false;
      i = next;
    }
    return i;
  }

  /** Text at the end of a chunk is passed on only up to where the next chunk cannot change it. */
  private safeTextEnd(s: string, from: number): number {
    let end = s.length;
    const amp = s.lastIndexOf("&");
    if (amp >= from && s.indexOf(";", amp) < 0) {
      if (end - amp > MAX_REFERENCE) throw new XmlError("unterminated reference");
      end = amp;
    }
    // "\r" may begin "\r\n", and "]]" may begin a forbidden "]]>".
    for (let k = 0; k < 2 && end > from; k++) {
      const c = s.charCodeAt(end - 1);
      if (c !== CR && c !== RBRACKET) break;
      end--;
    }
    return end;
  }

  private text(raw: string): void {
    if (this.names.length === 0) {
      for (let i = 0; i < raw.length; i++) if (!isSpace(raw.charCodeAt(i))) throw new XmlError("text outside the root element");
      return;
    }
    if (!TEXT_SPECIAL.test(raw)) {
      this.on.text?.(raw);
      return;
    }
    if (raw.indexOf("]]>") >= 0) throw new XmlError("]]> in text");
    checkChars(raw);
    if (this.on.text) this.on.text(unescape(raw, false));
  }

  /** The markup at `s[i] === "<"`: returns the index after it, or -1 if `s` ends inside it. */
  private markup(s: string, i: number, final: boolean): number {
    const c = s.charCodeAt(i + 1);
    if (c === SLASH) return this.endTag(s, i);
    if (c === BANG) return this.declaration(s, i, final);
    if (c === QUESTION) return this.instruction(s, i);
    if (i + 1 >= s.length) return -1;
    return this.startTag(s, i);
  }

  private endTag(s: string, i: number): number {
    const top = this.qnames.length > 0 ? this.qnames[this.qnames.length - 1] : undefined;
    // The usual end tag, `</name>` right after the name it closes: no search for its ">".
    let gt = -1;
    if (top !== undefined && s.charCodeAt(i + 2 + top.length) === GT && sameAt(top, s, i + 2)) gt = i + 2 + top.length;
    if (gt < 0) {
      gt = s.indexOf(">", i + 2);
      if (gt < 0) return -1;
      let end = gt;
      while (end > i + 2 && isSpace(s.charCodeAt(end - 1))) end--;
      if (top === undefined || top.length !== end - i - 2 || !sameAt(top, s, i + 2)) throw new XmlError(`unexpected closing tag ${s.slice(i + 2, end)}`);
    }
    this.qnames.pop();
    this.closeElement();
    return gt + 1;
  }

  private closeElement(): void {
    const name = this.names.pop()!;
    const top = this.scopes[this.scopes.length - 1];
    if (top && top.depth === this.names.length) {
      this.scopes.pop();
      this.scope = top.scope;
      this.scopeId = top.id;
    }
    this.on.close?.(name);
  }

  /** Comments, CDATA sections and the document type declaration. */
  private declaration(s: string, i: number, final: boolean): number {
    const rest = s.length - i;
    const startsWith = (word: string): boolean | undefined => {
      if (rest >= word.length) return s.startsWith(word, i);
      // Too short to tell: wait for more unless this is the end, or it already differs.
      return !final && word.startsWith(s.slice(i)) ? undefined : false;
    };
    const comment = startsWith("<!--");
    if (comment === undefined) return -1;
    if (comment) {
      const dashes = s.indexOf("--", this.searchFrom(s, i, 4));
      if (dashes < 0 || dashes + 2 >= s.length) return this.unfinished(s, i);
      this.resumeAt = 0;
      if (s.charCodeAt(dashes + 2) !== GT) throw new XmlError("-- in a comment");
      checkChars(s.slice(i + 4, dashes));
      return dashes + 3;
    }
    const cdata = startsWith("<![CDATA[");
    if (cdata === undefined) return -1;
    if (cdata) {
      if (this.names.length === 0) throw new XmlError("CDATA outside the root element");
      const end = s.indexOf("]]>", this.searchFrom(s, i, 9));
      if (end < 0) return this.unfinished(s, i);
      this.resumeAt = 0;
      const text = s.slice(i + 9, end);
      checkChars(text);
      if (this.on.text && end > i + 9) this.on.text(unescapeLineEnds(text));
      return end + 3;
    }
    const doctype = startsWith("<!DOCTYPE");
    if (doctype === undefined) return -1;
    if (doctype) {
      if (this.rootSeen) throw new XmlError("DOCTYPE after the root element");
      const end = doctypeEnd(s, i + 9);
      if (end >= 0) checkChars(s.slice(i + 9, end));
      return end;
    }
    throw new XmlError("unknown declaration");
  }

  /** A long comment or CDATA section split over chunks is searched once, not again with every chunk. */
  private searchFrom(s: string, i: number, skip: number): number {
    return i + Math.max(skip, i === 0 ? this.resumeAt : 0);
  }

  private unfinished(s: string, i: number): number {
    this.resumeAt = Math.max(0, s.length - i - 3);
    return -1;
  }

  private instruction(s: string, i: number): number {
    const end = s.indexOf("?>", i + 2);
    if (end < 0) return -1;
    let t = i + 2;
    while (t < end && !isSpace(s.charCodeAt(t))) t++;
    const target = s.slice(i + 2, t);
    if (!NAME.test(target)) throw new XmlError("malformed processing instruction");
    if (target.toLowerCase() === "xml" && (target !== "xml" || !this.atStart || !XML_DECLARATION.test(s.slice(t, end))))
      throw new XmlError("misplaced or malformed XML declaration");
    checkChars(s.slice(t, end));
    return end + 2;
  }

  private startTag(s: string, i: number): number {
    const n = s.length;
    let j = i + 1;
    let hash = 0;
    // Name characters mostly come after ">" in the code table: one comparison each.
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c <= GT && (c === GT || c === SLASH || isSpace(c))) break;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    if (j >= n) return -1;
    const qname = this.spellings.of(s, i + 1, j, hash);
    const slot = this.spellings.found;
    const tag = this.tag;
    const { names, starts, ends, decoded } = tag;
    let count = 0;
    let declares = false;
    let selfClosing = false;
    for (;;) {
      const before = j;
      // Each character is read once: past the end, charCodeAt gives NaN, which is no space.
      let c = s.charCodeAt(j);
      while (isSpace(c)) c = s.charCodeAt(++j);
      if (j >= n) return -1;
      if (c === GT) {
        j++;
        break;
      }
      if (c === SLASH) {
        if (j + 1 >= n) return -1;
        if (s.charCodeAt(j + 1) !== GT) throw new XmlError("/ inside a tag");
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === before) throw new XmlError("no white space between attributes");
      const nameStart = j;
      hash = 0;
      // `d` ends as the character after the name, read once.
      let d = c;
      while (!(d <= GT && (d === EQUALS || isSpace(d) || d === GT || d === SLASH || d === LT || d === DQUOTE || d === SQUOTE))) {
        hash = (Math.imul(hash, 31) + d) | 0;
        if (++j >= n) return -1;
        d = s.charCodeAt(j);
      }
      const nameEnd = j;
      let equals = d;
      while (isSpace(equals)) equals = s.charCodeAt(++j);
      if (j >= n) return -1;
      if (equals !== EQUALS) throw new XmlError("attribute without a value");
      let quote = s.charCodeAt(++j);
      while (isSpace(quote)) quote = s.charCodeAt(++j);
      if (j >= n) return -1;
      if (quote !== DQUOTE && quote !== SQUOTE) throw new XmlError("unquoted attribute value");
      let close = j + 1;
      let plain = true;
      for (; close < n; close++) {
        const d = s.charCodeAt(close);
        // Letters and digits, one test; what ends, escapes or is refused in a value is all below "(".
        if (d > SQUOTE && d !== LT && d < 0xfffe) continue;
        if (d === quote) break;
        if (d === LT) throw new XmlError("< in an attribute value");
        if (d === AMP || d === CR || d === 10 || d === 9) plain = false;
        else if (d < 32 || d >= 0xfffe) throw new XmlError("disallowed character");
      }
      if (close >= n) return -1;
      const name = this.spellings.of(s, nameStart, nameEnd, hash);
      if (count >= LIMITS.attributes) throw tooLarge(`một thẻ XML có hơn ${formatCount(LIMITS.attributes)} thuộc tính`, `${formatCount(LIMITS.attributes)} thuộc tính cho một thẻ`);
      this.checkUnique(name, count);
      names[count] = name;
      starts[count] = j + 1;
      ends[count] = close;
      // Values are sliced only when asked for (a row's spans or a cell's style go unread).
      decoded[count] = plain ? undefined : unescape(s.slice(j + 1, close), true);
      count++;
      if (name.charCodeAt(0) === 120 && isDeclaration(name)) declares = true;
      j = close + 1;
    }
    if (this.names.length === 0) this.openRoot();
    tag.source = s;
    tag.attrCount = count;
    if (declares) this.declare();
    const name = this.spellings.resolvedIn(slot, this.scopeId) ?? this.resolve(qname, slot);
    this.names.push(name);
    this.qnames.push(qname);
    if (this.on.open) {
      tag.name = qname;
      tag.local = name.local;
      tag.uri = name.uri;
      tag.ns = this.scope;
      this.on.open(tag);
    }
    if (selfClosing) {
      this.qnames.pop();
      this.closeElement();
    }
    return j;
  }

  /** An attribute named once per element: a few are compared pairwise, more through a set. */
  private checkUnique(name: string, count: number): void {
    const { names } = this.tag;
    if (count < FEW_ATTRIBUTES) {
      this.meter.steps += count;
      for (let k = 0; k < count; k++) if (names[k] === name) throw new XmlError(`duplicate attribute ${name}`);
      return;
    }
    const set = this.attributeSet;
    if (count === FEW_ATTRIBUTES) {
      set.clear();
      for (let k = 0; k < count; k++) set.add(names[k]);
    }
    this.meter.steps++;
    if (set.has(name)) throw new XmlError(`duplicate attribute ${name}`);
    set.add(name);
  }

  private openRoot(): void {
    if (this.rootSeen) throw new XmlError("a second root element");
    this.rootSeen = true;
  }

  /** The element declares namespaces: a new scope, closed with the element. */
  private declare(): void {
    const tag = this.tag;
    this.scopes.push({ depth: this.names.length, scope: this.scope, id: this.scopeId });
    this.scope = Object.create(this.scope) as Record<string, string>;
    this.scopeId = ++this.lastScopeId;
    for (let k = 0; k < tag.attrCount; k++) {
      const key = tag.attrNames[k];
      // A copy: the value is a slice, which would keep its whole piece of the part alive.
      if (isDeclaration(key)) this.scope[key.length === 5 ? "" : key.slice(6)] = ownCopy(tag.value(k));
    }
  }

  /** A qualified name not yet resolved in this scope: its namespace, kept in the name's slot of the spellings. */
  private resolve(qname: string, slot: number): XmlName {
    const colon = qname.indexOf(":");
    const prefix = colon < 0 ? "" : qname.slice(0, colon);
    const uri = this.scope[prefix];
    if (uri === undefined) throw new XmlError(`unbound prefix ${prefix}`);
    const name = { local: colon < 0 ? qname : ownCopy(qname.slice(colon + 1)), uri };
    this.spellings.keepResolved(slot, this.scopeId, name);
    return name;
  }
}

function markupTooLong(): Error {
  return tooLarge(`một thẻ XML dài hơn ${formatCount(LIMITS.markupChars)} ký tự`, `${formatCount(LIMITS.markupChars)} ký tự cho một thẻ`);
}

const isDeclaration = (name: string): boolean => name.startsWith("xmlns") && (name.length === 5 || name.charCodeAt(5) === 58);

/** Whether `s` holds `word` at `at`. */
function sameAt(word: string, s: string, at: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== s.charCodeAt(at + k)) return false;
  return true;
}

/** The element being opened, reused: its values stay in the input until a handler asks for one. */
class OpenTag implements XmlTag {
  name = "";
  local = "";
  uri = "";
  ns = ROOT_SCOPE;
  attrCount = 0;
  source = "";
  readonly names: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly decoded: (string | undefined)[] = [];

  get attrNames(): readonly string[] {
    return this.names;
  }

  value(i: number): string {
    return this.decoded[i] ?? this.source.slice(this.starts[i], this.ends[i]);
  }
}

const SPELLING_SLOTS = 512;
const SPELLINGS_KEPT = 384;

/**
 * The element and attribute names met so far in a part, each checked once and kept as one string: a
 * sheet repeats a dozen names millions of times, and a name met again then costs a comparison, not a
 * new string. Once full (a part with endless distinct names), names are checked one by one.
 */
class Spellings {
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(SPELLING_SLOTS);
  /** The slot of the name `of` returned last, or -1 if that name is not kept. */
  found = -1;
  /** A kept element name's resolution, and the scope it holds in: no Map lookup per element. */
  private readonly resolvedScope = new Int32Array(SPELLING_SLOTS).fill(-1);
  private readonly resolvedName: (XmlName | undefined)[] = new Array<XmlName | undefined>(SPELLING_SLOTS);
  private kept = 0;

  of(s: string, start: number, end: number, hash: number): string {
    const length = end - start;
    let slot = hash & (SPELLING_SLOTS - 1);
    for (;;) {
      const known = this.slots[slot];
      if (known === undefined) return this.add(s, start, end, slot);
      if (known.length === length && sameAt(known, s, start)) {
        this.found = slot;
        return known;
      }
      slot = (slot + 1) & (SPELLING_SLOTS - 1);
    }
  }

  /** A spelling not met before: checked, and kept in its free slot (apart, so that `of` stays small enough to inline). */
  private add(s: string, start: number, end: number, slot: number): string {
    const name = s.slice(start, end);
    if (!NAME.test(name)) throw new XmlError(`malformed name ${name}`);
    // Once full, names are checked one by one and never kept.
    if (this.kept >= SPELLINGS_KEPT) {
      this.found = -1;
      return name;
    }
    this.kept++;
    this.found = slot;
    return (this.slots[slot] = ownCopy(name));
  }

  resolvedIn(slot: number, scopeId: number): XmlName | undefined {
    return slot >= 0 && this.resolvedScope[slot] === scopeId ? this.resolvedName[slot] : undefined;
  }

  keepResolved(slot: number, scopeId: number, name: XmlName): void {
    if (slot < 0) return;
    this.resolvedScope[slot] = scopeId;
    this.resolvedName[slot] = name;
  }
}

function unescapeLineEnds(raw: string): string {
  return raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n");
}

/** The end of `<!DOCTYPE …>` (an internal subset in brackets, quoted literals), or -1 if not in `s`. */
function doctypeEnd(s: string, from: number): number {
  let inSubset = false;
  for (let j = from; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === DQUOTE || c === SQUOTE) {
      const close = s.indexOf(c === DQUOTE ? '"' : "'", j + 1);
      if (close < 0) return -1;
      j = close;
    } else if (c === 91) inSubset = true;
    else if (c === RBRACKET) inSubset = false;
    else if (c === GT && !inSubset) return j + 1;
  }
  return -1;
}
