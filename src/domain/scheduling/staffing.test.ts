import { describe, expect, it } from "vitest";
import { overlaps } from "./intervals";
import { suggestLoopSlots, LOAD_WEIGHT_HOURS } from "./suggestion";
import { base, describePlan, iv, MONDAY, person } from "./test-fixtures";
import { isoWeekKey } from "./zones";

// Who takes each round: qualified, free, under their weekly cap, new faces and the least loaded first.
describe("suggestLoopSlots: interviewers", () => {
  it("skips an interviewer at their weekly cap", () => {
    expect(isoWeekKey(new Date(`${MONDAY}T09:00Z`), "UTC")).toBe("2026-W12");
    const [first] = suggestLoopSlots(
      base({
        rounds: [{ key: "coding", durationMin: 60, pool: ["a", "b"] }],
        interviewers: [
          person("a", { weeklyCap: 2, bookedByWeek: { "2026-W12": 2 } }),
          person("b", { weeklyCap: 5, bookedByWeek: { "2026-W12": 4 } }),
        ],
      }),
    );
    expect(describePlan(first)).toEqual(["coding 09:00-10:00 b"]);
  });

  it("counts the loop's own rounds against the cap", () => {
    const nextMonday = "2026-03-23";
    const available = [iv(`${MONDAY}T08:00Z`, `${MONDAY}T18:00Z`), iv(`${nextMonday}T08:00Z`, `${nextMonday}T18:00Z`)];
    const suggestions = suggestLoopSlots(
      base({
        rounds: [
          { key: "a", durationMin: 60, pool: ["x"] },
          { key: "b", durationMin: 60, pool: ["x"] },
        ],
        interviewers: [person("x", { available, weeklyCap: 3, bookedByWeek: { "2026-W12": 2 } })],
        candidate: {
          available: [iv(`${MONDAY}T09:00Z`, `${MONDAY}T17:00Z`), iv(`${nextMonday}T09:00Z`, `${nextMonday}T17:00Z`)],
          busy: [],
        },
      }),
    );
    // One more round fits in W12, a two-round loop does not; W13 is empty.
    expect(suggestions.map((s) => s.start.toISOString())).toEqual([`${nextMonday}T09:00:00.000Z`]);
    expect(describePlan(suggestions[0])).toEqual(["a 09:00-10:00 x", "b 10:15-11:15 x"]);
  });

  it.each([
    [
      "the lowest share of their cap",
      [
        person("a", { weeklyCap: 5, bookedByWeek: { "2026-W12": 3 } }),
        person("b", { weeklyCap: 10, bookedByWeek: { "2026-W12": 2 } }),
        person("c", { weeklyCap: 4, bookedByWeek: { "2026-W12": 1 } }),
      ],
      "b",
    ],
    ["the lower id on a tie", [person("b"), person("a")], "a"],
    [
      "fewer bookings when shares tie",
      [person("a", { bookedByWeek: { "2026-W12": 3 } }), person("b", { bookedByWeek: { "2026-W12": 1 } })],
      "b",
    ],
    [
      "bookings of the round's week only",
      [
        person("a", { weeklyCap: 4, bookedByWeek: { "2026-W11": 4, "2026-W13": 4 } }),
        person("b", { weeklyCap: 4, bookedByWeek: { "2026-W12": 1 } }),
      ],
      "a",
    ],
  ])("chooses the least-loaded interviewer: %s", (_name, interviewers, expected) => {
    const [first] = suggestLoopSlots(
      base({ rounds: [{ key: "coding", durationMin: 60, pool: interviewers.map((i) => i.id) }], interviewers }),
    );
    expect(first?.rounds[0]?.interviewerId).toBe(expected);
  });

  it("spreads a loop across distinct interviewers, least loaded first", () => {
    const interviewers = [
      person("a", { weeklyCap: 10, bookedByWeek: { "2026-W12": 5 } }),
      person("b", { weeklyCap: 10, bookedByWeek: { "2026-W12": 1 } }),
      person("c", { weeklyCap: 10, bookedByWeek: { "2026-W12": 3 } }),
    ];
    const pool = ["a", "b", "c"];
    const [first] = suggestLoopSlots(
      base({
        rounds: [
          { key: "r1", durationMin: 60, pool },
          { key: "r2", durationMin: 60, pool },
          { key: "r3", durationMin: 60, pool },
        ],
        interviewers,
      }),
    );
    expect(first?.rounds.map((r) => r.interviewerId)).toEqual(["b", "c", "a"]);
    expect(first?.score).toBeCloseTo(1 + LOAD_WEIGHT_HOURS * (0.1 + 0.3 + 0.5));
    // Each round lists who else could take it then, so the coach can swap one in.
    expect(first?.rounds.map((r) => [...r.alternates].sort())).toEqual([
      ["a", "c"],
      ["a", "b"],
      ["b", "c"],
    ]);
  });

  it("offers no alternates when only one interviewer is free for a round", () => {
    const [first] = suggestLoopSlots(base({}));
    expect(first?.rounds[0]?.alternates).toEqual([]);
  });

  it("reuses an interviewer only when needed, and never at overlapping times", () => {
    const [first] = suggestLoopSlots(
      base({
        rounds: [
          { key: "r1", durationMin: 60, pool: ["solo"] },
          { key: "r2", durationMin: 60, pool: ["solo", "other"] },
          { key: "r3", durationMin: 60, pool: ["solo"] },
        ],
        interviewers: [person("solo"), person("other")],
        breakMin: 0,
      }),
    );
    expect(describePlan(first)).toEqual(["r1 09:00-10:00 solo", "r2 10:00-11:00 other", "r3 11:00-12:00 solo"]);
    const rounds = first?.rounds ?? [];
    for (const a of rounds)
      for (const b of rounds) if (a !== b && a.interviewerId === b.interviewerId) expect(overlaps(a, b)).toBe(false);
  });

  it("skips an interviewer who is busy during the round", () => {
    const [first] = suggestLoopSlots(
      base({
        rounds: [{ key: "coding", durationMin: 60, pool: ["a", "b"] }],
        interviewers: [person("a", { busy: [iv(`${MONDAY}T09:30Z`, `${MONDAY}T10:00Z`)] }), person("b")],
      }),
    );
    expect(describePlan(first)).toEqual(["coding 09:00-10:00 b"]);
  });

  it("looks ahead when the cheapest choice would leave a later round unstaffed", () => {
    // Greedy would give round 1 to a (80 % loaded, below b's 90 %), leaving a at cap for round 2.
    const [first] = suggestLoopSlots(
      base({
        rounds: [
          { key: "r1", durationMin: 60, pool: ["a", "b"] },
          { key: "r2", durationMin: 60, pool: ["a"] },
        ],
        interviewers: [
          person("a", { weeklyCap: 5, bookedByWeek: { "2026-W12": 4 } }),
          person("b", { weeklyCap: 10, bookedByWeek: { "2026-W12": 9 } }),
        ],
      }),
    );
    expect(first?.rounds.map((r) => r.interviewerId)).toEqual(["b", "a"]);
  });

  it("ranks a later loop first when the earlier one needs a heavily loaded interviewer", () => {
    // Sunday 22:00 is in W12 where x is at 90 % of cap; Monday 00:00 is in W13 where x is free.
    const suggestions = suggestLoopSlots(
      base({
        candidate: { available: [iv("2026-03-22T22:00Z", "2026-03-23T02:00Z")], busy: [] },
        interviewers: [
          person("x", {
            available: [iv("2026-03-22T00:00Z", "2026-03-24T00:00Z")],
            weeklyCap: 10,
            bookedByWeek: { "2026-W12": 9 },
          }),
        ],
        now: new Date("2026-03-22T21:00Z"),
      }),
    );
    expect(suggestions.map((s) => [s.start.toISOString(), s.score])).toEqual([
      ["2026-03-23T00:00:00.000Z", 3],
      ["2026-03-22T22:00:00.000Z", 1 + LOAD_WEIGHT_HOURS * 0.9],
    ]);
  });
});
