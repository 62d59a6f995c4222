import fc from "fast-check";
import { joinMapped } from "../../src/core/text";

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
