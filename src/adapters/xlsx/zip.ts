import { inflateSync } from "fflate";

/** Raw DEFLATE decompression; Node passes its native zlib, browsers use fflate. */
export type InflateRaw = (data: Uint8Array) => Uint8Array;

export class ZipError extends Error {}

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/**
 * Reads only the wanted entries of a zip archive, from its central directory. A truncated download
 * has no end-of-directory record and is reported as a ZipError.
 */
export function unzipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, inflateRaw: InflateRaw = (d) => inflateSync(d)): Record<string, Uint8Array> {
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
  const out: Record<string, Uint8Array> = {};
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ZipError("bad central directory");
    const method = u16(bytes, p + 10);
    const size = u32(bytes, p + 20);
    const nameLen = u16(bytes, p + 28);
    const skip = nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + skip;
    if (!wanted(name)) continue;
    if (size === 0xffffffff || local === 0xffffffff) throw new ZipError("zip64 is not supported");
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw new ZipError("bad local header");
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + size > bytes.length) throw new ZipError("truncated entry");
    const data = bytes.subarray(start, start + size);
    if (method === 0) out[name] = data;
    else if (method === 8) out[name] = inflateRaw(data);
    else throw new ZipError(`compression method ${method}`);
  }
  return out;
}
