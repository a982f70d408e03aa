// Where the week view draws each event: day column, minutes from midnight and side-by-side lanes, all by
// wall time in the viewer's zone (luxon), never by the runtime's own clock. Pure: no React.

import { DateTime } from "luxon";
import { formatInZone } from "@/domain/time-zone";
import { toZonedInput } from "@/domain/zoned-input";

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

/** Monday 00:00 of the week holding `at`, as wall time in `zone`. */
export function weekStartIn(at: Date, zone: string): DateTime {
  const local = DateTime.fromJSDate(at, { zone }).setLocale(LOCALE);
  return local.startOf("day").minus({ days: local.weekday - 1 });
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
export function placeEvents(events: WeekEvent[], monday: DateTime, zone: string): Placed[][] {
  const weekEnd = monday.plus({ weeks: 1 });
  const days: Placed[][] = Array.from({ length: 7 }, () => []);
  for (const event of events) {
    const start = toDate(event.start);
    const end = toDate(event.end);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) continue;
    const s = DateTime.fromJSDate(start, { zone });
    const e = DateTime.fromJSDate(end, { zone });
    if (s >= weekEnd || s < monday) continue;
    const day = Math.round(s.startOf("day").diff(monday, "days").days);
    if (day < 0 || day > 6) continue;
    const fromMin = s.hour * 60 + s.minute;
    const sameDay = e.hasSame(s, "day");
    const toMin = sameDay ? Math.max(fromMin, e.hour * 60 + e.minute) : 24 * 60;
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
  const sameDay = toZonedInput(start, zone).slice(0, 10) === toZonedInput(end, zone).slice(0, 10);
  return `${event.title}, ${formatInZone(start, zone, "long")} – ${formatInZone(end, zone, sameDay ? "time" : "long")}${event.subtitle ? `, ${event.subtitle}` : ""}`;
}

export function hourLabel(hour: number): string {
  if (hour === 0 || hour === 24) return "12 AM";
  if (hour === 12) return "12 PM";
  return hour < 12 ? `${hour} AM` : `${hour - 12} PM`;
}

/** "Dec 7 – 13, 2026", "Nov 30 – Dec 6, 2026", "Dec 28, 2026 – Jan 3, 2027". */
export function rangeLabel(monday: DateTime): string {
  const sunday = monday.plus({ days: 6 });
  if (monday.year !== sunday.year) return `${monday.toFormat("LLL d, yyyy")} – ${sunday.toFormat("LLL d, yyyy")}`;
  if (monday.month !== sunday.month) return `${monday.toFormat("LLL d")} – ${sunday.toFormat("LLL d, yyyy")}`;
  return `${monday.toFormat("LLL d")} – ${sunday.toFormat("d, yyyy")}`;
}
