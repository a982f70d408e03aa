"use client";

const FORMATS = {
  short: { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  medium: { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A timestamp shown in the viewer's locale and time zone, with the zone named. */
export function LocalTime({ value, style = "medium" }: { value: Date | string; style?: keyof typeof FORMATS }) {
  const date = typeof value === "string" ? new Date(value) : value;
  const text = new Intl.DateTimeFormat(undefined, FORMATS[style]).format(date);
  return (
    // The server renders in its own zone; the browser re-renders in the viewer's.
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {text}
    </time>
  );
}
