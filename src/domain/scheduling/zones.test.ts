import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isoWeekKey } from "./zones";

it("runs in a non-UTC machine zone, so these tests catch reliance on it", () => {
  expect(new Date("2026-01-15T12:00:00Z").getTimezoneOffset()).not.toBe(0);
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
