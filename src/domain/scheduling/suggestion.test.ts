import { describe, expect, it } from "vitest";
import { expandAvailability } from "./availability";
import { suggestLoopSlots, DAY_SPLIT_PENALTY_HOURS, type SuggestLoopSlotsInput } from "./suggestion";
import { base, buildWeekdays, describePlan, iv, MONDAY, person } from "./test-fixtures";

// When and where a loop can run: rounds in order within everyone's free time, one suggestion per day.
describe("suggestLoopSlots: times", () => {
  it("schedules rounds in order, each after a break", () => {
    const [first] = suggestLoopSlots(
      base({
        rounds: [
          { key: "screen", durationMin: 60, pool: ["x"] },
          { key: "coding", durationMin: 45, pool: ["y"] },
          { key: "behavioral", durationMin: 30, pool: ["z"] },
        ],
        interviewers: [person("x"), person("y"), person("z")],
      }),
    );
    expect(describePlan(first)).toEqual(["screen 09:00-10:00 x", "coding 10:15-11:00 y", "behavioral 11:15-11:45 z"]);
    expect(first?.start.toISOString()).toBe(`${MONDAY}T09:00:00.000Z`);
    expect(first?.end.toISOString()).toBe(`${MONDAY}T11:45:00.000Z`);
    expect(first?.score).toBeCloseTo(1); // an hour after now, no extra waiting, nobody loaded
  });

  it("waits at most maxGapMin between rounds, and every gap is at least breakMin", () => {
    const input = base({
      rounds: [
        { key: "screen", durationMin: 60, pool: ["x"] },
        { key: "coding", durationMin: 45, pool: ["y"] },
        { key: "behavioral", durationMin: 30, pool: ["z"] },
      ],
      interviewers: [person("x"), person("y", { busy: [iv(`${MONDAY}T10:00Z`, `${MONDAY}T11:00Z`)] }), person("z")],
      maxGapMin: 30,
    });
    const suggestions = suggestLoopSlots(input);
    // 09:00 and 09:15 would leave y's round more than 30 minutes after the screen ends.
    expect(describePlan(suggestions[0])).toEqual([
      "screen 09:30-10:30 x",
      "coding 11:00-11:45 y",
      "behavioral 12:00-12:30 z",
    ]);
    expect(suggestions[0]?.score).toBeCloseTo(1.5 + 0.25);
    for (const s of suggestions) {
      s.rounds.slice(1).forEach((round, i) => {
        const gapMin = (round.start.getTime() - (s.rounds[i]?.end.getTime() ?? 0)) / 60_000;
        expect(gapMin).toBeGreaterThanOrEqual(15);
        expect(gapMin).toBeLessThanOrEqual(30);
      });
    }
  });

  it("keeps every round inside the candidate's availability and out of their busy time", () => {
    const [first] = suggestLoopSlots(
      base({
        rounds: [
          { key: "a", durationMin: 60, pool: ["x"] },
          { key: "b", durationMin: 60, pool: ["y"] },
        ],
        interviewers: [person("x"), person("y")],
        candidate: {
          available: [iv(`${MONDAY}T09:00Z`, `${MONDAY}T17:00Z`)],
          busy: [iv(`${MONDAY}T09:00Z`, `${MONDAY}T10:30Z`)],
        },
      }),
    );
    expect(describePlan(first)).toEqual(["a 10:30-11:30 x", "b 11:45-12:45 y"]);
  });

  it("spreads a loop over several days when allowed, rounds in order, and prefers one sitting when it fits", () => {
    const mornings = [16, 17, 18, 19, 20].map((d) => iv(`2026-03-${d}T09:00Z`, `2026-03-${d}T12:00Z`));
    const rounds = ["a", "b", "c"].map((key) => ({ key, durationMin: 120, pool: ["x"] }));
    const long = base({
      rounds,
      candidate: { available: mornings, busy: [] },
      interviewers: [person("x", { available: [iv(`${MONDAY}T00:00Z`, "2026-03-23T00:00Z")] })],
    });
    expect(suggestLoopSlots(long)).toEqual([]); // one sitting: no morning holds six hours
    expect(suggestLoopSlots({ ...long, maxDays: 2 })).toEqual([]); // one two-hour round a morning: three days needed
    const [spread] = suggestLoopSlots({ ...long, maxDays: 3 });
    expect(describePlan(spread)).toEqual(["a 09:00-11:00 x", "b 09:00-11:00 x", "c 09:00-11:00 x"]);
    expect(spread?.rounds.map((r) => r.start.toISOString().slice(0, 10))).toEqual([
      "2026-03-16",
      "2026-03-17",
      "2026-03-18",
    ]);
    expect(spread?.score).toBeCloseTo(1 + 2 * DAY_SPLIT_PENALTY_HOURS);
    // When everything fits in one sitting, splitting is not preferred.
    const [together] = suggestLoopSlots(base({ rounds: rounds.map((r) => ({ ...r, durationMin: 45 })), maxDays: 3 }));
    expect(new Set(together?.rounds.map((r) => r.start.toISOString().slice(0, 10)))).toEqual(new Set([MONDAY]));
  });

  it("starts nothing before now, aligned to the step", () => {
    const suggestions = suggestLoopSlots(
      base({
        candidate: {
          available: ["16", "17", "18"].map((d) => iv(`2026-03-${d}T09:00Z`, `2026-03-${d}T17:00Z`)),
          busy: [],
        },
        interviewers: [person("x", { available: [iv(`${MONDAY}T00:00Z`, "2026-03-20T00:00Z")] })],
        now: new Date(`${MONDAY}T10:07Z`),
      }),
    );
    expect(suggestions.map((s) => s.start.toISOString())).toEqual([
      `${MONDAY}T10:15:00.000Z`,
      "2026-03-17T09:00:00.000Z",
      "2026-03-18T09:00:00.000Z",
    ]);
  });

  it("suggests at most one loop per day, best first, up to maxSuggestions", () => {
    const days = ["16", "17", "18", "19", "20", "23", "24"];
    const input = base({
      candidate: { available: days.map((d) => iv(`2026-03-${d}T09:00Z`, `2026-03-${d}T17:00Z`)), busy: [] },
      interviewers: [person("x", { available: [iv(`${MONDAY}T00:00Z`, "2026-03-30T00:00Z")] })],
    });
    const five = suggestLoopSlots(input);
    expect(five.map((s) => s.start.toISOString().slice(0, 16))).toEqual(
      days.slice(0, 5).map((d) => `2026-03-${d}T09:00`),
    );
    expect(five.map((s) => s.score)).toEqual([...five.map((s) => s.score)].sort((a, b) => a - b));
    expect(suggestLoopSlots({ ...input, maxSuggestions: 2 })).toHaveLength(2);
  });

  it("groups by the candidate's calendar days and aligns to their clock when given their zone", () => {
    // 15:00–19:00 in Los Angeles on 16 March is 22:00Z on the 16th to 02:00Z on the 17th.
    const input = base({
      candidate: { available: [iv(`${MONDAY}T22:00Z`, "2026-03-17T02:00Z")], busy: [] },
      interviewers: [person("x", { available: [iv(`${MONDAY}T00:00Z`, "2026-03-18T00:00Z")] })],
    });
    expect(suggestLoopSlots(input).map((s) => s.start.toISOString())).toEqual([
      `${MONDAY}T22:00:00.000Z`,
      "2026-03-17T00:00:00.000Z",
    ]);
    expect(
      suggestLoopSlots({ ...input, candidateTimeZone: "America/Los_Angeles" }).map((s) => s.start.toISOString()),
    ).toEqual([`${MONDAY}T22:00:00.000Z`]);

    // 08:30 in Kolkata (UTC+05:30): hourly starts fall on the candidate's hour, 09:00 local.
    const kolkata = base({
      candidate: { available: [iv(`${MONDAY}T03:00Z`, `${MONDAY}T08:00Z`)], busy: [] },
      interviewers: [person("x", { available: [iv(`${MONDAY}T00:00Z`, "2026-03-17T00:00Z")] })],
      now: new Date(`${MONDAY}T00:00Z`),
      stepMin: 60,
      candidateTimeZone: "Asia/Kolkata",
    });
    expect(suggestLoopSlots(kolkata)[0]?.start.toISOString()).toBe(`${MONDAY}T03:30:00.000Z`);
  });

  it("finds a Berlin interviewer and a Los Angeles candidate a common time", () => {
    const range = iv(`${MONDAY}T00:00Z`, "2026-03-21T00:00Z");
    const suggestions = suggestLoopSlots({
      rounds: [{ key: "coding", durationMin: 60, pool: ["berlin"] }],
      candidate: {
        available: expandAvailability({
          timeZone: "America/Los_Angeles",
          weekly: buildWeekdays("08:00", "17:00"),
          exceptions: [],
          range,
        }),
        busy: [],
      },
      interviewers: [
        person("berlin", {
          timeZone: "Europe/Berlin",
          available: expandAvailability({
            timeZone: "Europe/Berlin",
            weekly: buildWeekdays("09:00", "18:00"),
            exceptions: [],
            range,
          }),
        }),
      ],
      range,
      now: new Date(`${MONDAY}T00:00Z`),
      breakMin: 10,
      candidateTimeZone: "America/Los_Angeles",
    });
    expect(suggestions.map((s) => s.start.toISOString())).toEqual(
      ["16", "17", "18", "19", "20"].map((d) => `2026-03-${d}T15:00:00.000Z`),
    );
  });

  it.each<[string, Partial<SuggestLoopSlotsInput>]>([
    ["no rounds", { rounds: [] }],
    ["an empty pool", { rounds: [{ key: "coding", durationMin: 60, pool: [] }] }],
    ["a pool of unknown ids", { rounds: [{ key: "coding", durationMin: 60, pool: ["ghost"] }] }],
    [
      "an interviewer free only outside the candidate's hours",
      { interviewers: [person("x", { available: [iv(`${MONDAY}T17:00Z`, `${MONDAY}T23:00Z`)] })] },
    ],
    ["a loop longer than the candidate's day", { rounds: [{ key: "marathon", durationMin: 9 * 60, pool: ["x"] }] }],
    [
      "maxGapMin below breakMin",
      {
        rounds: [
          { key: "a", durationMin: 30, pool: ["x"] },
          { key: "b", durationMin: 30, pool: ["x"] },
        ],
        breakMin: 30,
        maxGapMin: 15,
      },
    ],
    ["now after the candidate's availability", { now: new Date(`${MONDAY}T16:30Z`) }],
    ["every interviewer at cap", { interviewers: [person("x", { weeklyCap: 3, bookedByWeek: { "2026-W12": 3 } })] }],
  ])("returns [] with %s", (_name, extra) => {
    expect(suggestLoopSlots(base(extra))).toEqual([]);
  });

  it.each<[string, Partial<SuggestLoopSlotsInput>]>([
    ["a zero step", { stepMin: 0 }],
    ["a negative break", { breakMin: -5 }],
    ["a zero-length round", { rounds: [{ key: "coding", durationMin: 0, pool: ["x"] }] }],
    ["an unknown candidate zone", { candidateTimeZone: "Nowhere/Special" }],
  ])("rejects %s", (_name, extra) => {
    expect(() => suggestLoopSlots(base(extra))).toThrow(RangeError);
  });
});
