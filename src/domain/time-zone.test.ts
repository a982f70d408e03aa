import { describe, expect, it } from "vitest";
import { formatInZone, isTimeZone, personZone, timeZoneList } from "./time-zone";
import { fromZonedInput, toZonedInput } from "./zoned-input";
import { DateTime } from "luxon";

describe("time zones", () => {
  it("writes the same instant as each viewer's wall time with the zone's abbreviation, whatever the process zone", () => {
    const at = new Date("2026-12-07T14:00:00Z");
    expect(formatInZone(at, "America/New_York")).toBe("Dec 7, 2026, 9:00 AM EST");
    expect(formatInZone(at, "America/Los_Angeles", "time")).toBe("6:00 AM PST");
    expect(formatInZone(at, "Europe/Berlin", "long")).toMatch(/^Mon, Dec 7, 2026, 3:00 PM GMT\+1$/);
    expect(formatInZone("2026-07-01T12:00:00Z", "America/New_York", "short")).toBe("Jul 1, 8:00 AM EDT");
    expect(formatInZone(at, "Asia/Tokyo", "date")).toBe("Dec 7, 2026");
  });

  it("crosses daylight saving by the instant, not by the viewer's clock", () => {
    expect(formatInZone("2026-03-08T06:30:00Z", "America/New_York", "time")).toBe("1:30 AM EST");
    expect(formatInZone("2026-03-08T07:30:00Z", "America/New_York", "time")).toBe("3:30 AM EDT");
  });

  it("a person's zone: their own, else the workspace's, else UTC; invalid zones never reach Intl", () => {
    expect(personZone("America/New_York", "Europe/Berlin")).toBe("America/New_York");
    expect(personZone(null, "Europe/Berlin")).toBe("Europe/Berlin");
    expect(personZone("Mars/Olympus", "Nowhere")).toBe("UTC");
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(formatInZone("2026-12-07T14:00:00Z", "Mars/Olympus", "time")).toBe("2:00 PM UTC");
    expect(timeZoneList("Asia/Kolkata")[0]).toBe("Asia/Kolkata");
  });
});

describe("datetime fields in the viewer's zone", () => {
  it("shows and reads wall time in the given zone, not the process's", () => {
    const at = new Date("2026-12-07T14:00:00Z");
    expect(toZonedInput(at, "America/New_York")).toBe("2026-12-07T09:00");
    expect(toZonedInput(at, "Asia/Tokyo")).toBe("2026-12-07T23:00");
    expect(fromZonedInput("2026-12-07T09:00", "America/New_York")!.toISOString()).toBe(at.toISOString());
    expect(fromZonedInput("not a time", "UTC")).toBeNull();
    expect(toZonedInput(null, "UTC")).toBe("");
    expect(fromZonedInput("2026-02-30T09:00", "UTC")).toBeNull();
    expect(fromZonedInput("2026-12-07T24:00", "UTC")).toBeNull();
  });

  // The days 2026's clocks change (one hour in New York, London, Sydney; half an hour on Lord Howe), and a
  // zone without changes. Every quarter hour of the change's local day, and of the 24 hours (UTC) around it.
  const changes: [string, string][] = [
    ["America/New_York", "2026-03-08"],
    ["America/New_York", "2026-11-01"],
    ["Europe/London", "2026-03-29"],
    ["Europe/London", "2026-10-25"],
    ["Australia/Sydney", "2026-04-05"],
    ["Australia/Sydney", "2026-10-04"],
    ["Australia/Lord_Howe", "2026-04-05"],
    ["Australia/Lord_Howe", "2026-10-04"],
    ["Asia/Kolkata", "2026-03-08"],
  ];
  const quarterHours = (from: number) => Array.from({ length: 96 }, (_, i) => from + i * 900_000);
  const day0 = (day: string) => Date.parse(`${day}T00:00:00Z`);
  const wallOf = (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

  it("writes every instant around the clock changes as luxon does", () => {
    const wrong: string[] = [];
    for (const [zone, day] of changes)
      for (const at of quarterHours(day0(day) - 43_200_000))
        if (toZonedInput(new Date(at), zone) !== wallOf(at, zone)) wrong.push(`${zone} ${new Date(at).toISOString()}`);
    expect(wrong).toEqual([]);
  }, 30_000);

  it("reads every wall time as luxon does; a skipped one moves past the gap, a repeated one is the first", () => {
    const wrong: string[] = [];
    for (const [zone, day] of changes) {
      for (const wall of quarterHours(day0(day))) {
        const value = new Date(wall).toISOString().slice(0, 16);
        const ours = fromZonedInput(value, zone)?.getTime();
        const theirs = DateTime.fromISO(value, { zone }).toMillis();
        // A repeated wall time: luxon reads it with the offset of the current date; ours is the first of the two.
        const readings = [-3_600_000, -1_800_000, 0, 1_800_000, 3_600_000]
          .map((d) => theirs + d)
          .filter((at) => wallOf(at, zone) === value);
        const expected = readings.length > 1 ? Math.min(...readings) : theirs;
        if (ours !== expected) wrong.push(`${zone} ${value}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 30_000);
});
