import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  type DateException,
  expandAvailability,
  findConflicts,
  type InterviewerSlotInput,
  type Interval,
  intersectIntervals,
  isoWeekKey,
  LOAD_WEIGHT_HOURS,
  DAY_SPLIT_PENALTY_HOURS,
  mergeIntervals,
  overlaps,
  type SlotSuggestion,
  subtractIntervals,
  suggestLoopSlots,
  type SuggestLoopSlotsInput,
  type WeeklyWindow,
} from "./scheduling";

const iv = (start: string, end: string): Interval => ({ start: new Date(start), end: new Date(end) });
const show = (intervals: Interval[]): [string, string][] =>
  intervals.map((i) => [i.start.toISOString().replace(".000", ""), i.end.toISOString().replace(".000", "")]);
const measureHours = (i: Interval): number => (i.end.getTime() - i.start.getTime()) / 3_600_000;
const buildWeekdays = (start: string, end: string): WeeklyWindow[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));

it("runs in a non-UTC machine zone, so these tests catch reliance on it", () => {
  expect(new Date("2026-01-15T12:00:00Z").getTimezoneOffset()).not.toBe(0);
});

describe("overlaps", () => {
  it.each([
    ["overlapping", true, iv("2026-03-16T09:00Z", "2026-03-16T10:00Z"), iv("2026-03-16T09:30Z", "2026-03-16T10:30Z")],
    ["contained", true, iv("2026-03-16T09:00Z", "2026-03-16T12:00Z"), iv("2026-03-16T10:00Z", "2026-03-16T11:00Z")],
    ["identical", true, iv("2026-03-16T09:00Z", "2026-03-16T10:00Z"), iv("2026-03-16T09:00Z", "2026-03-16T10:00Z")],
    [
      "touching (a before b)",
      false,
      iv("2026-03-16T09:00Z", "2026-03-16T10:00Z"),
      iv("2026-03-16T10:00Z", "2026-03-16T11:00Z"),
    ],
    [
      "touching (b before a)",
      false,
      iv("2026-03-16T10:00Z", "2026-03-16T11:00Z"),
      iv("2026-03-16T09:00Z", "2026-03-16T10:00Z"),
    ],
    ["disjoint", false, iv("2026-03-16T09:00Z", "2026-03-16T10:00Z"), iv("2026-03-16T11:00Z", "2026-03-16T12:00Z")],
    [
      "one millisecond of overlap",
      true,
      iv("2026-03-16T09:00Z", "2026-03-16T10:00:00.001Z"),
      iv("2026-03-16T10:00Z", "2026-03-16T11:00Z"),
    ],
    [
      "empty inside another",
      false,
      iv("2026-03-16T09:30Z", "2026-03-16T09:30Z"),
      iv("2026-03-16T09:00Z", "2026-03-16T10:00Z"),
    ],
  ])("%s → %s", (_name, expected, a, b) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe("mergeIntervals", () => {
  it.each([
    ["nothing", [], []],
    [
      "unsorted, overlapping and touching",
      [
        iv("2026-03-16T13:00Z", "2026-03-16T14:00Z"),
        iv("2026-03-16T09:00Z", "2026-03-16T10:00Z"),
        iv("2026-03-16T09:30Z", "2026-03-16T11:00Z"),
        iv("2026-03-16T11:00Z", "2026-03-16T12:00Z"),
      ],
      [
        ["09:00", "12:00"],
        ["13:00", "14:00"],
      ],
    ],
    [
      "nested",
      [iv("2026-03-16T09:00Z", "2026-03-16T17:00Z"), iv("2026-03-16T10:00Z", "2026-03-16T11:00Z")],
      [["09:00", "17:00"]],
    ],
    [
      "drops empty and inverted",
      [iv("2026-03-16T09:00Z", "2026-03-16T09:00Z"), iv("2026-03-16T10:00Z", "2026-03-16T09:00Z")],
      [],
    ],
  ])("%s", (_name, input, expected) => {
    expect(show(mergeIntervals(input))).toEqual(
      expected.map(([s, e]) => [`2026-03-16T${s}:00Z`, `2026-03-16T${e}:00Z`]),
    );
  });

  it("leaves its input untouched", () => {
    const input = [iv("2026-03-16T10:00Z", "2026-03-16T12:00Z"), iv("2026-03-16T09:00Z", "2026-03-16T11:00Z")];
    mergeIntervals(input);
    expect(show(input)).toEqual([
      ["2026-03-16T10:00:00Z", "2026-03-16T12:00:00Z"],
      ["2026-03-16T09:00:00Z", "2026-03-16T11:00:00Z"],
    ]);
  });
});

describe("subtractIntervals", () => {
  const day = [iv("2026-03-16T09:00Z", "2026-03-16T17:00Z")];
  it.each([
    [
      "a hole in the middle",
      day,
      [iv("2026-03-16T12:00Z", "2026-03-16T13:00Z")],
      [
        ["09:00", "12:00"],
        ["13:00", "17:00"],
      ],
    ],
    [
      "busy over both ends",
      day,
      [iv("2026-03-16T08:00Z", "2026-03-16T10:00Z"), iv("2026-03-16T16:00Z", "2026-03-16T18:00Z")],
      [["10:00", "16:00"]],
    ],
    ["busy covering everything", day, [iv("2026-03-16T00:00Z", "2026-03-17T00:00Z")], []],
    [
      "busy only touching",
      day,
      [iv("2026-03-16T08:00Z", "2026-03-16T09:00Z"), iv("2026-03-16T17:00Z", "2026-03-16T18:00Z")],
      [["09:00", "17:00"]],
    ],
    [
      "unsorted, overlapping busy",
      day,
      [
        iv("2026-03-16T14:00Z", "2026-03-16T15:00Z"),
        iv("2026-03-16T10:00Z", "2026-03-16T11:00Z"),
        iv("2026-03-16T10:30Z", "2026-03-16T11:30Z"),
      ],
      [
        ["09:00", "10:00"],
        ["11:30", "14:00"],
        ["15:00", "17:00"],
      ],
    ],
    [
      "one busy across two free",
      [iv("2026-03-16T09:00Z", "2026-03-16T11:00Z"), iv("2026-03-16T12:00Z", "2026-03-16T14:00Z")],
      [iv("2026-03-16T10:00Z", "2026-03-16T13:00Z")],
      [
        ["09:00", "10:00"],
        ["13:00", "14:00"],
      ],
    ],
    ["nothing busy", day, [], [["09:00", "17:00"]]],
  ])("%s", (_name, free, busy, expected) => {
    expect(show(subtractIntervals(free, busy))).toEqual(
      expected.map(([s, e]) => [`2026-03-16T${s}:00Z`, `2026-03-16T${e}:00Z`]),
    );
  });
});

describe("findConflicts", () => {
  it("returns the ids that overlap, not those that only touch", () => {
    const existing = [
      { id: "before-touching", ...iv("2026-03-16T09:00Z", "2026-03-16T10:00Z") },
      { id: "inside", ...iv("2026-03-16T10:00Z", "2026-03-16T11:00Z") },
      { id: "straddling-end", ...iv("2026-03-16T11:30Z", "2026-03-16T12:30Z") },
      { id: "after-touching", ...iv("2026-03-16T12:00Z", "2026-03-16T13:00Z") },
      { id: "around", ...iv("2026-03-16T08:00Z", "2026-03-16T18:00Z") },
    ];
    expect(findConflicts(existing, iv("2026-03-16T10:00Z", "2026-03-16T12:00Z"))).toEqual([
      "inside",
      "straddling-end",
      "around",
    ]);
    expect(findConflicts(existing.slice(0, 1), iv("2026-03-16T10:00Z", "2026-03-16T12:00Z"))).toEqual([]);
  });
});

describe("expandAvailability", () => {
  // Each date is a Sunday; a Sunday-only weekly window and a range of that day ± 12 h select just it.
  const expandSunday = (timeZone: string, date: string, start: string, end: string): Interval[] => {
    const midnight = Date.parse(`${date}T00:00:00Z`);
    return expandAvailability({
      timeZone,
      weekly: [{ weekday: 7, start, end }],
      exceptions: [],
      range: { start: new Date(midnight - 12 * 3_600_000), end: new Date(midnight + 36 * 3_600_000) },
    });
  };

  it.each([
    ["America/Los_Angeles", "2026-03-01", "09:00", "17:00", "2026-03-01T17:00:00Z", "2026-03-02T01:00:00Z", 8],
    ["America/Los_Angeles", "2026-03-08", "09:00", "17:00", "2026-03-08T16:00:00Z", "2026-03-09T00:00:00Z", 8],
    ["America/Los_Angeles", "2026-03-08", "01:00", "04:00", "2026-03-08T09:00:00Z", "2026-03-08T11:00:00Z", 2],
    ["America/Los_Angeles", "2026-03-08", "02:30", "05:00", "2026-03-08T10:30:00Z", "2026-03-08T12:00:00Z", 1.5],
    ["America/Los_Angeles", "2026-03-08", "00:00", "24:00", "2026-03-08T08:00:00Z", "2026-03-09T07:00:00Z", 23],
    ["America/Los_Angeles", "2026-10-25", "09:00", "17:00", "2026-10-25T16:00:00Z", "2026-10-26T00:00:00Z", 8],
    ["America/Los_Angeles", "2026-11-01", "09:00", "17:00", "2026-11-01T17:00:00Z", "2026-11-02T01:00:00Z", 8],
    ["America/Los_Angeles", "2026-11-01", "01:00", "04:00", "2026-11-01T08:00:00Z", "2026-11-01T12:00:00Z", 4],
    ["America/Los_Angeles", "2026-11-01", "00:00", "24:00", "2026-11-01T07:00:00Z", "2026-11-02T08:00:00Z", 25],
    ["Europe/Berlin", "2026-03-22", "09:00", "17:00", "2026-03-22T08:00:00Z", "2026-03-22T16:00:00Z", 8],
    ["Europe/Berlin", "2026-03-29", "09:00", "17:00", "2026-03-29T07:00:00Z", "2026-03-29T15:00:00Z", 8],
    ["Europe/Berlin", "2026-03-29", "01:00", "04:00", "2026-03-29T00:00:00Z", "2026-03-29T02:00:00Z", 2],
    ["Europe/Berlin", "2026-10-18", "09:00", "17:00", "2026-10-18T07:00:00Z", "2026-10-18T15:00:00Z", 8],
    ["Europe/Berlin", "2026-10-25", "09:00", "17:00", "2026-10-25T08:00:00Z", "2026-10-25T16:00:00Z", 8],
    ["Europe/Berlin", "2026-10-25", "01:00", "04:00", "2026-10-24T23:00:00Z", "2026-10-25T03:00:00Z", 4],
    // 02:30 happens twice; the window starts at its first occurrence (CEST).
    ["Europe/Berlin", "2026-10-25", "02:30", "03:30", "2026-10-25T00:30:00Z", "2026-10-25T02:30:00Z", 2],
  ])("%s %s %s–%s → %s – %s (%s h)", (zone, date, start, end, expectedStart, expectedEnd, length) => {
    const result = expandSunday(zone, date, start, end);
    expect(show(result)).toEqual([[expectedStart, expectedEnd]]);
    expect(result.map(measureHours)).toEqual([length]);
  });

  it("drops a window that lies wholly in the hour skipped by spring-forward", () => {
    expect(expandSunday("America/Los_Angeles", "2026-03-08", "02:00", "03:00")).toEqual([]);
  });

  it("joins a window ending at 24:00 with one starting at 00:00 the next day", () => {
    const result = expandAvailability({
      timeZone: "Europe/Berlin",
      weekly: [
        { weekday: 1, start: "22:00", end: "24:00" },
        { weekday: 2, start: "00:00", end: "02:00" },
      ],
      exceptions: [],
      range: iv("2026-03-16T00:00Z", "2026-03-18T00:00Z"),
    });
    expect(show(result)).toEqual([["2026-03-16T21:00:00Z", "2026-03-17T01:00:00Z"]]);
  });

  it("clips to the range", () => {
    const result = expandAvailability({
      timeZone: "UTC",
      weekly: buildWeekdays("09:00", "17:00"),
      exceptions: [],
      range: iv("2026-03-16T12:00Z", "2026-03-17T10:00Z"),
    });
    expect(show(result)).toEqual([
      ["2026-03-16T12:00:00Z", "2026-03-16T17:00:00Z"],
      ["2026-03-17T09:00:00Z", "2026-03-17T10:00:00Z"],
    ]);
  });

  it("honours exceptions: a day off, and a day with other windows", () => {
    const exceptions: DateException[] = [
      { date: "2026-03-17", available: false },
      {
        date: "2026-03-18",
        available: true,
        windows: [
          { start: "13:00", end: "15:00" },
          { start: "16:00", end: "18:00" },
        ],
      },
      // Saturday has no weekly windows; an exception can still open it.
      { date: "2026-03-21", available: true, windows: [{ start: "10:00", end: "12:00" }] },
    ];
    const result = expandAvailability({
      timeZone: "Europe/Berlin",
      weekly: buildWeekdays("09:00", "17:00"),
      exceptions,
      range: iv("2026-03-16T00:00Z", "2026-03-23T00:00Z"),
    });
    expect(show(result)).toEqual([
      ["2026-03-16T08:00:00Z", "2026-03-16T16:00:00Z"],
      ["2026-03-18T12:00:00Z", "2026-03-18T14:00:00Z"],
      ["2026-03-18T15:00:00Z", "2026-03-18T17:00:00Z"],
      ["2026-03-19T08:00:00Z", "2026-03-19T16:00:00Z"],
      ["2026-03-20T08:00:00Z", "2026-03-20T16:00:00Z"],
      ["2026-03-21T09:00:00Z", "2026-03-21T11:00:00Z"],
    ]);
  });

  it("finds where a Berlin interviewer and a Los Angeles candidate overlap, which DST shifts", () => {
    const findOverlap = (range: Interval): Interval[] =>
      intersectIntervals(
        expandAvailability({
          timeZone: "Europe/Berlin",
          weekly: buildWeekdays("09:00", "18:00"),
          exceptions: [],
          range,
        }),
        expandAvailability({
          timeZone: "America/Los_Angeles",
          weekly: buildWeekdays("08:00", "17:00"),
          exceptions: [],
          range,
        }),
      );
    // Los Angeles is on PDT from 8 March, Berlin on CEST only from 29 March: 8 hours apart, then 9.
    expect(show(findOverlap(iv("2026-03-16T00:00Z", "2026-03-21T00:00Z")))).toEqual(
      ["16", "17", "18", "19", "20"].map((d) => [`2026-03-${d}T15:00:00Z`, `2026-03-${d}T17:00:00Z`]),
    );
    expect(show(findOverlap(iv("2026-04-06T00:00Z", "2026-04-08T00:00Z")))).toEqual(
      ["06", "07"].map((d) => [`2026-04-${d}T15:00:00Z`, `2026-04-${d}T16:00:00Z`]),
    );
  });

  it.each([
    ["an unknown zone", { timeZone: "Mars/Olympus", weekly: [] }],
    ["a malformed time", { timeZone: "UTC", weekly: [{ weekday: 1, start: "9:00", end: "17:00" }] }],
    ["a window ending before it starts", { timeZone: "UTC", weekly: [{ weekday: 1, start: "17:00", end: "09:00" }] }],
    ["a weekday out of range", { timeZone: "UTC", weekly: [{ weekday: 8, start: "09:00", end: "17:00" }] }],
    ["a time past 24:00", { timeZone: "UTC", weekly: [{ weekday: 1, start: "09:00", end: "24:30" }] }],
  ])("rejects %s", (_name, input) => {
    expect(() =>
      expandAvailability({ ...input, exceptions: [], range: iv("2026-03-16T00:00Z", "2026-03-17T00:00Z") }),
    ).toThrow(RangeError);
  });

  it("rejects an impossible exception date", () => {
    expect(() =>
      expandAvailability({
        timeZone: "UTC",
        weekly: [],
        exceptions: [{ date: "2026-02-30", available: false }],
        range: iv("2026-03-16T00:00Z", "2026-03-17T00:00Z"),
      }),
    ).toThrow(RangeError);
  });
});

describe("isoWeekKey", () => {
  it.each([
    ["2025-12-28T23:59:00Z", "UTC", "2025-W52"],
    ["2025-12-29T00:00:00Z", "UTC", "2026-W01"],
    ["2026-01-01T12:00:00Z", "UTC", "2026-W01"],
    ["2026-03-16T12:00:00Z", "UTC", "2026-W12"],
    ["2026-12-31T12:00:00Z", "UTC", "2026-W53"],
    ["2027-01-03T12:00:00Z", "UTC", "2026-W53"],
    ["2027-01-04T00:00:00Z", "UTC", "2027-W01"],
    // The same instant falls in different weeks in different zones.
    ["2027-01-03T23:30:00Z", "Europe/Berlin", "2027-W01"],
    ["2027-01-04T03:00:00Z", "America/Los_Angeles", "2026-W53"],
    ["2026-01-04T23:30:00Z", "Asia/Tokyo", "2026-W02"],
  ])("%s in %s → %s", (at, zone, expected) => {
    expect(isoWeekKey(new Date(at), zone)).toBe(expected);
  });

  it("agrees with luxon's ISO weeks on every day around two decades of new years", () => {
    for (let year = 2015; year <= 2035; year++) {
      for (let at = Date.UTC(year - 1, 11, 20, 12); at < Date.UTC(year, 0, 12); at += 86_400_000) {
        const local = DateTime.fromMillis(at, { zone: "Pacific/Auckland" });
        expect(isoWeekKey(new Date(at), "Pacific/Auckland")).toBe(
          `${local.weekYear}-W${String(local.weekNumber).padStart(2, "0")}`,
        );
      }
    }
  });
});

describe("suggestLoopSlots", () => {
  // Monday 16 March 2026 (ISO week 2026-W12), everyone in UTC unless a test says otherwise.
  const MONDAY = "2026-03-16";
  const person = (id: string, extra: Partial<InterviewerSlotInput> = {}): InterviewerSlotInput => ({
    id,
    timeZone: "UTC",
    available: [iv(`${MONDAY}T08:00Z`, `${MONDAY}T18:00Z`)],
    busy: [],
    weeklyCap: null,
    bookedByWeek: {},
    ...extra,
  });
  const base = (extra: Partial<SuggestLoopSlotsInput>): SuggestLoopSlotsInput => ({
    rounds: [{ key: "coding", durationMin: 60, pool: ["x"] }],
    candidate: { available: [iv(`${MONDAY}T09:00Z`, `${MONDAY}T17:00Z`)], busy: [] },
    interviewers: [person("x")],
    range: iv(`${MONDAY}T00:00Z`, "2026-03-30T00:00Z"),
    now: new Date(`${MONDAY}T08:00Z`),
    breakMin: 15,
    ...extra,
  });
  const describePlan = (s: SlotSuggestion | undefined) =>
    s?.rounds.map(
      (r) => `${r.key} ${r.start.toISOString().slice(11, 16)}-${r.end.toISOString().slice(11, 16)} ${r.interviewerId}`,
    );

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
