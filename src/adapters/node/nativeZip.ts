import { constants, crc32, deflateRawSync, inflateRawSync } from "zlib";
import { InflateLimitError, InflateRaw } from "../xlsx/zip";
import { Deflater } from "../xlsx/zipWrite";

/** Output chunks zlib allocates at most at once, whatever size an archive declares. */
const MAX_CHUNK = 8 * 1024 * 1024;

/**
 * Node's native zlib: several times faster than the pure-JS inflate the browser uses. zlib stops as
 * soon as the output passes `maxOutputLength`, so a bomb costs the limit, not its full size. The
 * declared size sizes zlib's output chunk, so a part is inflated into one buffer instead of 16 KB pieces.
 */
export const nativeInflateRaw: InflateRaw = (data, maxOutput, size) => {
  const chunkSize = size === undefined ? undefined : Math.min(MAX_CHUNK, Math.max(64, size + 1));
  if (maxOutput === undefined || !Number.isFinite(maxOutput)) return inflateRawSync(data, { chunkSize });
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxOutput), chunkSize });
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new InflateLimitError();
    throw e;
  }
};

/**
 * Node's native zlib for the zip writer. A low level: a consolidation's XML packs about three times
 * faster than at level 6, for a fifth more bytes. Each piece is deflated on its own and ends on a byte
 * boundary (a sync flush), so the pieces joined are one stream, closed by an empty final block.
 */
export const nativeDeflater: Deflater = {
  stream() {
    const packed: Uint8Array[] = [];
    return {
      push: (piece) => packed.push(deflateRawSync(piece, { level: 2, finishFlush: constants.Z_SYNC_FLUSH })),
      end: () => {
        packed.push(deflateRawSync(new Uint8Array(0), { level: 2 }));
        return packed;
      },
    };
  },
  crc32: (data, previous) => crc32(data, previous),
};
