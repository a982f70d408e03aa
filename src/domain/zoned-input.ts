// Wall time in a zone, with the runtime's Intl zone data (no date library: these run in the browser on the
// pages with a datetime-local field or a week grid): datetime-local fields read and written, and the local
// day and minute of an instant. Pure.

import { DAY_MS } from "./calendar-day";
import { FALLBACK_ZONE, isTimeZone } from "./time-zone";

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `at` in `zone`, as the milliseconds of that wall time read as if it were UTC. */
function wallAsUtc(at: number, zone: string): number {
  let format = wallFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    wallFormats.set(zone, format);
  }
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of format.formatToParts(at)) p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second);
}

/** The zone's offset from UTC at instant `at`, in milliseconds (whole seconds). */
function offsetAt(at: number, zone: string): number {
  return wallAsUtc(at, zone) - Math.floor(at / 1000) * 1000;
}

const zoneOf = (zone: string) => (isTimeZone(zone) ? zone : FALLBACK_ZONE);
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * The local date (a day number, see calendar-day) and the minutes after that day's midnight of the wall clock
 * showing `at` in `zone` (seconds dropped).
 */
export function wallClock(at: Date, zone: string): { day: number; minute: number } {
  const wall = wallAsUtc(at.getTime(), zoneOf(zone));
  const day = Math.floor(wall / DAY_MS);
  return { day, minute: Math.floor((wall - day * DAY_MS) / 60_000) };
}

/** The value of a datetime-local field showing `at` as wall time in `zone` ("2026-12-07T09:00"). */
export function toZonedInput(at: Date | string | null, zone: string): string {
  if (!at) return "";
  const wall = new Date(wallAsUtc((typeof at === "string" ? new Date(at) : at).getTime(), zoneOf(zone)));
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

const FIELD = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * The instant a datetime-local value means when read as wall time in `zone`; null when not a valid time.
 * A wall time the zone skips (the hour clocks spring forward) is moved forward by the gap; one it has twice
 * (the hour they fall back) is the first of the two.
 */
export function fromZonedInput(value: string, zone: string): Date | null {
  const m = FIELD.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? 0);
  const ms = Number((m[7] ?? "0").padEnd(3, "0"));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute
  )
    return null;
  const z = zoneOf(zone);
  // The offsets a day either side of the wall time: equal except around a transition.
  const before = offsetAt(wall - 86_400_000, z);
  const after = offsetAt(wall + 86_400_000, z);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((at) => wallAsUtc(at, z) === Math.floor(wall / 1000) * 1000);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // Skipped: read the wall time with the offset from before the gap, which lands as far past it.
  return new Date(wall - before);
}
