import { describe, expect, it } from "vitest";
import { BoundedCache } from "./bounded-cache";

describe("BoundedCache", () => {
  it("drops the least recently used entry once over capacity", () => {
    const cache = new BoundedCache<number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recently used
    cache.set("c", 3);
    expect(cache.has("b")).toBe(false);
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
  });

  it("replaces an entry set again without growing", () => {
    const cache = new BoundedCache<string>(2);
    cache.set("a", "old");
    cache.set("b", "b");
    cache.set("a", "new");
    cache.set("c", "c");
    expect(cache.get("a")).toBe("new");
    expect(cache.has("b")).toBe(false);
  });
});
