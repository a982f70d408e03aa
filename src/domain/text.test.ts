import { describe, expect, it } from "vitest";
import { findInputProblem, isSafeText, MAX_INPUT_DEPTH } from "./text";

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

  const unsafeAt = (path: (string | number)[]) => ({ problem: "unsafe-text", path });
  it("names the path of the first bad string, in values and keys, at any depth", () => {
    expect(findInputProblem({ a: "ok", b: [1, "fine", { c: "x\u0000" }] })).toEqual(unsafeAt(["b", 2, "c"]));
    expect(findInputProblem({ a: ["x\ud800"], b: "\u0000" })).toEqual(unsafeAt(["a", 0]));
    expect(findInputProblem({ ratings: { "\ud800": { rating: 1 } } })).toEqual(unsafeAt(["ratings", "\ud800"]));
    expect(findInputProblem(new Map([["k", { v: "\u0000" }]]))).toEqual(unsafeAt(["k", "v"]));
    expect(findInputProblem({ s: new Set(["ok", "\ud800"]) })).toEqual(unsafeAt(["s", 1]));
    expect(findInputProblem("\ud800")).toEqual(unsafeAt([]));
    expect(findInputProblem({ when: new Date(0), n: 5, t: true, nothing: null })).toBeNull();
  });

  it("survives cycles (superjson can make them)", () => {
    const a: Record<string, unknown> = { x: "ok" };
    a.self = a;
    expect(findInputProblem(a)).toBeNull();
  });

  // Found by the fuzz test (src/app/api/trpc/[trpc]/fuzz.int.test.ts): 10,000 levels overflowed the stack
  // of the recursive walk, and the procedure answered 500.
  it.each([
    ["arrays", (inner: unknown) => [inner]],
    ["objects", (inner: unknown) => ({ a: inner })],
  ])("refuses %s nested more than MAX_INPUT_DEPTH levels, even 100,000, and accepts the limit", (_kind, wrap) => {
    const nest = (levels: number) => {
      let v: unknown = "leaf";
      for (let i = 0; i < levels; i++) v = wrap(v);
      return v;
    };
    expect(findInputProblem(nest(MAX_INPUT_DEPTH))).toBeNull();
    expect(findInputProblem(nest(MAX_INPUT_DEPTH + 1))?.problem).toBe("too-deep");
    const deep = findInputProblem(nest(100_000));
    expect(deep?.problem).toBe("too-deep");
    expect(deep?.path).toHaveLength(MAX_INPUT_DEPTH);
  });
});
