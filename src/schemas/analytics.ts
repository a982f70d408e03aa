// Input of the analytics page: a period (a preset, or custom days in the workspace's zone) and filters.
import { z } from "zod";
import { customPeriodError, PERIOD_PRESETS } from "@/domain/analytics";
import { LEVELS } from "@/domain/vocabulary";
import { BoundedDay, Id, WS } from "./common";

export const AnalyticsInput = z
  .object({
    ...WS,
    period: z.enum(PERIOD_PRESETS).default("90d"),
    /** First and last day of a custom period (YYYY-MM-DD, in the workspace's zone); ignored for a preset. */
    from: BoundedDay.optional(),
    to: BoundedDay.optional(),
    level: z.enum(LEVELS).optional(),
    targetRole: z.string().trim().max(120).optional(),
    templateId: Id.optional(),
    interviewerMemberId: Id.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.period !== "custom") return;
    const error = customPeriodError(input.from, input.to);
    if (error) ctx.addIssue({ code: "custom", message: error, path: [input.from ? "to" : "from"] });
  });
export type AnalyticsInput = z.input<typeof AnalyticsInput>;
