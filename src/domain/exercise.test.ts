import { describe, expect, it } from "vitest";
import { compareWithReference, exerciseState, judge, mayAttempt, type ReferenceRating } from "./exercise";

const reference: Record<string, ReferenceRating> = {
  clarify: { rating: 3, reason: "Asked about input size and empty input before coding." },
  complexity: { rating: 2, reason: "Stayed quadratic without saying why." },
  tests: { rating: 4, reason: "Tested two edge cases and a failure case." },
};
const keys = ["clarify", "complexity", "tests"];
const tolerance = { maxMeanDifference: 0.5, failAtDifference: 2 };

describe("compareWithReference", () => {
  it("compares a fixed case signal by signal, with the panel's counts", () => {
    const c = compareWithReference(
      keys,
      reference,
      { clarify: 3, complexity: 3, tests: 3 },
      [
        { clarify: 3, complexity: 2, tests: 4 },
        { clarify: 2, complexity: 2, tests: 4 },
        { clarify: 3, complexity: 1 },
      ],
      tolerance,
    );
    expect(c.signals).toEqual([
      { key: "clarify", mine: 3, reference: 3, reason: reference.clarify!.reason, difference: 0, panel: [0, 1, 2, 0] },
      {
        key: "complexity",
        mine: 3,
        reference: 2,
        reason: reference.complexity!.reason,
        difference: 1,
        panel: [1, 2, 0, 0],
      },
      { key: "tests", mine: 3, reference: 4, reason: reference.tests!.reason, difference: -1, panel: [0, 0, 0, 2] },
    ]);
    expect(c.meanDifference).toBeCloseTo(2 / 3, 10);
    expect(c.maxDifference).toBe(1);
    expect(c.meanSignedDifference).toBeCloseTo(0, 10);
    expect(c.passed).toBe(false);
    expect(c.verdict).toMatch(/0\.67 points/);
  });

  it("refuses a signal without a rating", () => {
    expect(() => compareWithReference(keys, reference, { clarify: 3, complexity: 2 }, [], tolerance)).toThrow(
      RangeError,
    );
  });
});

describe("judge by tolerance", () => {
  it.each([
    // mean, max, passed
    [0, 0, true],
    [0.5, 1, true],
    [1.5 / 3, 1, true],
    [0.51, 1, false],
    [0.4, 2, false],
    [0.2, 1, true],
  ])("mean %s, max %s → %s", (mean, max, passed) => {
    expect(judge(mean, max, tolerance).passed).toBe(passed);
  });

  it("applies the coach's own tolerance", () => {
    expect(judge(0.8, 2, { maxMeanDifference: 1, failAtDifference: 3 }).passed).toBe(true);
    expect(judge(0.8, 2, { maxMeanDifference: 0.75, failAtDifference: 3 }).verdict).toMatch(
      /^Not passed: on average 0\.80/,
    );
    expect(judge(0.2, 2, tolerance).verdict).toMatch(/a signal was 2 points off/);
  });
});

describe("exerciseState: recurrence and drift", () => {
  const now = new Date("2026-12-03T12:00:00Z");
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const rules = { recurDays: 180, driftThreshold: 0.4 };

  it("is new before any attempt, done after one, due again after recurDays", () => {
    expect(exerciseState([], rules, null, now).state).toBe("new");
    const recent = exerciseState(
      [{ submittedAt: daysAgo(179), passed: true, severityAtAttempt: 0.1 }],
      rules,
      0.1,
      now,
    );
    expect(recent).toMatchObject({
      state: "done",
      suggested: false,
      dueAt: new Date(daysAgo(179).getTime() + 180 * 86_400_000),
    });
    expect(mayAttempt(recent)).toBe(false);
    const old = exerciseState([{ submittedAt: daysAgo(180), passed: true, severityAtAttempt: 0.1 }], rules, 0.1, now);
    expect(old.state).toBe("due");
    expect(mayAttempt(old)).toBe(true);
    expect(old.why).toMatch(/every 180 days/);
  });

  it("never recurs without recurDays", () => {
    const s = exerciseState(
      [{ submittedAt: daysAgo(1000), passed: false, severityAtAttempt: null }],
      { recurDays: null, driftThreshold: null },
      0.9,
      now,
    );
    expect(s).toMatchObject({ state: "done", dueAt: null, suggested: false });
  });

  it("is suggested when severity drifts beyond the threshold since the last attempt", () => {
    const attempts = [
      { submittedAt: daysAgo(30), passed: true, severityAtAttempt: -0.1 },
      { submittedAt: daysAgo(300), passed: true, severityAtAttempt: 0.5 },
    ];
    expect(exerciseState(attempts, rules, 0.2, now)).toMatchObject({ state: "done", suggested: false });
    const drifted = exerciseState(attempts, rules, 0.35, now);
    expect(drifted.suggested).toBe(true);
    expect(drifted.drift).toBeCloseTo(0.45, 10);
    expect(drifted.why).toMatch(/more lenient by 0\.45 points since your last attempt/);
    expect(mayAttempt(drifted)).toBe(true);
  });

  it("measures drift from the panel (0) before any attempt, and not at all without a measured severity", () => {
    expect(exerciseState([], rules, -0.5, now)).toMatchObject({ suggested: true, drift: -0.5 });
    expect(exerciseState([], rules, -0.3, now).suggested).toBe(false);
    expect(exerciseState([], rules, null, now)).toMatchObject({ suggested: false, drift: null });
    expect(exerciseState([], { recurDays: null, driftThreshold: null }, 2, now).suggested).toBe(false);
  });
});
