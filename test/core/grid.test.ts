import { address, columnLetter } from "../../src/core/grid";

describe("cell addresses", () => {
  it("spell every row and column as Excel does, inside the table of spelled addresses and beyond it", () => {
    // Twice over: the second pass reads what the first one kept.
    for (let pass = 0; pass < 2; pass++) {
      expect(address(0, 0)).toBe("A1");
      expect(address(82, 3)).toBe("D83");
      expect(address(1023, 7)).toBe("H1024");
      expect(address(1024, 0)).toBe("A1025");
      expect(address(5, 8)).toBe("I6");
      expect(address(1_048_575, 16_383)).toBe("XFD1048576");
    }
    for (let r = 0; r < 1100; r += 7) for (let c = 0; c < 30; c++) expect(address(r, c)).toBe(`${columnLetter(c)}${r + 1}`);
  });
});
