import { spawnSync } from "child_process";
import fc from "fast-check";
import { join } from "path";
import { compareVi, joinMapped, squashedText } from "../../src/core/text";
import { ensureCliBuilt } from "../support/cli";

describe("joinMapped", () => {
  test("is map then join, for any list and separator", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.string())), fc.string(), (items, separator) => {
        const f = (x: number | string): string => `<${String(x)}>`;
        expect(joinMapped(items, f, separator)).toBe(items.map(f).join(separator));
      }),
    );
  });

  test("an empty list gives an empty text", () => {
    expect(joinMapped([], String, "; ")).toBe("");
  });
});

describe("strings kept for a whole merge", () => {
  test("squashedText gives the text with its runs of white space collapsed", () => {
    // White space of every kind `\s` matches, in runs and alone.
    const text = fc.string({ unit: fc.constantFrom(..."ab ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u2003", "\u3000", "\ufeff", "ơ"), maxLength: 12 });
    fc.assert(
      fc.property(text, (s) => {
        const squashed = /[\t\n\r]|\s\s/.test(s) ? s.replace(/\s+/g, " ") : s;
        return squashedText(s) === squashed && squashedText(`${s}`) === squashed;
      }),
      { numRuns: 5000 },
    );
  });

  test("take less memory kept than what they were given", () => {
    ensureCliBuilt();
    const compiled = join(__dirname, "..", "..", "dist-cli", "src", "core", "text.js");
    // Bytes per kept string, measured by the engine's own heap after full collections.
    const script = `const { squashedText } = require(${JSON.stringify(compiled)});
      const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
      const kept = [];
      const perString = (make, keep) => { const out = []; const h0 = heap(); for (let i = 0; i < 2000; i++) out.push(keep(make(i))); const b = (heap() - h0) / 2000; kept.push(out); return Math.round(b); };
      // A new copy of one long label at each call, as each file brings its own.
      const label = (i) => ("Số văn bản quy phạm pháp luật được ban hành trong kỳ báo cáo, ".repeat(20) + (i % 1));
      const same = (s) => s;
      process.stdout.write(JSON.stringify([perString(label, same), perString(label, squashedText)]));`;
    const r = spawnSync(process.execPath, ["--expose-gc", "--single-threaded-gc", "-e", script], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    const [label, sharedLabel] = JSON.parse(r.stdout) as number[];
    expect(sharedLabel).toBeLessThan(label / 4);
  });
});

describe("compareVi", () => {
  it("orders names the Vietnamese way: ă after a, đ after d, tones after the letter", () => {
    expect(["Sở Đông", "Sở Dương", "Sở Ăn", "Sở An", "Sở Áo", "Sở Bé"].sort(compareVi)).toEqual(["Sở An", "Sở Áo", "Sở Ăn", "Sở Bé", "Sở Dương", "Sở Đông"]);
  });
});
