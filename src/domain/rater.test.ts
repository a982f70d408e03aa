import { describe, expect, it } from "vitest";
import { compareRatingPeriods, explainGain, explainSeverity, interval, type PeriodCard } from "./rater";

const now = new Date("2026-12-03T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe("explanations", () => {
  it("says whether the interval excludes the panel", () => {
    expect(interval(0.3, 0.1)).toEqual([0.09999999999999998, 0.5]);
    expect(explainSeverity(0.3, 0.1)).toMatch(/0\.30 points higher \(more generous\).*between 0\.10 and 0\.50/);
    expect(explainSeverity(-0.3, 0.2)).toMatch(/lower \(stricter\).*includes 0/);
    expect(explainSeverity(null, null)).toMatch(/Not measured/);
    expect(explainGain(1.3, 0.1)).toMatch(/30% further apart/);
    expect(explainGain(0.8, 0.2)).toMatch(/20% closer together.*includes 1/);
  });
});

describe("compareRatingPeriods", () => {
  const card = (d: number, loopId: string, ratings: Record<string, number>): PeriodCard => ({
    loopId,
    submittedAt: daysAgo(d),
    roundEndsAt: new Date(daysAgo(d).getTime() - 2 * 3_600_000),
    ratings,
  });

  it("compares the last 90 days with the 90 before, against co-panelists of the same loops", () => {
    const mine = [
      card(150, "a", { x: 2, y: 2 }),
      card(120, "b", { x: 3, y: 2 }),
      card(30, "c", { x: 4, y: 4 }),
      card(10, "d", { x: 4, y: 3 }),
      card(400, "e", { x: 1 }), // outside both periods
    ];
    const others: { loopId: string; ratings: Record<string, number> }[] = [
      { loopId: "a", ratings: { x: 3, y: 3 } },
      { loopId: "b", ratings: { x: 3, y: 3 } },
      { loopId: "c", ratings: { x: 3, y: 3 } },
      { loopId: "d", ratings: { x: 3, y: 2 } },
      { loopId: "e", ratings: { x: 4 } },
    ];
    const r = compareRatingPeriods(mine, others, now);
    const [earlier, recent] = r.periods;
    expect(earlier.scorecards).toBe(2);
    expect(earlier.signedGap).toBeCloseTo((-1 + -0.5) / 2, 10);
    expect(recent.signedGap).toBeCloseTo((1 + 1) / 2, 10);
    expect(recent.absoluteGap).toBeCloseTo(1, 10);
    expect(recent.medianHoursToSubmit).toBe(2);
    expect(r.change).toBeCloseTo(1.75, 10);
    expect(r.changeSe).toBeCloseTo(Math.sqrt(0.125 / 2 + 0), 10);
    expect(r.summary).toMatch(/1\.75 points more generous .*more than chance/);
  });

  it("says so when a period has nothing comparable", () => {
    const r = compareRatingPeriods([card(10, "a", { x: 2 })], [{ loopId: "a", ratings: { x: 2 } }], now);
    expect(r.change).toBeNull();
    expect(r.summary).toMatch(/Not enough to compare/);
  });
});
