/*
 * Preloaded (`node --require`) into the real CLI by tests to make the file system fail as a full or
 * read-only disk would: CCHC_FAIL=ENOSPC fails writes to a new file after its first 4 KB, CCHC_FAIL=EROFS
 * or EACCES fails creating one. Files that already exist are read and written normally.
 */
const fs = require("fs");

const code = process.env.CCHC_FAIL;
const created = new Set();
const written = new Map();

function failure() {
  return Object.assign(new Error(`${code}: simulated by test/support/failingFs.js`), { code });
}

const openSync = fs.openSync;
fs.openSync = function (path, flags, mode) {
  const creating = typeof flags === "string" && flags.includes("x");
  if (creating && code !== "ENOSPC") throw failure();
  const fd = openSync.call(fs, path, flags, mode);
  if (creating) created.add(fd);
  return fd;
};

const writeSync = fs.writeSync;
fs.writeSync = function (fd, buffer, offset, length, position) {
  if (created.has(fd)) {
    const done = written.get(fd) ?? 0;
    if (done >= 4096) throw failure();
    const n = Math.min(length ?? buffer.length, 4096 - done);
    written.set(fd, done + n);
    return writeSync.call(fs, fd, buffer, offset, n, position);
  }
  return writeSync.call(fs, fd, buffer, offset, length, position);
};
