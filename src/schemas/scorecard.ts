import { z } from "zod";
import { BoundedDate, Id, VersionNumber } from "./common";

const WS = { workspaceId: Id };
import { DECISIONS, LEVELS, RECOMMENDATIONS } from "@/domain/vocabulary";

export { DECISIONS, RECOMMENDATIONS };

const Answer = z.object({
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal("not_observed"), z.null()], {
    error: 'A rating is 1, 2, 3, 4 or "not observed"',
  }),
  evidence: z.string().max(4000, "Evidence can have at most 4000 characters"),
});

export const ScorecardRef = z.object({ ...WS, roundId: Id });
export const SaveScorecardInput = z.object({
  ...WS,
  roundId: Id,
  expectedVersion: VersionNumber,
  ratings: z.record(z.string().min(1).max(60), Answer),
  redFlagKeys: z.array(z.string().min(1).max(60)).max(50),
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
  summary: z.string().max(8000, "A summary can have at most 8000 characters"),
});
export const SubmitScorecardInput = z.object({ ...WS, roundId: Id, expectedVersion: VersionNumber });
export const ReviseScorecardInput = SaveScorecardInput.extend({ reason: z.string().trim().min(3, "Say why you change a submitted scorecard").max(1000) });
export const LoopRefInput = z.object({ ...WS, loopId: Id });
export const DecideInput = z.object({
  ...WS,
  loopId: Id,
  decision: z.enum(DECISIONS),
  rationale: z.string().trim().min(3, "Give the rationale for the decision").max(8000),
  notes: z.string().max(8000).default(""),
});
export const ReopenInput = z.object({ ...WS, loopId: Id, reason: z.string().trim().min(3, "Say why the debrief is reopened").max(1000) });

export const CohortInput = z.object({
  ...WS,
  level: z.enum(LEVELS).optional(),
  targetRole: z.string().trim().max(120).optional(),
  from: BoundedDate.optional(),
  to: BoundedDate.optional(),
});
export const CalibrationReportInput = z.object({ ...WS });

const Plain = (max: number) => z.string().trim().max(max);
export const ReportDraftSchema = z.object({
  summary: Plain(4000),
  strengths: z.array(z.object({ title: Plain(200), note: Plain(1000) })).max(10),
  growthAreas: z.array(z.object({ title: Plain(200), note: Plain(1000) })).max(10),
  excerpts: z.array(z.object({ signalTitle: Plain(200), text: Plain(2000).min(1, "An excerpt cannot be empty"), by: z.string().max(200).nullable() })).max(20),
});
export const SaveReportDraftInput = z.object({ ...WS, loopId: Id, draft: ReportDraftSchema });
export const ReportRefInput = z.object({ ...WS, reportId: Id });
