import { FileLimitError } from "./limits";

/** A received file that cannot be read, with the reason in Vietnamese. */
export class ReceivedFileError extends Error {}

/**
 * Runs a reader; a limit keeps its own reason ("Tệp quá lớn …"), and whatever else a damaged file makes
 * it throw (zip, XML) becomes the format's "corrupt" reason.
 */
export function orCorrupt<T>(corrupt: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ReceivedFileError) throw e;
    if (e instanceof FileLimitError) throw new ReceivedFileError(e.message);
    throw new ReceivedFileError(corrupt);
  }
}
