import { describe, expect, it } from "vitest";
import { CalendarFileError, parseBusyTimes } from "./busy-import";

const window = { start: new Date("2026-12-07T00:00:00Z"), end: new Date("2026-12-21T00:00:00Z") };

const ics = (events: string[]) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...events, "END:VCALENDAR"].join("\r\n");
const event = (lines: string[]) =>
  ["BEGIN:VEVENT", `UID:${Math.random()}@test`, "DTSTAMP:20261201T000000Z", ...lines, "END:VEVENT"].join("\r\n");

describe("busy times from a calendar file", () => {
  it("reads one-off, recurring, all-day, free and cancelled events", () => {
    const text = ics([
      event(["DTSTART:20261208T140000Z", "DTEND:20261208T150000Z", "SUMMARY:Dentist"]),
      // Every Wednesday 10:00–11:00 New York time, twice.
      event([
        "DTSTART;TZID=America/New_York:20261209T100000",
        "DTEND;TZID=America/New_York:20261209T110000",
        "RRULE:FREQ=WEEKLY;COUNT=2",
        "SUMMARY:Standup",
      ]),
      event(["DTSTART;VALUE=DATE:20261211", "DTEND;VALUE=DATE:20261212", "SUMMARY:Holiday"]),
      event(["DTSTART:20261214T090000Z", "DTEND:20261214T100000Z", "TRANSP:TRANSPARENT", "SUMMARY:Focus (free)"]),
      event(["DTSTART:20261215T090000Z", "DTEND:20261215T100000Z", "STATUS:CANCELLED", "SUMMARY:Called off"]),
      event(["DTSTART:20270115T090000Z", "DTEND:20270115T100000Z", "SUMMARY:Outside the window"]),
      // A Berlin wall time: 09:00 CET is 08:00 UTC, whatever zone the server or the person is in.
      event([
        "DTSTART;TZID=Europe/Berlin:20261218T090000",
        "DTEND;TZID=Europe/Berlin:20261218T093000",
        "SUMMARY:Call with Berlin",
      ]),
    ]);
    const busy = parseBusyTimes(text, window, "America/New_York").map(
      (b) => `${b.start.toISOString()} ${b.end.toISOString()}`,
    );
    expect(busy).toEqual([
      "2026-12-08T14:00:00.000Z 2026-12-08T15:00:00.000Z",
      "2026-12-09T15:00:00.000Z 2026-12-09T16:00:00.000Z",
      "2026-12-11T05:00:00.000Z 2026-12-12T05:00:00.000Z", // the whole day in New York
      "2026-12-16T15:00:00.000Z 2026-12-16T16:00:00.000Z",
      "2026-12-18T08:00:00.000Z 2026-12-18T08:30:00.000Z",
    ]);
  });

  it("refuses what is not a calendar, with a message a person can act on", () => {
    expect(() => parseBusyTimes("hello", window, "UTC")).toThrow(CalendarFileError);
    expect(() => parseBusyTimes("x".repeat(2_000_001), window, "UTC")).toThrow(/larger than/);
  });

  // Found while fuzzing the import: ical.js threw plain errors while reading these, and the import answered 500.
  it.each([
    ["DTSTART:garbage"],
    ["DTSTART:20261208T140000Z", "DTEND:garbage"],
    ["DTSTART:20261208T140000Z", "DURATION:garbage"],
    ["DTSTART:20261208T140000Z", "RRULE:garbage"],
    ["DTSTART:20261208T140000Z", "RRULE:FREQ=DAILY;UNTIL=garbage"],
    ["DTSTART:20261208T140000Z", "EXDATE:garbage", "RRULE:FREQ=DAILY"],
    ["DTSTART:20261208T140000Z", "RDATE:garbage"],
  ])("refuses an event it cannot read (%s …) with a CalendarFileError that says what to do", (...lines) => {
    const text = ics([event([...lines, "SUMMARY:Broken"])]);
    expect(() => parseBusyTimes(text, window, "UTC")).toThrow(CalendarFileError);
    expect(() => parseBusyTimes(text, window, "UTC")).toThrow(
      /^An event in the calendar file \("Broken"\) has a date, duration or repeat rule we cannot read \(.+\)\. Export your calendar as \.ics again and try again\.$/,
    );
  });

  // Found while fuzzing the import: ical.js looked for the next occurrence of these forever, freezing the process.
  it.each([["RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"], ["RRULE:FREQ=HOURLY;BYMONTH=4;BYMONTHDAY=31"]])(
    "refuses a repeat rule that can never match (%s) after about MAX_RECURRENCE_MS",
    (rule) => {
      const started = performance.now();
      const text = ics([event(["DTSTART:20261208T140000Z", "DTEND:20261208T150000Z", rule])]);
      expect(() => parseBusyTimes(text, window, "UTC")).toThrow(
        /^A repeating event in the calendar file has a repeat rule that never \(or too rarely\) matches a date\./,
      );
      expect(performance.now() - started).toBeLessThan(5_000);
    },
    20_000,
  );

  it("still reads a busy rule that needs many steps (every Monday, by the minute, within office hours)", () => {
    const text = ics([
      event([
        "DTSTART:20261207T090000Z",
        "DTEND:20261207T090100Z",
        "RRULE:FREQ=MINUTELY;INTERVAL=30;BYDAY=MO;BYHOUR=9,10,11;COUNT=12",
      ]),
    ]);
    expect(parseBusyTimes(text, window, "UTC")).toHaveLength(12);
  });
});
