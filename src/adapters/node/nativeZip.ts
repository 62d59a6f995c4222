import { inflateRawSync } from "zlib";
import { InflateRaw } from "../xlsx/zip";

/** Node's native zlib: several times faster than the pure-JS inflate the browser uses. */
export const nativeInflateRaw: InflateRaw = (data) => inflateRawSync(data);
