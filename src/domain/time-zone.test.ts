import { describe, expect, it } from "vitest";
import { formatInZone, isTimeZone, personZone, timeZoneList } from "./time-zone";
import { fromZonedInput, toZonedInput } from "./zoned-input";

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
  });
});
