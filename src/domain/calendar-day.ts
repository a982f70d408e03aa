// Calendar days as "day numbers": whole days since 1970-01-01, each standing for a local date in whatever
// zone it was read in (see wallClock in zoned-input). Plain integers, so stepping by days or weeks is
// addition and never meets a daylight-saving change. Pure, no date library (used in the browser too).

export const DAY_MS = 86_400_000;

/** ISO weekday of a day number: Monday = 1 … Sunday = 7 (day 0, 1970-01-01, was a Thursday). */
export function getIsoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the ISO week holding `day`. */
export function mondayOf(day: number): number {
  return day - getIsoWeekday(day) + 1;
}

/** "2026-12-07" for the day number of that date. */
export function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
