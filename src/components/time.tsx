"use client";

/** A timestamp shown in the viewer's locale and time zone, with the zone named. */
export function LocalTime({ value, style = "medium" }: { value: Date | string; style?: "short" | "medium" }) {
  const date = typeof value === "string" ? new Date(value) : value;
  const text = new Intl.DateTimeFormat(undefined, { dateStyle: style, timeStyle: "short", timeZoneName: "short" }).format(date);
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {text}
    </time>
  );
}
