import { describe, expect, it } from "vitest";
import { measureAgreement } from "./agreement";
import { krippendorffAlpha } from "./krippendorff";
import { simulateDesign } from "./simulation";
import { design, rate } from "./test-fixtures";

describe("measureAgreement", () => {
  it("computes Krippendorff's alpha per key with each candidate as a unit", () => {
    const ratings = [
      rate("x", "a", 1, "s1"),
      rate("x", "b", 2, "s1"),
      rate("y", "a", 3, "s1"),
      rate("y", "b", 3, "s1"),
      rate("y", "c", 4, "s1"),
      rate("x", "a", 2, "s0"),
      rate("y", "a", 3, "s0"),
    ];
    const [s0, s1] = measureAgreement(ratings);
    expect(s0).toEqual({ key: "s0", alpha: null, interval: null, units: 0, pairableValues: 0 });
    expect(s1).toMatchObject({
      key: "s1",
      alpha: krippendorffAlpha(
        [
          [1, 2],
          [3, 3, 4],
        ],
        "ordinal",
      ),
      units: 2,
      pairableValues: 5,
    });
  });

  it("gives a seeded bootstrap interval around alpha, the same for the same input", () => {
    const ratings = simulateDesign(design("a"), 8).ratings;
    const first = measureAgreement(ratings, { bootstrap: 400, seed: 3 });
    expect(measureAgreement(ratings, { bootstrap: 400, seed: 3 })).toEqual(first);
    expect(first).toHaveLength(6);
    for (const { alpha, interval } of first) {
      const [low, high] = interval ?? [Number.NaN, Number.NaN];
      expect(low).toBeLessThan(alpha ?? Number.NaN);
      expect(high).toBeGreaterThan(alpha ?? Number.NaN);
      // 150 candidates: the interval is a few hundredths wide, not the whole range.
      expect(high - low).toBeLessThan(0.25);
    }
    expect(measureAgreement(ratings, { bootstrap: 0 }).every((a) => a.interval === null)).toBe(true);
  });

  it("measures agreement per group when asked", () => {
    const ratings = [
      rate("x", "a", 1, "s1", { group: "g" }),
      rate("x", "b", 2, "s2", { group: "g" }),
      rate("y", "a", 3, "s1", { group: "g" }),
      rate("y", "b", 3, "s2", { group: "g" }),
    ];
    expect(measureAgreement(ratings, { by: "group", bootstrap: 0 })).toEqual([
      {
        key: "g",
        alpha: krippendorffAlpha(
          [
            [1, 2],
            [3, 3],
          ],
          "ordinal",
        ),
        interval: null,
        units: 2,
        pairableValues: 4,
      },
    ]);
  });
});
