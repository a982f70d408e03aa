// Inputs of the calibration views: the cohort (with its filters) and the interviewer report.
import { z } from "zod";
import { LEVELS } from "@/domain/vocabulary";
import { BoundedDate, WS } from "./common";

export const CohortInput = z.object({
  ...WS,
  level: z.enum(LEVELS).optional(),
  targetRole: z.string().trim().max(120).optional(),
  from: BoundedDate.optional(),
  to: BoundedDate.optional(),
});
export const CalibrationReportInput = z.object({ ...WS });
