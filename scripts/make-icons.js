/* Draws the add-in icons (a table with a check mark) as PNGs into assets/. Run: node scripts/make-icons.js */
const zlib = require("zlib");
const fs = require("fs");
const path = require("path");

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const blue = [0x0f, 0x6c, 0xbd, 255];
  const white = [255, 255, 255, 255];
  const green = [0x10, 0x7c, 0x10, 255];
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const u = x / size;
      const v = y / size;
      let px = blue;
      const inTable = u > 0.15 && u < 0.85 && v > 0.15 && v < 0.85;
      if (inTable) {
        const line = Math.abs(v - 0.38) < 0.03 || Math.abs(v - 0.61) < 0.03 || Math.abs(u - 0.4) < 0.03;
        px = line ? blue : white;
      }
      // Check mark over the lower right.
      const d1 = Math.abs(v - (u - 0.55) - 0.78);
      const d2 = Math.abs(v + (u - 0.62) * 1.4 - 0.85);
      if ((u > 0.5 && u < 0.62 && d1 < 0.06) || (u >= 0.6 && u < 0.88 && d2 < 0.06)) px = green;
      raw.set(px, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), png(size));
