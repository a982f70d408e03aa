// JSON columns are typed at the boundary: every read goes through one of these parsers instead of a cast,
// so a row whose JSON does not have the expected shape fails loudly, naming the column, rather than
// surfacing as an undefined deep inside a page. The read shapes check structure only (no length limits):
// anything the write schemas (src/schemas) once accepted reads back.
import { z } from "zod";
import type { AgreementEstimate } from "@/domain/calibration/agreement";
import type { CalibrationModelSummary } from "@/domain/calibration/calibrate";
import type { CandidateScore, InterviewerEstimate } from "@/domain/calibration/results";
import type { DateException, WeeklyWindow } from "@/domain/scheduling/availability";
import type { SignalAnswer } from "@/domain/scorecard";
import type { ReportContent } from "@/domain/report";
import type { ExerciseRating as ExerciseRatingValue, ReferenceRating } from "@/domain/exercise";
import type { DimensionEstimate } from "@/domain/rater";

function reader<T>(what: string, schema: z.ZodType<T>) {
  return (value: unknown): T => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new Error(
      `Stored ${what} is not in the expected shape (${issue?.path.join(".") || "value"}: ${issue?.message ?? "invalid"}).`,
    );
  };
}

const num = z.number();
const nullableNum = z.number().nullable();

const Answer = z.object({
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal("not_observed"), z.null()]),
  evidence: z.string(),
});
/** scorecards.ratings: { [signalKey]: { rating, evidence } } */
export const readRatings = reader<Record<string, SignalAnswer>>("scorecard ratings", z.record(z.string(), Answer));

const Window = z.object({ start: z.string(), end: z.string() });
/** scheduling_profiles.weekly */
export const readWeekly = reader<WeeklyWindow[]>(
  "weekly availability",
  z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
);
/** scheduling_profiles.exceptions */
export const readExceptions = reader<DateException[]>(
  "availability exceptions",
  z.array(
    z.union([
      z.object({ date: z.string(), available: z.literal(false) }),
      z.object({ date: z.string(), available: z.literal(true), windows: z.array(Window) }),
    ]),
  ),
);

/** loop_templates.rounds */
export const readTemplateRounds = reader(
  "template rounds",
  z.array(
    z.object({
      roundTypeKey: z.string(),
      durationMin: z.number(),
      questionId: z.string().nullable().optional(),
      poolMemberIds: z.array(z.string()).optional(),
    }),
  ),
);

/** round_types.timingGuide */
export const readTimingGuide = reader("timing guide", z.array(z.object({ minutes: z.number(), activity: z.string() })));

const Titled = z.object({ title: z.string(), note: z.string() });
/** feedback_reports.draft */
export const readReportDraft = reader<Pick<ReportContent, "summary" | "strengths" | "growthAreas" | "excerpts">>(
  "report draft",
  z.object({
    summary: z.string(),
    strengths: z.array(Titled),
    growthAreas: z.array(Titled),
    excerpts: z.array(z.object({ signalTitle: z.string(), text: z.string(), by: z.string().nullable() })),
  }),
);

const StoredScore = z.object({
  kind: z.enum(["key", "group", "overall"]),
  key: z.string().nullable(),
  raw: num,
  calibrated: nullableNum,
  standardError: nullableNum,
  ratings: num,
  interviewers: num,
  notCalibratedReason: z.string().nullable(),
});
/** cohort_loop_scores.scores: a loop's scores without the loop id each would repeat. */
export const readStoredScores = reader<Omit<CandidateScore, "candidateId">[]>(
  "calibrated scores",
  z.array(StoredScore),
);

/** cohort_interviewers.estimate */
export const readInterviewerEstimate = reader<InterviewerEstimate>(
  "interviewer estimate",
  z.object({
    interviewerId: z.string(),
    identifiable: z.boolean(),
    severity: nullableNum,
    standardError: nullableNum,
    gain: nullableNum,
    gainStandardError: nullableNum,
    spread: nullableNum,
    ratings: num,
    scorecards: num,
    notCalibratedReason: z.string().nullable(),
  }),
);

const Agreement = z.object({
  key: z.string(),
  alpha: nullableNum,
  interval: z.tuple([num, num]).nullable(),
  units: num,
  pairableValues: num,
});
const InterviewerStats = z.object({
  interviewerId: z.string(),
  scorecards: num,
  panelGap: nullableNum,
  medianHoursToSubmit: nullableNum,
});
/** One entry of cohort_fits.summary -> 'interviewers' (read a few at a time, picked out in SQL). */
export const readInterviewerStats = reader<{
  interviewerId: string;
  scorecards: number;
  panelGap: number | null;
  medianHoursToSubmit: number | null;
}>("interviewer statistics", InterviewerStats);

/** cohort_fits.summary without its per-interviewer list (left in the database: see loadCohort). */
export const readCohortSummary = reader<{
  model: CalibrationModelSummary;
  warnings: string[];
  agreement: { bySignal: AgreementEstimate[]; byDimension: AgreementEstimate[] };
}>(
  "cohort summary",
  z.object({
    model: z.object({
      severitySd: nullableNum,
      gainSd: nullableNum,
      haloSd: nullableNum,
      noiseSd: nullableNum,
      iterations: num,
      converged: z.boolean(),
    }),
    warnings: z.array(z.string()),
    agreement: z.object({ bySignal: z.array(Agreement), byDimension: z.array(Agreement) }),
  }),
);

const ExerciseRating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
/** calibration_exercises.reference: { [signalKey]: { rating, reason } } */
export const readExerciseReference = reader<Record<string, ReferenceRating>>(
  "exercise reference",
  z.record(z.string(), z.object({ rating: ExerciseRating, reason: z.string() })),
);
/** calibration_exercises.links */
export const readExerciseLinks = reader<{ label: string; url: string }[]>(
  "exercise links",
  z.array(z.object({ label: z.string(), url: z.string() })),
);
/** exercise_attempts.ratings: { [signalKey]: { rating, evidence } } */
export const readAttemptRatings = reader<Record<string, { rating: ExerciseRatingValue; evidence: string }>>(
  "exercise attempt ratings",
  z.record(z.string(), z.object({ rating: ExerciseRating, evidence: z.string() })),
);

/**
 * cohort_interviewers.estimate.dimensions: the interviewer's severity and gain fitted on one dimension's
 * ratings at a time (absent in fits stored before they were added).
 */
export const readDimensionEstimates = reader<DimensionEstimate[]>(
  "interviewer dimension estimates",
  z
    .object({
      dimensions: z
        .array(
          z.object({
            dimensionKey: z.string(),
            severity: nullableNum,
            standardError: nullableNum,
            gain: nullableNum,
            gainStandardError: nullableNum,
            ratings: num,
            notCalibratedReason: z.string().nullable(),
          }),
        )
        .optional(),
    })
    .transform((e) => e.dimensions ?? []),
);
