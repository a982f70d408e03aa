import { describe, expect, it } from "vitest";
import { canLead, pickShadow, qualificationKey, trainingProgress, type TrainingRound } from "./training";

const path = { shadowsRequired: 2, reverseShadowsRequired: 1 };
const at = (day: number) => new Date(Date.UTC(2026, 11, day, 9));
const round = (
  id: string,
  leadId: string,
  shadowId: string | null,
  traineeSubmitted: boolean,
  day = 1,
): TrainingRound => ({
  roundId: id,
  startsAt: at(day),
  leadId,
  shadowId,
  traineeSubmitted,
});
const qualified = (id: string) => id === "q1" || id === "q2";

describe("trainingProgress", () => {
  it.each([
    { name: "no rounds", rounds: [], stage: "shadow", shadows: 0, reverse: 0 },
    {
      name: "a shadow without the trainee's submitted scorecard does not count",
      rounds: [round("a", "q1", "t", false)],
      stage: "shadow",
      shadows: 0,
      reverse: 0,
    },
    {
      name: "two submitted shadows move on to reverse-shadowing",
      rounds: [round("a", "q1", "t", true), round("b", "q2", "t", true, 2)],
      stage: "reverse_shadow",
      shadows: 2,
      reverse: 0,
    },
    {
      name: "leading with an unqualified shadow is no reverse-shadow",
      rounds: [round("a", "q1", "t", true), round("b", "q2", "t", true), round("c", "t", "other", true)],
      stage: "reverse_shadow",
      shadows: 2,
      reverse: 0,
    },
    {
      name: "leading with nobody shadowing is no reverse-shadow",
      rounds: [round("a", "q1", "t", true), round("b", "q2", "t", true), round("c", "t", null, true)],
      stage: "reverse_shadow",
      shadows: 2,
      reverse: 0,
    },
    {
      name: "a reverse-shadow without the trainee's submitted scorecard does not count",
      rounds: [round("a", "q1", "t", true), round("b", "q2", "t", true), round("c", "t", "q1", false)],
      stage: "reverse_shadow",
      shadows: 2,
      reverse: 0,
    },
    {
      name: "all steps done: sign-off next; extra shadows are capped",
      rounds: [
        round("a", "q1", "t", true),
        round("b", "q2", "t", true),
        round("x", "q2", "t", true),
        round("c", "t", "q1", true),
      ],
      stage: "sign_off",
      shadows: 2,
      reverse: 1,
    },
  ])("$name", ({ rounds, stage, shadows, reverse }) => {
    const p = trainingProgress("t", path, rounds, qualified);
    expect([p.stage, p.shadows.done, p.reverseShadows.done]).toEqual([stage, shadows, reverse]);
  });

  it("says what is next in words", () => {
    expect(trainingProgress("t", path, [round("a", "q1", "t", true)], qualified).next).toBe(
      "Shadow 1 more round and submit your scorecard for each.",
    );
    expect(trainingProgress("t", path, [], qualified, true).stage).toBe("qualified");
    expect(trainingProgress("t", { shadowsRequired: 0, reverseShadowsRequired: 0 }, [], qualified).next).toBe(
      "All steps done: a coach signs you off next.",
    );
  });
});

describe("trainingProgress with a calibration exercise on the path", () => {
  const withExercise = { ...path, exerciseRequired: true };
  const rounds = [round("a", "q1", "t", true), round("b", "q2", "t", true), round("c", "t", "q1", true)];

  it("waits for a passed exercise after the rounds, then sign-off", () => {
    const before = trainingProgress("t", withExercise, rounds, qualified, false, false);
    expect([before.stage, before.exercise]).toEqual(["exercise", { required: true, passed: false }]);
    expect(before.next).toMatch(/^Pass a calibration exercise of this round type/);
    expect(trainingProgress("t", withExercise, rounds, qualified, false, true).stage).toBe("sign_off");
  });

  it("does not put the exercise before the rounds, and ignores a pass the path does not ask for", () => {
    expect(trainingProgress("t", withExercise, rounds.slice(0, 1), qualified, false, true).stage).toBe("shadow");
    const without = trainingProgress("t", path, rounds, qualified, false, false);
    expect([without.stage, without.exercise.required]).toEqual(["sign_off", false]);
  });
});

describe("canLead", () => {
  const rules = { pathRoundTypeIds: new Set(["coding"]), qualified: new Set([qualificationKey("q1", "coding")]) };
  it.each([
    ["q1", "coding", true],
    ["t", "coding", false],
    ["t", "behavioral", true],
  ] as const)("%s leads %s: %s", (member, type, expected) => {
    expect(canLead(rules, member, type)).toBe(expected);
  });
});

describe("pickShadow", () => {
  const trainees = [
    { memberId: "a", shadowsDone: 1, shadowsRequired: 2 },
    { memberId: "b", shadowsDone: 0, shadowsRequired: 2 },
    { memberId: "c", shadowsDone: 2, shadowsRequired: 2 },
  ];
  it("picks the free trainee with the fewest shadows who still needs them", () => {
    expect(pickShadow(trainees, () => true)).toBe("b");
    expect(pickShadow(trainees, (id) => id !== "b")).toBe("a");
    expect(pickShadow(trainees, (id) => id === "c")).toBeNull();
  });
});
