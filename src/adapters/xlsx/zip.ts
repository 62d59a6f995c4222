import { Inflate, inflateSync } from "fflate";
import { FileLimitError, LIMITS, Limits, fileTooLarge, partTooLarge } from "../limits";

/**
 * Raw DEFLATE decompression; Node passes its native zlib, browsers use fflate. Given `maxOutput`, an
 * implementation stops as soon as the output would exceed it and throws InflateLimitError (an
 * implementation that ignores it is still bounded afterwards, but only after the work is done).
 * `size` is the unpacked size the archive declares: a hint to allocate the output once, never trusted.
 */
export type InflateRaw = (data: Uint8Array, maxOutput?: number, size?: number) => Uint8Array;

export class ZipError extends Error {}

/** One part stored twice in the archive: a damaged or tampered file. */
export class DuplicateEntryError extends ZipError {
  constructor(readonly entryName: string) {
    super(`duplicate entry ${entryName}`);
  }
}

/** Thrown by an InflateRaw whose output would exceed its `maxOutput`. */
export class InflateLimitError extends Error {}

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

const INPUT_CHUNK = 64 * 1024;

/** DEFLATE's largest expansion: a 258-byte match costs at least about two bits. */
const MAX_DEFLATE_RATIO = 1032;

/**
 * fflate's inflate into one buffer of the declared size where even the largest expansion of these
 * bytes stays within `maxOutput` (so a false size costs no more than the budget, and is detected by the
 * spare byte); otherwise streamed and stopped at `maxOutput`: a 2 GB bomb costs `maxOutput` bytes, not 2 GB.
 */
export const fflateInflateRaw: InflateRaw = (data, maxOutput = Infinity, size) => {
  if (size !== undefined && data.length > 0 && data.length * MAX_DEFLATE_RATIO <= maxOutput) {
    const out = inflateSync(data, { out: new Uint8Array(size + 1) });
    if (out.length <= size) return out;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxOutput) throw new InflateLimitError();
    chunks.push(chunk);
  });
  for (let i = 0; i < data.length; i += INPUT_CHUNK) inflate.push(data.subarray(i, i + INPUT_CHUNK), i + INPUT_CHUNK >= data.length);
  if (data.length === 0) inflate.push(data, true);
  return concat(chunks, total);
};

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  local: number;
}

/** Part names are case-insensitive in a package, and some writers use "\" or a leading "/". */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

/**
 * A zip archive read from its central directory, handing out entries one at a time under the limit
 * policy: each part and the whole file have a decompressed-bytes budget, enforced while inflating.
 */
