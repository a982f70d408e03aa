import { afterAll, describe, expect, it } from "vitest";
import { calibrate } from "@/domain/calibration/calibrate";
import { SPLIT_MIN_RATINGS } from "@/domain/calibration/model/state";
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
    // Every pass of every iteration (prepare, gradient, back-substitution, noise, at least one product).
    expect(passes).toBeGreaterThanOrEqual(5 * shared.model.iterations);
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

  it("leaves small fits on one thread", () => {
    startPassThreads();
    const small = simulateDesign(base, 3).ratings;
    expect(small.length).toBeLessThan(SPLIT_MIN_RATINGS);
    const before = passesOnSecondThread();
    calibrate(small);
    expect(passesOnSecondThread()).toBe(before);
  });
});
