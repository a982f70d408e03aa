// The analytics query's input from the page's URL (?period=&from=&to=&level=&role=&template=&interviewer=),
// read the same way by the server's first view and the browser's query, so the browser does not ask again.
import { customPeriodError, DEFAULT_PERIOD, PERIOD_PRESETS, type PeriodPreset } from "@/domain/analytics";
import { LEVELS, type Level } from "@/domain/vocabulary";
import type { AnalyticsInput } from "@/schemas/analytics";

export const URL_KEYS = ["period", "from", "to", "level", "role", "template", "interviewer"] as const;
export type UrlKey = (typeof URL_KEYS)[number];

/** The input, or the reason there is none yet (a custom period still being chosen). */
export function analyticsInput(
  workspaceId: string,
  read: (key: UrlKey) => string,
): { input: AnalyticsInput; error: null } | { input: null; error: string } {
  const period = (PERIOD_PRESETS as readonly string[]).includes(read("period"))
    ? (read("period") as PeriodPreset)
    : DEFAULT_PERIOD;
  const level = (LEVELS as readonly string[]).includes(read("level")) ? (read("level") as Level) : undefined;
  const custom = period === "custom" ? { from: read("from") || undefined, to: read("to") || undefined } : {};
  if (period === "custom") {
    const error = customPeriodError(custom.from, custom.to);
    if (error) return { input: null, error };
  }
  return {
    input: {
      workspaceId,
      period,
      ...custom,
      level,
      targetRole: read("role").trim() || undefined,
      templateId: read("template") || undefined,
      interviewerMemberId: read("interviewer") || undefined,
    },
    error: null,
  };
}
