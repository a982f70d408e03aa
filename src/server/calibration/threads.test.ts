import { afterAll, describe, expect, it } from "vitest";
import { calibrate } from "@/domain/calibration/calibrate";
import { offerPassThreads, offeredThreads, PassThreadError, SPLIT_MIN_RATINGS } from "@/domain/calibration/model/state";
import { DESIGNS, simulateDesign } from "@/domain/calibration/simulation";
import { passesOnSecondThread, startPassThreads, stopPassThreads } from "./threads";

// A cohort just large enough to be split: 800 candidates × 4–6 interviewers × 6 signals, with gains and halo.
const base = DESIGNS.find((d) => d.id === "b")!;
const { ratings } = simulateDesign({ ...base, id: "split", candidates: 800, interviewers: 60, haloSd: 0.3 }, 7);

describe("the calibration's second thread", () => {
  afterAll(() => stopPassThreads());

  it("gives the same numbers, to the last bit, as one thread", async () => {
    expect(ratings.length).toBeGreaterThanOrEqual(SPLIT_MIN_RATINGS);
    const alone = calibrate(ratings);
    const errors: unknown[] = [];
    startPassThreads((error) => errors.push(error));
    const before = passesOnSecondThread();
    const shared = calibrate(ratings);
    const passes = passesOnSecondThread() - before;
    // Every pass of every iteration (prepare, gradient with the noise sums, back-substitution, at least one
    // product), and the elimination and scores.
    expect(passes).toBeGreaterThanOrEqual(4 * shared.model.iterations + 2);
    expect(errors).toEqual([]);
    expect(shared.model).toEqual(alone.model);
    expect(shared.interviewers).toEqual(alone.interviewers);
    expect(shared.candidates).toEqual(alone.candidates);
    // And again on the same thread: a second fit attaches its own state.
    expect(calibrate(ratings).candidates).toEqual(alone.candidates);

    await stopPassThreads();
    const after = passesOnSecondThread();
    expect(calibrate(ratings).interviewers).toEqual(alone.interviewers);
    expect(passesOnSecondThread()).toBe(after);
  }, 60_000);

  it("gives the same numbers with a large panel's estimated covariance, ungrouped ratings and weights", async () => {
    // 2 × 230 interviewers + 6 signals > DENSE_COVARIANCE_LIMIT: the covariance is estimated (diagonal).
    const large = simulateDesign({ ...base, id: "split-large", candidates: 800, interviewers: 230, haloSd: 0.3 }, 11);
    // Two groups of signals; every seventh rating without a group, every fifth of the rest weighing 0.7.
    const mixed = large.ratings.map((rating, r) => ({
      ...rating,
      group: r % 7 === 0 ? undefined : `group-${rating.key.charCodeAt(rating.key.length - 1) % 2}`,
      weight: r % 7 !== 0 && r % 5 === 0 ? 0.7 : 1,
    }));
    expect(mixed.length).toBeGreaterThanOrEqual(SPLIT_MIN_RATINGS);
    const alone = calibrate(mixed);
    expect(alone.interviewers.length).toBeGreaterThan(200);
    startPassThreads();
    try {
      const before = passesOnSecondThread();
      const shared = calibrate(mixed);
      expect(passesOnSecondThread() - before).toBeGreaterThanOrEqual(5 * shared.model.iterations);
      expect(shared.model).toEqual(alone.model);
      expect(shared.interviewers).toEqual(alone.interviewers);
      expect(shared.candidates).toEqual(alone.candidates);
      expect(shared.candidates.some((s) => s.kind === "group" && s.calibrated !== null)).toBe(true);
    } finally {
      await stopPassThreads();
    }
  }, 60_000);

  it("fits again on one thread when the other thread fails part-way", () => {
    const alone = calibrate(ratings);
    let finished = 0;
    let attached = 0;
    // A partner that takes no pieces (so this thread runs every piece) and fails on the seventh pass.
    offerPassThreads({
      attach: () => {
        attached++;
        return {
          start: () => {},
          finish: () => {
            if (++finished === 7) throw new PassThreadError("the second thread stopped");
          },
          release: () => {},
        };
      },
    });
    try {
      const result = calibrate(ratings);
      expect(finished).toBe(7);
      expect(attached).toBe(1);
      expect(result.model).toEqual(alone.model);
      expect(result.candidates).toEqual(alone.candidates);
      expect(result.interviewers).toEqual(alone.interviewers);
    } finally {
      offerPassThreads(null);
    }
  }, 60_000);

  it("reports the other thread's failure as a PassThreadError and offers it no more", async () => {
    const errors: unknown[] = [];
    startPassThreads((error) => errors.push(error));
    try {
      const threads = offeredThreads()!;
      const partner = threads.attach({ settings: { maxIterations: 1, tolerance: 1, gains: true } });
      expect(partner).not.toBeNull();
      partner!.start(99);
      expect(() => partner!.finish()).toThrow(PassThreadError);
      expect(errors).toHaveLength(1);
      expect(String(errors[0])).toContain("Unknown pass 99");
      expect(threads.attach({})).toBeNull();
    } finally {
      await stopPassThreads();
    }
  }, 60_000);

  it("leaves small fits on one thread", () => {
    startPassThreads();
    const small = simulateDesign(base, 3).ratings;
    expect(small.length).toBeLessThan(SPLIT_MIN_RATINGS);
    const before = passesOnSecondThread();
    calibrate(small);
    expect(passesOnSecondThread()).toBe(before);
  });
});
