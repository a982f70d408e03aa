import { describe, expect, it } from "vitest";
import { parseRetryAfter, retryDelayMs } from "./backoff";

const policy = { baseMs: 1000, maxMs: 10_000 };

describe("retryDelayMs", () => {
  it("doubles the ceiling with each attempt", () => {
    expect(retryDelayMs(1, policy, 0.999999)).toBe(1000);
    expect(retryDelayMs(2, policy, 0.999999)).toBe(2000);
    expect(retryDelayMs(3, policy, 0.999999)).toBe(4000);
  });
  it("keeps at least half the ceiling, so it never retries at once", () => {
    expect(retryDelayMs(3, policy, 0)).toBe(2000);
  });
  it("is capped", () => {
    expect(retryDelayMs(20, policy, 0.999999)).toBe(10_000);
  });
  it("waits at least as long as the provider's Retry-After", () => {
    expect(retryDelayMs(1, policy, 0, 7000)).toBe(7000);
    expect(retryDelayMs(3, policy, 0.999999, 100)).toBe(4000);
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2026-03-29T01:30:00Z");
  it.each([
    ["3", 3000],
    ["0", 0],
    [null, null],
    ["soon", null],
    ["Sun, 29 Mar 2026 01:30:10 GMT", 10_000],
  ])("%s → %s", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
