import { deflateSync } from "fflate";

/** Raw DEFLATE and CRC-32 for the zip writer: Node passes its native zlib, browsers use fflate. */
export interface Deflater {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
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
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** fflate's deflate at `level` (0–9). */
export function fflateDeflaterAt(level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9): Deflater {
  return { deflateRaw: (data) => deflateSync(data, { level }), crc32 };
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
  packed: Uint8Array;
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
  view.setUint32(at + 14, e.packed.length, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, e.name.length, true);
}

/** A zip archive of the parts, each deflated, named in UTF-8, in the order given. */
export function writeZip(files: Record<string, Uint8Array>, deflater: Deflater = fflateDeflater): Uint8Array {
  const encoder = new TextEncoder();
  const entries = Object.entries(files).map(([name, data]): Entry => ({
    name: encoder.encode(name),
    packed: deflater.deflateRaw(data),
    crc: deflater.crc32(data),
    size: data.length,
    offset: 0,
  }));
  let offset = 0;
  for (const e of entries) {
    e.offset = offset;
    offset += LOCAL_HEADER + e.name.length + e.packed.length;
  }
  const central = entries.reduce((n, e) => n + CENTRAL_HEADER + e.name.length, 0);
  const out = new Uint8Array(offset + central + END_RECORD);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const e of entries) {
    view.setUint32(at, 0x04034b50, true);
    describeEntry(view, at + 4, e);
    out.set(e.name, at + LOCAL_HEADER);
    out.set(e.packed, at + LOCAL_HEADER + e.name.length);
    at += LOCAL_HEADER + e.name.length + e.packed.length;
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
