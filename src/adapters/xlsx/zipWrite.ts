import { Deflate } from "fflate";

/** One raw DEFLATE stream fed a piece at a time; a piece may be reused as soon as `push` returns. */
export interface DeflateStream {
  push(piece: Uint8Array): void;
  /** Ends the stream: its compressed bytes, in pieces. */
  end(): Uint8Array[];
}

/** Raw DEFLATE and CRC-32 for the zip writer: Node passes its native zlib, browsers use fflate. */
export interface Deflater {
  stream(): DeflateStream;
  /** CRC-32 of `data`, continuing from `previous` (the CRC of the bytes before it). */
  crc32(data: Uint8Array, previous?: number): number;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 as zip stores it (fflate computes one inside its own zip writer but does not export it). */
export function crc32(data: Uint8Array, previous = 0): number {
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** fflate's deflate at `level` (0–9). */
export function fflateDeflaterAt(level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9): Deflater {
  return {
    stream() {
      const packed: Uint8Array[] = [];
      const deflate = new Deflate({ level }, (chunk) => packed.push(chunk));
      return {
        push: (piece) => deflate.push(piece),
        end: () => {
          deflate.push(new Uint8Array(0), true);
          return packed;
        },
      };
    },
    crc32,
  };
}

export const fflateDeflater: Deflater = fflateDeflaterAt(6);

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const UTF8_NAMES = 0x0800;
const DEFLATED = 8;
const VERSION = 20;

interface Entry {
  name: Uint8Array;
  packed: Uint8Array[];
  packedSize: number;
  crc: number;
  size: number;
  offset: number;
}

/** The fields the local header and the central directory share, from "version needed" on; time and date stay 0. */
function describeEntry(view: DataView, at: number, e: Entry): void {
  view.setUint16(at, VERSION, true);
  view.setUint16(at + 2, UTF8_NAMES, true);
  view.setUint16(at + 4, DEFLATED, true);
  view.setUint32(at + 10, e.crc, true);
  view.setUint32(at + 14, e.packedSize, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, e.name.length, true);
}

/** A zip archive of the parts, each deflated, named in UTF-8, in the order given. */
export function writeZip(files: Record<string, Uint8Array>, deflater: Deflater = fflateDeflater): Uint8Array {
  const zip = new ZipBuilder(deflater);
  for (const [name, data] of Object.entries(files)) zip.add(name, data);
  return zip.finish();
}

/** A part being added to a zip: its bytes are deflated as they are written, and only the compressed ones kept. */
export interface ZipPart {
  /** `bytes` may be reused as soon as this returns. */
  write(bytes: Uint8Array): void;
  close(): void;
}

/**
 * A zip archive built a part at a time, each part a piece at a time: a writer never holds a part's
 * uncompressed bytes, only the archive's compressed ones. Parts are written one after the other.
 */
export class ZipBuilder {
  private readonly entries: Entry[] = [];
  private readonly encoder = new TextEncoder();
  private offset = 0;

  constructor(private readonly deflater: Deflater = fflateDeflater) {}

  add(name: string, data: Uint8Array): void {
    const part = this.part(name);
    part.write(data);
    part.close();
  }

  part(name: string): ZipPart {
    const stream = this.deflater.stream();
    let crc = 0;
    let size = 0;
    return {
      write: (bytes) => {
        if (!bytes.length) return;
        crc = this.deflater.crc32(bytes, crc);
        size += bytes.length;
        stream.push(bytes);
      },
      close: () => {
        const packed = stream.end();
        const e: Entry = { name: this.encoder.encode(name), packed, packedSize: packed.reduce((n, p) => n + p.length, 0), crc, size, offset: this.offset };
        this.offset += LOCAL_HEADER + e.name.length + e.packedSize;
        this.entries.push(e);
      },
    };
  }

  finish(): Uint8Array {
    const { entries, offset } = this;
    const central = entries.reduce((n, e) => n + CENTRAL_HEADER + e.name.length, 0);
    const out = new Uint8Array(offset + central + END_RECORD);
    const view = new DataView(out.buffer);
    let at = 0;
    for (const e of entries) {
      view.setUint32(at, 0x04034b50, true);
      describeEntry(view, at + 4, e);
      out.set(e.name, at + LOCAL_HEADER);
      at += LOCAL_HEADER + e.name.length;
      for (const p of e.packed) {
        out.set(p, at);
        at += p.length;
      }
    }
    for (const e of entries) {
      view.setUint32(at, 0x02014b50, true);
      view.setUint16(at + 4, VERSION, true);
      describeEntry(view, at + 6, e);
      view.setUint32(at + 42, e.offset, true);
      out.set(e.name, at + CENTRAL_HEADER);
      at += CENTRAL_HEADER + e.name.length;
    }
    view.setUint32(at, 0x06054b50, true);
    view.setUint16(at + 8, entries.length, true);
    view.setUint16(at + 10, entries.length, true);
    view.setUint32(at + 12, central, true);
    view.setUint32(at + 16, offset, true);
    return out;
  }
}
