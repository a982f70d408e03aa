// Inputs of the calibration views: the cohort and the interviewer report (each a page at a time, with its
// filters), and the fit's summary.
import { z } from "zod";
import { LEVELS } from "@/domain/vocabulary";
import { BoundedDate, PageFields, WS } from "./common";
import { COHORT_SORTS, INTERVIEWER_SORTS } from "./values";

/**
 * The cohort's two lists: the loops on the calibrated scale (ranked), and those that cannot be calibrated
 * (e.g. rated only by interviewers outside the connected panel), which are listed by name and never ranked.
 */
export const COHORT_SECTIONS = ["ranked", "notCalibrated"] as const;

export const CohortPageInput = z.object({
  ...WS,
  ...PageFields,
  section: z.enum(COHORT_SECTIONS).default("ranked"),
  level: z.enum(LEVELS).optional(),
  targetRole: z.string().trim().max(120).optional(),
  from: BoundedDate.optional(),
  to: BoundedDate.optional(),
  sort: z.enum(COHORT_SORTS).default("calibrated"),
});
export type CohortPageInput = z.input<typeof CohortPageInput>;
/** The fit's summary beside the lists: model, notes on the data, inter-rater agreement. */
export const CalibrationSummaryInput = z.object({ ...WS });

/**
 * The interviewer report's two lists: interviewers in the connected panel (calibrated), and those outside it
 * whose severity cannot be estimated, listed by name with the reason and never ranked by severity.
 */
export const INTERVIEWER_SECTIONS = ["calibrated", "notCalibrated"] as const;

export const InterviewerPageInput = z.object({
  ...WS,
  ...PageFields,
  section: z.enum(INTERVIEWER_SECTIONS).default("calibrated"),
  sort: z.enum(INTERVIEWER_SORTS).default("severity"),
  search: z.string().trim().max(120, "Search with at most 120 characters").optional(),
});
export type InterviewerPageInput = z.input<typeof InterviewerPageInput>;
