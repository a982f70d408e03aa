import { describe, expect, it } from "vitest";
import { buildPracticePlan, pickStrengthsAndGrowth, type SignalScore } from "./report";

const s = (key: string, calibrated: number, roundTypeKey = "coding"): SignalScore => ({ key, title: key.toUpperCase(), dimension: "coding", roundTypeKey, calibrated });

describe("strengths and growth areas", () => {
  it("takes the strongest and the weakest, without overlap", () => {
    const { strengths, growth } = pickStrengthsAndGrowth([s("a", 3.8), s("b", 1.2), s("c", 2.5), s("d", 3.1), s("e", 1.9)], 2);
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
    expect(plan[1]!.items).toEqual([{ signalTitle: "IDEMPOTENCY", questionId: "q4", questionTitle: "Payment endpoint" }]);
    expect(plan[3]!.items).toEqual([{ signalTitle: "STORY", questionId: null, questionTitle: null }]);
    expect(plan[4]!.items).toEqual([]);
  });
});
