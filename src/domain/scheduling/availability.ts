// Weekly availability (windows on local weekdays, with dated exceptions) turned into absolute intervals
// across zones and daylight-saving changes.

import { mergeSpans, toInterval, toSpan, type Interval, type Span } from "./intervals";
import {
  buildOffsetTimeline,
  DAY_MS,
  findLocalDay,
  getIsoWeekday,
  MINUTE_MS,
  requireZone,
  resolveWallTime,
} from "./zones";

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const; // ISO: Monday = 1

export interface WeeklyWindow {
  weekday: number;
  start: string /* "HH:mm" local */;
  end: string /* "HH:mm", > start; "24:00" allowed */;
}

export type DateException =
  | { date: string /* YYYY-MM-DD local */; available: false }
  | { date: string; available: true; windows: { start: string; end: string }[] }; // replaces that date's weekly windows

export interface ExpandAvailabilityInput {
  timeZone: string;
  weekly: WeeklyWindow[];
  exceptions: DateException[];
  range: Interval;
}

/** Minutes after local midnight; malformed input is a programming error (schemas validate user input first). */
function parseClock(value: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60)
    throw new RangeError(`Invalid time "${value}", expected HH:mm`);
  return minutes;
}

function parseWindow(window: { start: string; end: string }): { startMin: number; endMin: number } {
  const startMin = parseClock(window.start);
  const endMin = parseClock(window.end);
  if (endMin <= startMin) throw new RangeError(`Window ${window.start}–${window.end} must end after it starts`);
  return { startMin, endMin };
}

function parseDayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Date.UTC rolls 2026-02-30 over into March; the round trip catches it.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date)
    throw new RangeError(`Invalid date "${date}", expected YYYY-MM-DD`);
  return ms / DAY_MS;
}

/**
 * Expands weekly windows in `timeZone` into absolute intervals within `range`, honouring exceptions and
 * daylight-saving transitions (a local time that does not exist is pushed forward; a window on a DST day
 * has its real length). An exception replaces the whole date's weekly windows; if a date has several
 * exceptions, the last one wins. Throws RangeError on an unknown zone or malformed times and dates.
 */
export function expandAvailability(input: ExpandAvailabilityInput): Interval[] {
  const zone = requireZone(input.timeZone);
  const range = toSpan(input.range);
  if (!(range.start < range.end)) return [];

  const weekly = new Map<number, { startMin: number; endMin: number }[]>();
  for (const w of input.weekly) {
    if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7)
      throw new RangeError(`Invalid ISO weekday ${w.weekday}`);
    weekly.set(w.weekday, [...(weekly.get(w.weekday) ?? []), parseWindow(w)]);
  }
  const exceptions = new Map<number, { startMin: number; endMin: number }[]>();
  for (const e of input.exceptions)
    exceptions.set(parseDayNumber(e.date), e.available ? e.windows.map(parseWindow) : []);

  // Margins of two days cover every offset (±14 h) around the range's ends.
  const timeline = buildOffsetTimeline(zone, range.start - 2 * DAY_MS, range.end + 2 * DAY_MS);
  const spans: Span[] = [];
  const lastDay = findLocalDay(timeline, range.end);
  for (let day = findLocalDay(timeline, range.start); day <= lastDay; day++) {
    const windows = exceptions.get(day) ?? weekly.get(getIsoWeekday(day)) ?? [];
    for (const { startMin, endMin } of windows) {
      const start = Math.max(range.start, resolveWallTime(timeline, day * DAY_MS + startMin * MINUTE_MS));
      const end = Math.min(range.end, resolveWallTime(timeline, day * DAY_MS + endMin * MINUTE_MS));
      spans.push({ start, end });
    }
  }
  return mergeSpans(spans).map(toInterval);
}
