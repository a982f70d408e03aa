import { describe, expect, it } from "vitest";
import { findUnsafeText, isSafeText } from "./text";

describe("unsafe text", () => {
  it.each([
    ["plain", true],
    ["émoji 🎉 and 中文", true],
    ["a\u0000b", false],
    ["\ud800x", false],
    ["x\udc00", false],
    ["\ud83c\udf89", true],
  ])("%j safe=%s", (text, ok) => {
    expect(isSafeText(text)).toBe(ok);
  });

  it("names the path of the first bad string, in values and keys, at any depth", () => {
    expect(findUnsafeText({ a: "ok", b: [1, "fine", { c: "x\u0000" }] })).toEqual(["b", 2, "c"]);
    expect(findUnsafeText({ ratings: { "\ud800": { rating: 1 } } })).toEqual(["ratings", "\ud800"]);
    expect(findUnsafeText("\ud800")).toEqual([]);
    expect(findUnsafeText({ when: new Date(0), n: 5, t: true, nothing: null })).toBeNull();
  });
});
