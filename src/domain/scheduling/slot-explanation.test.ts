import { describe, expect, it } from "vitest";
import { expandAvailability, type DateException } from "./availability";
import { isoWeekKey } from "./zones";
import { explainNoFit, type ExplainInput } from "./slot-explanation";

const now = new Date("2026-12-07T00:00:00Z"); // a Monday
const range = { start: now, end: new Date("2026-12-12T00:00:00Z") };
const hours = (timeZone: string, start: string, end: string, exceptions: DateException[] = []) =>
  expandAvailability({
    timeZone,
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end })),
    exceptions,
    range,
  });

function input(over: Partial<ExplainInput> = {}): ExplainInput {
  return {
    rounds: [{ key: "r1", durationMin: 60, pool: ["ana"] }],
    candidate: { available: hours("America/New_York", "09:00", "17:00"), busy: [] },
    interviewers: [
      {
        id: "ana",
        timeZone: "Europe/Berlin",
        available: hours("Europe/Berlin", "09:00", "17:00"),
        busy: [],
        weeklyCap: null,
        bookedByWeek: {},
      },
    ],
    range,
    now,
    breakMin: 15,
    roundNames: { r1: "Coding", r2: "System design" },
    interviewerNames: { ana: "Ana", ben: "Ben" },
    ...over,
  };
}

const why = (x: ReturnType<typeof explainNoFit>) => x.rounds.flatMap((r) => r.reasons.map((reason) => reason.why));

describe("why no slot fits", () => {
  it("names a round nobody is qualified for, and says where to fix it", () => {
    const x = explainNoFit(input({ rounds: [{ key: "r1", durationMin: 60, pool: [] }] }));
    expect(why(x)).toEqual(["Coding: nobody is qualified to run it."]);
    expect(x.rounds[0]!.reasons[0]!.fix).toMatch(/Interviewers page/);
  });

  it("the candidate has no time at all (every day off)", () => {
    const off: DateException[] = [7, 8, 9, 10, 11].map((d) => ({
      date: `2026-12-${String(d).padStart(2, "0")}`,
      available: false,
    }));
    const x = explainNoFit(
      input({ candidate: { available: hours("America/New_York", "09:00", "17:00", off), busy: [] } }),
    );
    expect(why(x)[0]).toMatch(/the candidate has no free stretch of 60 minutes/);
  });

  it("an interviewer's hours never overlap the candidate's, or overlap too briefly", () => {
    const never = explainNoFit(
      input({
        interviewers: [
          {
            id: "ana",
            timeZone: "Asia/Tokyo",
            available: hours("Asia/Tokyo", "09:00", "12:00"),
            busy: [],
            weeklyCap: null,
            bookedByWeek: {},
          },
        ],
      }),
    );
    expect(why(never)).toEqual(["Coding: Ana's hours (Asia/Tokyo) never overlap the candidate's."]);
    // Berlin 09:00–15:30 is New York 03:00–09:30: thirty minutes together.
    const brief = explainNoFit(
      input({
        interviewers: [
          {
            id: "ana",
            timeZone: "Europe/Berlin",
            available: hours("Europe/Berlin", "09:00", "15:30"),
            busy: [],
            weeklyCap: null,
            bookedByWeek: {},
          },
        ],
      }),
    );
    expect(why(brief)).toEqual([
      "Coding: Ana's hours (Europe/Berlin) overlap the candidate's for at most 30 minutes; the round needs 60.",
    ]);
  });

  it("an interviewer with days off all week, and one at their weekly cap", () => {
    const off: DateException[] = [7, 8, 9, 10, 11].map((d) => ({
      date: `2026-12-${String(d).padStart(2, "0")}`,
      available: false,
    }));
    const x = explainNoFit(
      input({
        interviewers: [
          {
            id: "ana",
            timeZone: "Europe/Berlin",
            available: hours("Europe/Berlin", "09:00", "17:00", off),
            busy: [],
            weeklyCap: null,
            bookedByWeek: {},
          },
        ],
      }),
    );
    expect(why(x)[0]).toMatch(/Ana has no free 60 minutes/);
    const week = isoWeekKey(new Date("2026-12-08T15:00:00Z"), "America/New_York");
    const capped = explainNoFit(
      input({
        interviewers: [
          {
            id: "ana",
            timeZone: "America/New_York",
            available: hours("America/New_York", "09:00", "17:00"),
            busy: [],
            weeklyCap: 2,
            bookedByWeek: { [week]: 2 },
          },
        ],
      }),
    );
    expect(why(capped)).toEqual([
      "Coding: Ana is at their weekly cap of 2 rounds in every week they share time with the candidate.",
    ]);
    expect(capped.rounds[0]!.reasons[0]!.fix).toMatch(/Raise Ana's weekly cap/);
  });

  it("every round fits alone but not together: says so for the loop", () => {
    const x = explainNoFit(
      input({
        rounds: [
          { key: "r1", durationMin: 120, pool: ["ana"] },
          { key: "r2", durationMin: 120, pool: ["ana"] },
        ],
        candidate: { available: hours("America/New_York", "09:00", "12:00"), busy: [] },
        interviewers: [
          {
            id: "ana",
            timeZone: "America/New_York",
            available: hours("America/New_York", "08:00", "18:00"),
            busy: [],
            weeklyCap: null,
            bookedByWeek: {},
          },
        ],
      }),
    );
    expect(why(x)).toEqual([]);
    expect(x.loop).toMatch(/Each round fits on its own, but not all 2 in one sitting/);
  });

  it("flags interviewers on assumed hours next to a blocked round", () => {
    const x = explainNoFit(
      input({
        defaultHours: ["ana"],
        interviewers: [
          {
            id: "ana",
            timeZone: "Asia/Tokyo",
            available: hours("Asia/Tokyo", "09:00", "17:00"),
            busy: [],
            weeklyCap: null,
            bookedByWeek: {},
          },
        ],
      }),
    );
    expect(why(x)[1]).toMatch(/Ana never set their own hours/);
  });
});
