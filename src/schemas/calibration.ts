// Inputs of the calibration views: the cohort (a page at a time, with its filters) and the interviewer report.
import { z } from "zod";
import { LEVELS } from "@/domain/vocabulary";
import { BoundedDate, PageFields, WS } from "./common";

/** The calibrated loops are ranked by calibrated or raw score, or listed by name. */
export const COHORT_SORTS = ["calibrated", "raw", "name"] as const;
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
export const CalibrationReportInput = z.object({ ...WS });
