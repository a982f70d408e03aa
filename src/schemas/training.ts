import { z } from "zod";
import { Id, WS } from "./common";

const Steps = z
  .number({ error: "Give a whole number of rounds" })
  .int("Give a whole number of rounds")
  .min(0, "A step cannot need fewer than 0 rounds")
  .max(20, "A step can need at most 20 rounds");

/**
 * The coach's requirement for a round type: shadows, then reverse-shadows, then (when asked) a passed
 * calibration exercise of the type, then sign-off.
 */
export const SaveTrainingPathInput = z.object({
  ...WS,
  roundTypeId: Id,
  shadowsRequired: Steps,
  reverseShadowsRequired: Steps,
  exerciseRequired: z.boolean().optional(),
});
export const TrainingPathRef = z.object({ ...WS, roundTypeId: Id });
export const SignOffInput = z.object({
  ...WS,
  memberId: Id,
  roundTypeId: Id,
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters").optional(),
});
export const RevokeQualificationInput = z.object({
  ...WS,
  memberId: Id,
  roundTypeId: Id,
  reason: z
    .string()
    .trim()
    .min(3, "Say why the qualification is withdrawn (the audit log keeps it)")
    .max(2000, "Keep the reason under 2,000 characters"),
});
/** A template's setting: suggested slots add a trainee as each round's shadow. */
export const SetAutoShadowInput = z.object({ ...WS, templateId: Id, autoShadow: z.boolean() });
