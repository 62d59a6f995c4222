/**
 * What an argument file holds, told by its bytes and never by its name: a package (a zip: a workbook, a
 * Word or OpenDocument file), text (UTF-8 or UTF-16, with or without a byte order mark), or neither.
 */
export type FileContent = { kind: "package" } | { kind: "text"; text: string } | { kind: "other"; reason: string };

export function contentOf(bytes: Uint8Array): FileContent {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return { kind: "package" };
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return { kind: "other", reason: "tệp ở định dạng Office cũ (.xls, .doc), không phải văn bản" };
  const text = decodeText(bytes);
  if (text === undefined) return { kind: "other", reason: "tệp không phải văn bản UTF-8 hoặc UTF-16 (hãy lưu lại dưới dạng văn bản Unicode)" };
  // A NUL or another control character is no text a person types: a binary file read as text.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\x00-\x08\x0e-\x1f\x7f]/.test(text)) return { kind: "other", reason: "tệp chứa ký tự điều khiển, không phải văn bản" };
  return { kind: "text", text };
}

/** UTF-8 or UTF-16 (a byte order mark, or NULs every other byte), strictly decoded; undefined if it is neither. */
export function decodeText(bytes: Uint8Array): string | undefined {
  let encoding = "utf-8";
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ["utf-16le", 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ["utf-16be", 2];
  else encoding = utf16WithoutMark(bytes) ?? encoding;
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return undefined;
  }
}

/** Text in UTF-16 without a mark has a NUL in every other byte of its ASCII characters (line ends, digits, spaces). */
function utf16WithoutMark(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs / 4 && evenZeros === 0) return "utf-16le";
  if (evenZeros >= pairs / 4 && oddZeros === 0) return "utf-16be";
  return undefined;
}
