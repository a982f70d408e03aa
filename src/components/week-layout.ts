// Where the week view draws each event: day column, minutes from midnight and side-by-side lanes, all by
// wall time in the viewer's zone (Intl, through wallClock), never by the runtime's own clock. Days are day
// numbers (see calendar-day), so stepping weeks is arithmetic. Pure: no React.

import { DAY_MS, mondayOf } from "@/domain/calendar-day";
import { formatInZone } from "@/domain/time-zone";
import { wallClock } from "@/domain/zoned-input";

export type WeekEventTone = "green" | "red" | "gray";

export type WeekEvent = {
  id: string;
  start: Date | string;
  end: Date | string;
  title: string;
  subtitle?: string;
  href?: string;
  tone?: WeekEventTone;
};

export const LOCALE = "en-US";
export const DEFAULT_FIRST_HOUR = 7;
export const DEFAULT_LAST_HOUR = 21;
/** Height of one hour in pixels. */
export const HOUR_PX = 52;
/** The shortest an event is drawn, so a 15-minute round still has room for its title. */
export const MIN_EVENT_PX = 24;

export const toDate = (v: Date | string) => (typeof v === "string" ? new Date(v) : v);

/** The Monday (a day number) of the week holding `at`, by its local date in `zone`. */
export function weekStartIn(at: Date, zone: string): number {
  return mondayOf(wallClock(at, zone).day);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day written in LOCALE ("Monday, Dec 7" for `{ weekday: "long", month: "short", day: "numeric" }`). */
export function formatDay(day: number, options: Intl.DateTimeFormatOptions): string {
  const key = JSON.stringify(options);
  let format = dayFormats.get(key);
  // The day number's midnight in UTC is that date in UTC: format there, whatever zone it was read in.
  if (!format) dayFormats.set(key, (format = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: "UTC" })));
  return format.format(day * DAY_MS);
}

export type Placed = {
  event: WeekEvent;
  start: Date;
  end: Date;
  /** 0 = Monday. */
  day: number;
  /** Minutes after the day's midnight (wall time in the zone) where the block starts and ends. */
  fromMin: number;
  toMin: number;
  lane: number;
  lanes: number;
  label: string;
};

/**
 * The events of the week starting at `monday`, each placed by its wall time in `zone`: its day column
 * (0 = Monday) and its minutes from midnight, with side-by-side lanes for overlapping events. An event that
 * runs past midnight is drawn to the end of its first day.
 */
export function placeEvents(events: WeekEvent[], monday: number, zone: string): Placed[][] {
  const days: Placed[][] = Array.from({ length: 7 }, () => []);
  for (const event of events) {
    const start = toDate(event.start);
    const end = toDate(event.end);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) continue;
    const s = wallClock(start, zone);
    const e = wallClock(end, zone);
    const day = s.day - monday;
    if (day < 0 || day > 6) continue;
    const fromMin = s.minute;
    const toMin = e.day === s.day ? Math.max(fromMin, e.minute) : 24 * 60;
    days[day]!.push({
      event,
      start,
      end,
      day,
      fromMin,
      toMin,
      lane: 0,
      lanes: 1,
      label: accessibleName(event, start, end, zone),
    });
  }
  for (const list of days) {
    list.sort(
      (a, b) =>
        a.start.getTime() - b.start.getTime() ||
        a.end.getTime() - b.end.getTime() ||
        a.event.title.localeCompare(b.event.title),
    );
    // Overlapping events share the column: each cluster of overlaps is split into as many lanes as it needs.
    let cluster: Placed[] = [];
    let laneEnds: number[] = [];
    let clusterEnd = -1;
    const close = () => {
      for (const p of cluster) p.lanes = laneEnds.length;
      cluster = [];
      laneEnds = [];
    };
    for (const p of list) {
      const bottom = Math.max(p.toMin, p.fromMin + 30);
      if (p.fromMin >= clusterEnd) close();
      let lane = laneEnds.findIndex((endMin) => endMin <= p.fromMin);
      if (lane === -1) lane = laneEnds.push(bottom) - 1;
      else laneEnds[lane] = bottom;
      p.lane = lane;
      cluster.push(p);
      clusterEnd = Math.max(clusterEnd, bottom);
    }
    close();
  }
  return days;
}

/** "Coding, Mon, Dec 7, 2026, 9:00 AM EST – 10:00 AM EST, with Ada" (the date is repeated when it ends on another day). */
export function accessibleName(event: WeekEvent, start: Date, end: Date, zone: string): string {
  const sameDay = wallClock(start, zone).day === wallClock(end, zone).day;
  return `${event.title}, ${formatInZone(start, zone, "long")} – ${formatInZone(end, zone, sameDay ? "time" : "long")}${event.subtitle ? `, ${event.subtitle}` : ""}`;
}

export function hourLabel(hour: number): string {
  if (hour === 0 || hour === 24) return "12 AM";
  if (hour === 12) return "12 PM";
  return hour < 12 ? `${hour} AM` : `${hour - 12} PM`;
}

/** "Dec 7 – 13, 2026", "Nov 30 – Dec 6, 2026", "Dec 28, 2026 – Jan 3, 2027". */
export function rangeLabel(monday: number): string {
  const [from, to] = [new Date(monday * DAY_MS), new Date((monday + 6) * DAY_MS)];
  const long = { year: "numeric", month: "short", day: "numeric" } as const;
  const short = { month: "short", day: "numeric" } as const;
  if (from.getUTCFullYear() !== to.getUTCFullYear())
    return `${formatDay(monday, long)} – ${formatDay(monday + 6, long)}`;
  if (from.getUTCMonth() !== to.getUTCMonth()) return `${formatDay(monday, short)} – ${formatDay(monday + 6, long)}`;
  return `${formatDay(monday, short)} – ${to.getUTCDate()}, ${to.getUTCFullYear()}`;
}
