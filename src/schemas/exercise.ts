import { z } from "zod";
import { Id, WS } from "./common";

const Rating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: "A rating is 1, 2, 3 or 4",
});
const SignalKey = z.string().min(1).max(60);

export const ListExercisesInput = z.object({ ...WS });
export const ExerciseRef = z.object({ ...WS, exerciseId: Id });

export const ExerciseLink = z.object({
  label: z.string().trim().min(1, "Give the link a label").max(120),
  url: z
    .string()
    .trim()
    .max(2000, "A link can have at most 2000 characters")
    .refine((u) => /^https?:\/\/[^\s]+$/i.test(u), "A link starts with http:// or https://"),
});

export const CreateExerciseInput = z.object({
  ...WS,
  roundTypeId: Id,
  title: z.string().trim().min(3, "Give the exercise a title of at least 3 characters").max(200),
  prompt: z.string().trim().min(1, "Say what the candidate was asked").max(4000),
  transcript: z
    .string()
    .trim()
    .min(50, "Write out the answer (at least 50 characters): interviewers rate this text")
    .max(40_000, "A transcript can have at most 40,000 characters"),
  links: z.array(ExerciseLink).max(10, "At most 10 links").default([]),
  // At least one signal: checked by the service after the round type, so a foreign id answers "not found".
  reference: z
    .record(
      SignalKey,
      z.object({
        rating: Rating,
        reason: z
          .string()
          .trim()
          .min(10, "Give the reason for each reference rating (10 characters or more)")
          .max(2000),
      }),
    )
    .refine((r) => Object.keys(r).length <= 100, "At most 100 signals"),
  maxMeanDifference: z.number().min(0).max(3).default(0.5),
  failAtDifference: z.number().int().min(1).max(3).default(2),
  recurDays: z.number().int().min(1).max(3650).nullable().default(null),
  driftThreshold: z.number().min(0.05).max(3).nullable().default(null),
});
export type CreateExerciseInput = z.infer<typeof CreateExerciseInput>;

export const SubmitAttemptInput = z.object({
  ...WS,
  exerciseId: Id,
  ratings: z.record(
    SignalKey,
    z.object({ rating: Rating, evidence: z.string().max(4000, "Evidence can have at most 4000 characters") }),
  ),
});

/** Whose "How I rate" to read: one's own by default; coaches may name any interviewer. */
export const HowIRateInput = z.object({ ...WS, memberId: Id.optional() });
