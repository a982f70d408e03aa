// Busy times from a person's own calendar (an exported .ics file), so slot suggestions avoid them without
// any calendar OAuth. Pure: text in, UTC intervals out. Recurring events are expanded over the window;
// free ("transparent") and cancelled events are ignored; all-day events block the whole day in the
// person's zone.
import ICAL from "ical.js";
import { DateTime } from "luxon";
import type { Interval } from "./scheduling/intervals";
import { isTimeZone } from "./time-zone";

export const MAX_ICS_BYTES = 2_000_000;
/** A recurring event contributes at most this many occurrences (a daily event over 90 days is 90). */
const MAX_OCCURRENCES = 400;
export const MAX_BUSY_INTERVALS = 2_000;

export class CalendarFileError extends Error {}

/**
 * ical.js searches for a rule's next occurrence without end when none can exist: RRULE:FREQ=DAILY;BYMONTH=2;
 * BYMONTHDAY=30 froze the whole process (found while fuzzing the import). Expanding the rules of one file may take this
 * long (CPU time, not calendar time); a file whose rules take longer is refused. Real calendars take
 * milliseconds.
 */
export const MAX_RECURRENCE_MS = 1_000;
let recurrenceDeadline = Number.POSITIVE_INFINITY;
let recurrenceSteps = 0;
const recurIterator = ICAL.RecurIterator.prototype;
const checkContractingRules = recurIterator.check_contracting_rules;
// Every candidate date ical.js considers passes through here; the clock is read every 1,000 of them.
recurIterator.check_contracting_rules = function (this: ICAL.RecurIterator) {
  if (++recurrenceSteps % 1_000 === 0 && performance.now() > recurrenceDeadline) {
    throw new CalendarFileError(
      "A repeating event in the calendar file has a repeat rule that never (or too rarely) matches a date. Export your calendar as .ics again and try again.",
    );
  }
  return checkContractingRules.call(this);
};

/** Busy intervals of `text` that touch `window`, clipped to it, sorted and merged. */
export function parseBusyTimes(text: string, window: Interval, timeZone: string): Interval[] {
  if (text.length > MAX_ICS_BYTES)
    throw new CalendarFileError(
      `The calendar file is larger than ${MAX_ICS_BYTES / 1_000_000} MB; export a shorter period.`,
    );
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch {
    throw new CalendarFileError(
      "This is not a calendar file (.ics) we can read. Export your calendar as .ics and try again.",
    );
  }
  if (root.name !== "vcalendar")
    throw new CalendarFileError("This file has no calendar in it (expected BEGIN:VCALENDAR).");
  const from = window.start.getTime();
  const to = window.end.getTime();
  // Wall times are read in their TZID when it is an IANA zone, in UTC when marked so, and otherwise (floating
  // times, Windows zone names) in the person's own zone: never in the server's.
  const toInstant = (time: ICAL.Time): number => {
    const parts = {
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.isDate ? 0 : time.hour,
      minute: time.isDate ? 0 : time.minute,
      second: time.isDate ? 0 : time.second,
    };
    const tzid = time.isDate ? undefined : ((time as unknown as { timezone?: string }).timezone ?? time.zone?.tzid);
    const zone = tzid === "UTC" || tzid === "Z" ? "UTC" : tzid && isTimeZone(tzid) ? tzid : timeZone;
    return DateTime.fromObject(parts, { zone }).toMillis();
  };

  const busy: { start: number; end: number }[] = [];
  const add = (start: number, end: number) => {
    if (end > from && start < to && end > start) busy.push({ start: Math.max(start, from), end: Math.min(end, to) });
  };
  const readEvent = (component: ICAL.Component) => {
    const transparency = String(component.getFirstPropertyValue("transp") ?? "").toUpperCase();
    const status = String(component.getFirstPropertyValue("status") ?? "").toUpperCase();
    if (transparency === "TRANSPARENT" || status === "CANCELLED") return;
    const event = new ICAL.Event(component);
    if (!event.startDate) return;
    if (!event.isRecurring()) {
      add(toInstant(event.startDate), toInstant(event.endDate ?? event.startDate));
      return;
    }
    const iterator = event.iterator();
    for (let n = 0, next = iterator.next(); next && n < MAX_OCCURRENCES; n++, next = iterator.next()) {
      const occurrence = event.getOccurrenceDetails(next);
      const start = toInstant(occurrence.startDate);
      if (start >= to) break;
      add(start, toInstant(occurrence.endDate));
    }
  };
  recurrenceDeadline = performance.now() + MAX_RECURRENCE_MS;
  try {
    for (const component of root.getAllSubcomponents("vevent")) {
      // ical.js reads dates, durations and recurrence rules only when asked, and throws plain errors for
      // malformed ones (DTEND:garbage, RRULE:garbage): the file's fault, not the server's.
      try {
        readEvent(component);
      } catch (err) {
        if (err instanceof CalendarFileError) throw err;
        const summary = String(component.getFirstPropertyValue("summary") ?? "").slice(0, 60);
        throw new CalendarFileError(
          `An event in the calendar file${summary ? ` ("${summary}")` : ""} has a date, duration or repeat rule we cannot read (${(err as Error).message.slice(0, 80)}). Export your calendar as .ics again and try again.`,
        );
      }
    }
  } finally {
    recurrenceDeadline = Number.POSITIVE_INFINITY;
  }
  busy.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const b of busy) {
    const last = merged.at(-1);
    if (last && b.start <= last.end) last.end = Math.max(last.end, b.end);
    else merged.push({ ...b });
  }
  if (merged.length > MAX_BUSY_INTERVALS)
    throw new CalendarFileError(
      `The calendar has more than ${MAX_BUSY_INTERVALS} busy periods in the next weeks; export a shorter period.`,
    );
  return merged.map((b) => ({ start: new Date(b.start), end: new Date(b.end) }));
}
