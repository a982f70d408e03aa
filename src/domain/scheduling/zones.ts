// Time zones for scheduling: a zone's UTC offsets sampled once per search, local wall-clock times resolved
// to instants across daylight-saving changes, and ISO weeks. Local calendar days are counted as whole days
// since 1970-01-01 ("day numbers"). luxon only supplies the time-zone database (UTC offsets).

import { IANAZone } from "luxon";
import { DAY_MS, getIsoWeekday } from "../calendar-day";

export { DAY_MS, getIsoWeekday };

const SECOND_MS = 1_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

export function requireZone(timeZone: string): IANAZone {
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}"`);
  return IANAZone.create(timeZone);
}

/**
 * A zone's UTC offsets over a bounded period. Reading one offset through Intl takes several microseconds
 * and the slot search converts thousands of instants, so each zone is sampled once per call instead.
 */
export interface OffsetTimeline {
  /** Segment i applies from `since[i]` (epoch ms) until the next segment. */
  since: number[];
  offsetMs: number[];
}

function readOffsetMs(zone: IANAZone, at: number): number {
  return zone.offset(at) * MINUTE_MS;
}

/**
 * Samples once a UTC day, then binary-searches each change to the second (tz transitions fall on whole
 * seconds). Assumes at most one transition per day, which holds for every zone in use today.
 */
export function buildOffsetTimeline(zone: IANAZone, from: number, to: number): OffsetTimeline {
  let previous = Math.floor(from / DAY_MS) * DAY_MS;
  let previousOffset = readOffsetMs(zone, previous);
  const timeline: OffsetTimeline = { since: [Number.NEGATIVE_INFINITY], offsetMs: [previousOffset] };
  for (let sample = previous + DAY_MS; previous < to; sample += DAY_MS) {
    const offset = readOffsetMs(zone, sample);
    if (offset !== previousOffset) {
      let before = previous;
      let after = sample;
      while (after - before > SECOND_MS) {
        const mid = before + Math.floor((after - before) / 2 / SECOND_MS) * SECOND_MS;
        if (readOffsetMs(zone, mid) === previousOffset) before = mid;
        else after = mid;
      }
      timeline.since.push(after);
      timeline.offsetMs.push(offset);
    }
    previous = sample;
    previousOffset = offset;
  }
  return timeline;
}

export function findOffset(timeline: OffsetTimeline, at: number): number {
  // A handful of segments at most: a backwards scan beats a binary search here.
  for (let i = timeline.since.length - 1; i > 0; i--) {
    if (at >= (timeline.since[i] ?? Number.POSITIVE_INFINITY)) return timeline.offsetMs[i] ?? 0;
  }
  return timeline.offsetMs[0] ?? 0;
}

export function findLocalDay(timeline: OffsetTimeline, at: number): number {
  return Math.floor((at + findOffset(timeline, at)) / DAY_MS);
}

/**
 * The instant a local wall-clock time (written as epoch ms of the same reading in UTC) happens at.
 * Same rules as Temporal's "compatible" disambiguation and RFC 5545: a time skipped by spring-forward is
 * read with the offset from before the gap, so it moves forward by the gap's length (02:30 → 03:30); a
 * time that happens twice at fall-back means its first occurrence. Both keep a window's real length.
 */
export function resolveWallTime(timeline: OffsetTimeline, wall: number): number {
  const offsetBefore = findOffset(timeline, wall - DAY_MS);
  const offsetAfter = findOffset(timeline, wall + DAY_MS);
  const early = wall - offsetBefore;
  const late = wall - offsetAfter;
  const earlyValid = findOffset(timeline, early) === offsetBefore;
  const lateValid = findOffset(timeline, late) === offsetAfter;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  return early;
}

export function formatIsoWeek(day: number): string {
  // An ISO week belongs to the year that holds its Thursday.
  const thursday = day - getIsoWeekday(day) + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** ISO week key such as "2026-W10" of the local date at `at` in `timeZone`. */
export function isoWeekKey(at: Date, timeZone: string): string {
  const zone = requireZone(timeZone);
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError("isoWeekKey needs a valid date");
  return formatIsoWeek(Math.floor((ms + readOffsetMs(zone, ms)) / DAY_MS));
}
