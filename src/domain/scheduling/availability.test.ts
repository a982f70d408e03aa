import { describe, expect, it } from "vitest";
import { expandAvailability, type DateException } from "./availability";
import { intersectIntervals, type Interval } from "./intervals";
import { buildWeekdays, iv, measureHours, show } from "./test-fixtures";

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