export class ZipReader {
  private readonly entries = new Map<string, Entry>();
  /** Names stored twice: which copy a program uses differs (Python's zipfile takes the last), so neither is read. */
  private readonly duplicates = new Set<string>();
  private used = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly inflateRaw: InflateRaw = fflateInflateRaw,
    private readonly limits: Limits = LIMITS,
  ) {
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
      if (u32(bytes, i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError("no end of central directory");
    const count = u16(bytes, eocd + 10);
    let p = u32(bytes, eocd + 16);
    const decoder = new TextDecoder();
    for (let n = 0; n < count; n++) {
      if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ZipError("bad central directory");
      const nameLen = u16(bytes, p + 28);
      const entry: Entry = {
        name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
        flags: u16(bytes, p + 8),
        method: u16(bytes, p + 10),
        compressedSize: u32(bytes, p + 20),
        size: u32(bytes, p + 24),
        local: u32(bytes, p + 42),
      };
      p += 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
      const key = partKey(entry.name);
      if (this.entries.has(key)) this.duplicates.add(key);
      else this.entries.set(key, entry);
    }
  }

  /** Entry names as stored. */
  names(): string[] {
    return Array.from(this.entries.values(), (e) => e.name);
  }

  has(name: string): boolean {
    return this.entries.has(partKey(name));
  }

  /**
   * The decompressed bytes of one entry, or undefined if there is none. `label` names the part in a
   * limit message (e.g. `trang “Sheet1”`).
   */
  read(name: string, label = `phần “${name}”`): Uint8Array | undefined {
    const stored = this.stored(name);
    if (!stored) return undefined;
    return this.inflate(stored.entry, stored.data, label);
  }

  /**
   * `parse` of an entry's decompressed bytes, or what it gave before for the same compressed bytes, in
   * this file or an earlier one: the parts a producer writes alike in every workbook (content types,
   * relationships, styles) are then inflated and parsed once for a whole merge. The value is shared:
   * callers only read it. Undefined if there is no such entry.
   */
  readParsed<T>(name: string, parts: ParsedParts<T>, parse: (bytes: Uint8Array) => T, label = `phần “${name}”`): T | undefined {
    const stored = this.stored(name);
    if (!stored) return undefined;
    const { entry, data } = stored;
    const known = parts.find(entry.method, data);
    if (known) {
      // Counted as if inflated again: the limits do not depend on what was read before.
      this.count(known.size, label);
      return known.value;
    }
    const bytes = this.inflate(entry, data, label);
    const value = parse(bytes);
    parts.keep(entry.method, data, bytes.length, value);
    return value;
  }

  /** An entry and its compressed bytes, checked; undefined if there is no such entry. */
  private stored(name: string): { entry: Entry; data: Uint8Array } | undefined {
    const e = this.entries.get(partKey(name));
    if (!e) return undefined;
    if (this.duplicates.has(partKey(name))) throw new DuplicateEntryError(e.name);
    const { bytes } = this;
    if (e.compressedSize === 0xffffffff || e.local === 0xffffffff) throw new ZipError("zip64 is not supported");
    if (e.flags & 1) throw new ZipError("encrypted entry");
    if (e.local + 30 > bytes.length || u32(bytes, e.local) !== 0x04034b50) throw new ZipError("bad local header");
    const start = e.local + 30 + u16(bytes, e.local + 26) + u16(bytes, e.local + 28);
    if (start + e.compressedSize > bytes.length) throw new ZipError("truncated entry");
    return { entry: e, data: bytes.subarray(start, start + e.compressedSize) };
  }

  /** The budget left for one more part, and the error for a part past it. */
  private budget(label: string): { max: number; refuse: () => FileLimitError } {
    const { limits } = this;
    const max = Math.min(limits.partBytes, limits.fileBytes - this.used);
    return { max, refuse: () => (max === limits.partBytes ? partTooLarge(label, limits.partBytes) : fileTooLarge(limits.fileBytes)) };
  }

  private count(size: number, label: string): void {
    const { max, refuse } = this.budget(label);
    if (size > max) throw refuse();
    this.used += size;
  }

  private inflate(e: Entry, data: Uint8Array, label: string): Uint8Array {
    const { max, refuse } = this.budget(label);
    // The declared size is checked first: an honest large entry is refused without inflating it.
    if (e.size > max) throw refuse();
    let out: Uint8Array;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      try {
        out = this.inflateRaw(data, max, e.size);
      } catch (err) {
        if (err instanceof InflateLimitError) throw refuse();
        throw new ZipError(`inflate: ${err instanceof Error ? err.message : String(err)}`);
      }
    } else throw new ZipError(`compression method ${e.method}`);
    if (out.length > max) throw refuse();
    this.used += out.length;
    return out;
  }
}

const PARSED_PARTS = 16;
const PARSED_PART_BYTES = 64 * 1024;

/**
 * Values parsed from parts, by the parts' compressed bytes (compared in full, so a part is never taken
 * for another). Bounded: small parts only, and a stream of distinct ones starts it afresh.
 */
export class ParsedParts<T> {
  private byKey = new Map<string, { data: Uint8Array; size: number; value: T }>();

  find(method: number, data: Uint8Array): { size: number; value: T } | undefined {
    const known = this.byKey.get(`${method}:${data.length}`);
    return known && sameBytes(known.data, data) ? known : undefined;
  }

  keep(method: number, data: Uint8Array, size: number, value: T): void {
    if (data.length > PARSED_PART_BYTES) return;
    if (this.byKey.size >= PARSED_PARTS) this.byKey = new Map();
    // A copy: the received file's bytes are not kept beyond reading it.
    this.byKey.set(`${method}:${data.length}`, { data: data.slice(), size, value });
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Reads only the wanted entries of a zip archive, from its central directory, within the limit policy
 * (FileLimitError past it). A truncated download has no end-of-directory record: a ZipError.
 */
export function unzipEntries(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  inflateRaw: InflateRaw = fflateInflateRaw,
  options: { limits?: Limits } = {},
): Record<string, Uint8Array> {
  const zip = new ZipReader(bytes, inflateRaw, options.limits);
  const out: Record<string, Uint8Array> = {};
  for (const name of zip.names()) {
    if (!wanted(name)) continue;
    const data = zip.read(name);
    if (data) out[name] = data;
  }
  return out;
}
