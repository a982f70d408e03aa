import { z } from "zod";
import { RECOMMENDATIONS } from "@/domain/vocabulary";
import { Id, VersionNumber, WS } from "./common";

const Answer = z.object({
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal("not_observed"), z.null()], {
    error: 'A rating is 1, 2, 3, 4 or "not observed"',
  }),
  evidence: z.string().max(4000, "Evidence can have at most 4000 characters"),
});

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
export const ReviseScorecardInput = SaveScorecardInput.extend({
  reason: z.string().trim().min(3, "Say why you change a submitted scorecard").max(1000),
});
