import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/server/logger";
import { startPoller, stopPoller } from "./poller";

/** Runs still waiting for the test, finished after each test so its poller can stop. */
const unfinished: ((err?: Error) => void)[][] = [];

/** A run the test finishes by hand, and the times (fake clock) at which runs began. */
function manualRuns() {
  const starts: number[] = [];
  const finishers: ((err?: Error) => void)[] = [];
  unfinished.push(finishers);
  const run = () =>
    new Promise<void>((resolve, reject) => {
      starts.push(Date.now());
      finishers.push((err) => (err ? reject(err) : resolve()));
    });
  return { starts, finish: (err?: Error) => finishers.shift()?.(err), run };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(async () => {
  for (const finishers of unfinished.splice(0)) finishers.splice(0).forEach((finish) => finish());
  await Promise.all(["a", "b"].map(stopPoller));
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("startPoller", () => {
  it("runs after the first delay, then an interval after each run ends, never two at once", async () => {
    const { starts, finish, run } = manualRuns();
    startPoller("a", { firstDelayMs: 100, intervalMs: 1_000, failure: "a failed", run });
    await vi.advanceTimersByTimeAsync(99);
    expect(starts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toEqual([100]);
    // The run takes 5 s: no second run meanwhile, the next comes 1 s after it ends.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(starts).toEqual([100]);
    finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(starts).toEqual([100, 6_100]);
  });

  it("logs a run that throws and runs again at the next interval", async () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const { starts, finish, run } = manualRuns();
    startPoller("a", { firstDelayMs: 0, intervalMs: 500, failure: "a failed", run });
    await vi.advanceTimersByTimeAsync(0);
    finish(new Error("database away"));
    await vi.advanceTimersByTimeAsync(500);
    expect(error).toHaveBeenCalledWith({ err: expect.objectContaining({ message: "database away" }) }, "a failed");
    expect(starts).toEqual([0, 500]);
  });

  it("starts once per name; stop waits for the run in hand and ends the polling", async () => {
    const { starts, finish, run } = manualRuns();
    expect(startPoller("a", { firstDelayMs: 0, intervalMs: 10, failure: "a failed", run })).toBe(true);
    expect(startPoller("a", { firstDelayMs: 0, intervalMs: 10, failure: "a failed", run })).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = stopPoller("a").then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(starts).toEqual([0]);
    // Stopped, it can start again.
    expect(startPoller("a", { firstDelayMs: 0, intervalMs: 10, failure: "a failed", run })).toBe(true);
  });

  it("tells a looping run that a stop was asked for", async () => {
    const seen: boolean[] = [];
    let release: () => void = () => undefined;
    startPoller("b", {
      firstDelayMs: 0,
      intervalMs: 10,
      failure: "b failed",
      run: async (stopped) => {
        seen.push(stopped());
        await new Promise<void>((resolve) => (release = resolve));
        seen.push(stopped());
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    const stopping = stopPoller("b");
    release();
    await stopping;
    expect(seen).toEqual([false, true]);
  });
});
