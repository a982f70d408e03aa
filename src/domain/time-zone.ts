// Time zones, defined once: which zone a person sees times in, and how a time is written for them. The
// same function formats on the server, in the browser and in email, so a round reads the same wall time
// with the same abbreviation wherever the viewer meets it. Pure.

/** Used when neither the person nor their workspace has a valid zone. */
export const FALLBACK_ZONE = "UTC";

/** Fixed, so the server and the browser write identical text (no hydration differences). */
const LOCALE = "en-US";

export function isTimeZone(value: string): boolean {
  if (!value) return false;
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zone a person sees times in: their own, else their workspace's, else UTC. */
export function personZone(own: string | null | undefined, workspace?: string | null): string {
  if (own && isTimeZone(own)) return own;
  if (workspace && isTimeZone(workspace)) return workspace;
  return FALLBACK_ZONE;
}

const FORMATS = {
  /** Dec 7, 9:00 AM EST */
  short: { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  /** Dec 7, 2026, 9:00 AM EST */
  medium: {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  },
  /** Mon, Dec 7, 2026, 9:00 AM EST */
  long: {
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  },
  /** 9:00 AM EST */
  time: { hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  /** Dec 7, 2026 */
  date: { year: "numeric", month: "short", day: "numeric" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type TimeStyle = keyof typeof FORMATS;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `at` written in `zone`, with the zone's abbreviation (except the date-only style). */
export function formatInZone(at: Date | string, zone: string, style: TimeStyle = "medium"): string {
  const date = typeof at === "string" ? new Date(at) : at;
  const timeZone = isTimeZone(zone) ? zone : FALLBACK_ZONE;
  const key = `${timeZone}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(LOCALE, { ...FORMATS[style], timeZone })));
  // Intl writes a narrow no-break space before AM/PM; a plain space reads the same and searches better.
  return formatter.format(date).replace(/\u202f/g, " ");
}

/** All zones the runtime knows, for pickers (the person's current zone first when given). */
export function timeZoneList(current?: string): string[] {
  const supported =
    (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  return [...new Set([...(current ? [current] : []), "UTC", ...supported])];
}
