import { emptyObjectArray } from "../../src/core/arrays";

describe("emptyObjectArray", () => {
  test("is an empty array that takes any element", () => {
    const a = emptyObjectArray<string>();
    expect(a).toEqual([]);
    a.push("x", "y");
    expect(a.pop()).toBe("y");
    expect(a).toEqual(["x"]);
  });
});
