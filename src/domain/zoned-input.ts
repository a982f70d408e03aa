// datetime-local fields read and written as wall time in a zone. Apart from time-zone.ts because it needs
// luxon's zone arithmetic, which only the pages with such a field should load. Pure.

import { DateTime } from "luxon";
import { FALLBACK_ZONE, isTimeZone } from "./time-zone";

/** The value of a datetime-local field showing `at` as wall time in `zone` ("2026-12-07T09:00"). */
export function toZonedInput(at: Date | string | null, zone: string): string {
  if (!at) return "";
  return DateTime.fromJSDate(typeof at === "string" ? new Date(at) : at, {
    zone: isTimeZone(zone) ? zone : FALLBACK_ZONE,
  }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The instant a datetime-local value means when read as wall time in `zone`; null when not a valid time. */
export function fromZonedInput(value: string, zone: string): Date | null {
  const parsed = DateTime.fromISO(value, { zone: isTimeZone(zone) ? zone : FALLBACK_ZONE });
  return parsed.isValid ? parsed.toJSDate() : null;
}
