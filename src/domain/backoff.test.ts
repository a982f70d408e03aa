import { describe, expect, it } from "vitest";
import { afterFailure, parseRetryAfter, retryDelayMs } from "./backoff";

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

describe("afterFailure", () => {
  const now = new Date("2026-12-04T10:00:00Z");
  it("retries after the backoff delay while attempts remain", () => {
    expect(afterFailure({ attempts: 2, maxAttempts: 3 }, policy, 0, now)).toEqual({
      dead: false,
      nextAttemptAt: new Date(now.getTime() + 1000),
    });
  });
  it("gives up after the last attempt, or at once on a permanent failure", () => {
    expect(afterFailure({ attempts: 3, maxAttempts: 3 }, policy, 0, now)).toEqual({ dead: true });
    expect(afterFailure({ attempts: 1, maxAttempts: 3, permanent: true }, policy, 0, now)).toEqual({ dead: true });
  });
});
