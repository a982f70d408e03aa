import { DateTime, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/domain/calendar-day";
import { wallClock } from "@/domain/zoned-input";
import { formatDay, placeEvents, rangeLabel, weekStartIn } from "./week-layout";

// luxon (the server's date library, which this page's grid used to load) is the reference: the Intl-based
// placement must read every instant near a daylight-saving change the way luxon does.

/** Zones with the awkward kinds of change: northern/southern DST, changes at midnight, 30/45-minute offsets, a skipped day. */
const ZONES: [zone: string, year: number][] = [
  ["America/New_York", 2026],
  ["Europe/London", 2026],
  ["Australia/Sydney", 2026],
  ["America/Santiago", 2026], // changes at midnight: some days start at 01:00
  ["America/Havana", 2026], // also at midnight
  ["Australia/Lord_Howe", 2026], // a 30-minute change
  ["Pacific/Chatham", 2026], // +12:45 / +13:45
  ["Asia/Kolkata", 2026], // no change, +05:30
  ["Pacific/Apia", 2011], // skipped 30 December 2011 crossing the date line
];

/** Instants every 10 minutes within 30 hours of each UTC-offset change of `zone` in `year` (or of mid-year). */
function instantsAroundChanges(zone: string, year: number): Date[] {
  const z = IANAZone.create(zone);
  const changes: number[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  for (let t = Date.UTC(year, 0, 1); t < end; t += 3_600_000) {
    if (z.offset(t) !== z.offset(t + 3_600_000)) changes.push(t);
  }
  if (changes.length === 0) changes.push(Date.UTC(year, 6, 1));
  return changes.flatMap((c) => Array.from({ length: 361 }, (_, i) => new Date(c - 30 * 3_600_000 + i * 600_000)));
}

const dayNumberOf = (d: DateTime) => Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;

describe("week placement without luxon, compared with luxon around daylight-saving changes", () => {
  it("finds changes to test in every zone that has them", () => {
    expect(instantsAroundChanges("America/New_York", 2026).length).toBe(2 * 361);
    expect(instantsAroundChanges("Pacific/Apia", 2011).length).toBeGreaterThanOrEqual(2 * 361);
  });

  for (const [zone, year] of ZONES) {
    it(`reads local day, minute and week start as luxon does in ${zone} (${year})`, () => {
      for (const at of instantsAroundChanges(zone, year)) {
        const local = DateTime.fromJSDate(at, { zone });
        const monday = local.startOf("day").minus({ days: local.weekday - 1 });
        expect({ at: at.toISOString(), ...wallClock(at, zone), week: weekStartIn(at, zone) }).toEqual({
          at: at.toISOString(),
          day: dayNumberOf(local),
          minute: local.hour * 60 + local.minute,
          week: dayNumberOf(monday),
        });
      }
    });

    it(`places events starting and ending near the changes on luxon's day and minutes in ${zone} (${year})`, () => {
      const instants = instantsAroundChanges(zone, year);
      // 45- to 225-minute events, some crossing midnight and the change itself.
      const events = instants
        .filter((_, i) => i % 7 === 0)
        .map((start, i) => ({
          id: String(i),
          start,
          end: new Date(start.getTime() + (45 + (i % 5) * 45) * 60_000),
          title: `E${i}`,
        }));
      for (const event of events) {
        const s = DateTime.fromJSDate(event.start, { zone });
        const e = DateTime.fromJSDate(event.end, { zone });
        const monday = s.startOf("day").minus({ days: s.weekday - 1 });
        const fromMin = s.hour * 60 + s.minute;
        const expected = {
          day: Math.round(s.startOf("day").diff(monday, "days").days),
          fromMin,
          // Same local date, compared by date: luxon's e.hasSame(s, "day") re-reads s's wall time in the zone
          // and says no for 00:50 CDT → 02:50 CST on Havana's fall-back day (1 Nov 2026), whose midnight repeats.
          toMin: dayNumberOf(e) === dayNumberOf(s) ? Math.max(fromMin, e.hour * 60 + e.minute) : 24 * 60,
        };
        const placed = placeEvents([event], dayNumberOf(monday), zone).flat();
        expect(placed.map((p) => ({ day: p.day, fromMin: p.fromMin, toMin: p.toMin }))).toEqual([expected]);
        // The week before and the week after do not show it.
        expect(placeEvents([event], dayNumberOf(monday) - 7, zone).flat()).toEqual([]);
        expect(placeEvents([event], dayNumberOf(monday) + 7, zone).flat()).toEqual([]);
      }
    });
  }

  it("writes day headings and week ranges as luxon's en-US formats did, for two years of days", () => {
    const first = Date.UTC(2026, 0, 1) / DAY_MS;
    for (let day = first; day < first + 731; day++) {
      const d = DateTime.fromMillis(day * DAY_MS, { zone: "UTC" }).setLocale("en-US");
      expect([
        formatDay(day, { weekday: "long", month: "short", day: "numeric" }),
        formatDay(day, { weekday: "short" }),
        formatDay(day, { month: "long" }),
        formatDay(day, { month: "short" }),
        formatDay(day, { day: "numeric" }),
      ]).toEqual([d.toFormat("cccc, LLL d"), d.toFormat("ccc"), d.toFormat("LLLL"), d.toFormat("LLL"), String(d.day)]);
      if (d.weekday === 1) {
        const sunday = d.plus({ days: 6 });
        const luxonRange =
          d.year !== sunday.year
            ? `${d.toFormat("LLL d, yyyy")} – ${sunday.toFormat("LLL d, yyyy")}`
            : d.month !== sunday.month
              ? `${d.toFormat("LLL d")} – ${sunday.toFormat("LLL d, yyyy")}`
              : `${d.toFormat("LLL d")} – ${sunday.toFormat("d, yyyy")}`;
        expect(rangeLabel(day)).toBe(luxonRange);
      }
    }
    expect(rangeLabel(Date.UTC(2026, 11, 28) / DAY_MS)).toBe("Dec 28, 2026 – Jan 3, 2027");
  });
});
