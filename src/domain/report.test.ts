import { describe, expect, it } from "vitest";
import { againstBar, buildPracticePlan, likelyRange, pickStrengthsAndGrowth, type SignalScore } from "./report";

const s = (key: string, score: number, roundTypeKey = "coding"): SignalScore => ({
  key,
  title: key.toUpperCase(),
  dimension: "coding",
  roundTypeKey,
  score,
});

describe("strengths and growth areas", () => {
  it("takes the strongest and the weakest, without overlap", () => {
    const { strengths, growth } = pickStrengthsAndGrowth(
      [s("a", 3.8), s("b", 1.2), s("c", 2.5), s("d", 3.1), s("e", 1.9)],
      2,
    );
    expect(strengths.map((x) => x.key)).toEqual(["a", "d"]);
    expect(growth.map((x) => x.key)).toEqual(["b", "e"]);
  });
  it("never lists a signal as both with few signals", () => {
    const { strengths, growth } = pickStrengthsAndGrowth([s("a", 3), s("b", 2)]);
    expect(strengths.map((x) => x.key)).toEqual(["a"]);
    expect(growth.map((x) => x.key)).toEqual(["b"]);
  });
});

describe("practice plan", () => {
  it("puts weak signals on the day for their round type, with questions that probe them, unasked first", () => {
    const plan = buildPracticePlan(
      [s("tests", 1.5, "coding"), s("idempotency", 1.8, "backend-depth"), s("story", 2, "behavioral")],
      [
        { id: "q1", title: "LRU cache", roundTypeKey: "coding", signalKeys: ["tests"] },
        { id: "q2", title: "Merge intervals", roundTypeKey: "coding", signalKeys: ["tests"] },
        { id: "q3", title: "Top-k", roundTypeKey: "coding", signalKeys: ["tests"] },
        { id: "q4", title: "Payment endpoint", roundTypeKey: "backend-depth", signalKeys: ["idempotency"] },
      ],
      new Set(["q2"]),
    );
    expect(plan.map((d) => d.days)).toEqual(["Days 1–2", "Days 3–4", "Day 5", "Day 6", "Day 7"]);
    expect(plan[0]!.items.map((i) => i.questionTitle)).toEqual(["LRU cache", "Top-k"]);
    expect(plan[1]!.items).toEqual([
      { signalTitle: "IDEMPOTENCY", questionId: "q4", questionTitle: "Payment endpoint" },
    ]);
    expect(plan[3]!.items).toEqual([{ signalTitle: "STORY", questionId: null, questionTitle: null }]);
    expect(plan[4]!.items).toEqual([]);
  });
});

describe("against the bar", () => {
  it("says above or below only when the likely range is clear of the bar", () => {
    expect(againstBar({ score: 3.4, standardError: 0.1 }, 3)).toBe("above");
    expect(againstBar({ score: 2.5, standardError: 0.1 }, 3)).toBe("below");
    expect(againstBar({ score: 3.1, standardError: 0.2 }, 3)).toBe("near");
    expect(againstBar({ score: 2.9, standardError: null }, 3)).toBe("below");
  });

  it("clips the likely range to the 1–4 scale", () => {
    expect(likelyRange({ score: 3.9, standardError: 0.2 })).toEqual({ low: 3.9 - 0.392, high: 4 });
    expect(likelyRange({ score: 2, standardError: null })).toBeNull();
  });
});
