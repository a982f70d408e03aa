// Documents carried in a string (a calendar export, a rubric file), broken in the places their parsers read;
// keys are written as own properties, "__proto__" included.
import fc from "fast-check";
import { toJsonText } from "./raw-json";
import { nastyString, nastyValue } from "./values";

/** Sets an own property even for "__proto__", as JSON.parse would. */
export function defineOwn(obj: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

const icsValue = fc.oneof(
  fc.constantFrom(
    "20261210T100000Z",
    "20261210T100000",
    "20261210",
    "garbage",
    "",
    "99991231T235959Z",
    "00000000T000000Z",
    "20261310T250000Z",
    "2026-12-10T10:00:00Z",
    "-1",
  ),
  fc.string({ maxLength: 20 }),
);

const rrule = fc
  .record(
    {
      FREQ: fc.constantFrom("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY", "garbage", ""),
      INTERVAL: fc.oneof(fc.integer({ min: -2, max: 1000 }).map(String), fc.constant("x")),
      COUNT: fc.oneof(fc.integer({ min: -5, max: 100_000 }).map(String), fc.constant("x")),
      UNTIL: icsValue,
      BYMONTH: fc.integer({ min: -1, max: 14 }).map(String),
      BYMONTHDAY: fc.integer({ min: -32, max: 32 }).map(String),
      BYDAY: fc.constantFrom("MO", "TU,TH", "1MO", "-1FR", "XX", "53SU", ""),
      BYHOUR: fc.integer({ min: -1, max: 25 }).map(String),
      BYSETPOS: fc.integer({ min: -400, max: 400 }).map(String),
      BYYEARDAY: fc.integer({ min: -367, max: 367 }).map(String),
      BYWEEKNO: fc.integer({ min: -54, max: 54 }).map(String),
    },
    { requiredKeys: ["FREQ"] },
  )
  .map(
    (parts) =>
      `RRULE:${Object.entries(parts)
        .map(([k, v]) => `${k}=${v}`)
        .join(";")}`,
  );

const icsEvent = fc
  .tuple(
    fc.option(
      icsValue.map((v) => `DTSTART:${v}`),
      { nil: null },
    ),
    fc.option(
      fc.oneof(
        icsValue.map((v) => `DTEND:${v}`),
        fc.constantFrom("DURATION:PT1H", "DURATION:garbage", "DURATION:-P1D", "DURATION:P99999999D"),
      ),
      { nil: null },
    ),
    fc.option(rrule, { nil: null }),
    fc.array(
      fc.oneof(
        icsValue.map((v) => `EXDATE:${v}`),
        icsValue.map((v) => `RDATE:${v}`),
        fc.constantFrom(
          "TRANSP:TRANSPARENT",
          "STATUS:CANCELLED",
          "DTSTART;TZID=Nope/Zone:20261210T100000",
          "DTSTART;VALUE=DATE:20261210",
          "RECURRENCE-ID:garbage",
          "SUMMARY:\u0000",
          "BEGIN:VALARM",
        ),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([start, end, rule, extra]) =>
    ["BEGIN:VEVENT", "UID:fuzz@test", start, end, rule, ...extra, "END:VEVENT"].filter((l) => l !== null).join("\r\n"),
  );

/** A calendar export (.ics) with malformed dates, durations and repeat rules. */
export const icsText = fc
  .tuple(fc.array(icsEvent, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([events, wrapped]) =>
    (wrapped ? ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//fuzz//EN", ...events, "END:VCALENDAR"] : events).join(
      "\r\n",
    ),
  );

/** Where in a rubric file (an export of the workspace's own rubric) a bad value goes. */
const rubricFileSpot = fc.constantFrom<(string | number)[]>(
  ["name"],
  ["format"],
  ["formatVersion"],
  ["roundType"],
  ["roundType", "key"],
  ["signals"],
  ["signals", 0],
  ["signals", 0, "key"],
  ["signals", 0, "title"],
  ["signals", 0, "description"],
  ["signals", 0, "dimension"],
  ["signals", 0, "anchors", "1"],
  ["signals", 0, "weights", "mid"],
  ["redFlags"],
  ["redFlags", 0, "title"],
  ["__proto__"],
  ["extra"],
);

/** Free text of a rubric file: only the text rule stands between these and the database. */
const rubricFileTextSpot = fc.constantFrom<(string | number)[]>(
  ["name"],
  ["signals", 0, "title"],
  ["signals", 0, "description"],
  ["signals", 0, "anchors", "1"],
  ["redFlags", 0, "title"],
  ["roundType", "name"],
);

export const rubricFileEdits = fc.oneof(
  fc.array(
    fc.tuple(rubricFileSpot, fc.oneof({ weight: 3, arbitrary: nastyString }, { weight: 1, arbitrary: nastyValue })),
    { minLength: 1, maxLength: 2 },
  ),
  fc.tuple(rubricFileTextSpot, nastyString).map((edit) => [edit]),
);

/** The JSON text of `file` with each edit's value put at its spot (missing containers are made). */
export function editedDocument(file: unknown, edits: [(string | number)[], unknown][]): string {
  const doc = structuredClone(file) as Record<string | number, unknown>;
  for (const [spot, value] of edits) {
    let at: Record<string | number, unknown> = doc;
    for (const key of spot.slice(0, -1)) {
      const next = at[key];
      if (next === null || typeof next !== "object") defineOwn(at, String(key), {});
      at = at[key] as Record<string | number, unknown>;
    }
    defineOwn(at, String(spot.at(-1)), value);
  }
  return toJsonText(doc);
}
