import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { CalibrationSummaryInput, CohortPageInput, InterviewerPageInput } from "@/schemas/calibration";
import { getCalibrationSummary, getCohortPage, getInterviewerPage } from "@/server/services/calibration";

export const calibrationRouter = createTRPCRouter({
  cohortPage: permittedProcedure("calibration.read")
    .input(CohortPageInput)
    .query(({ ctx, input }) => getCohortPage(ctx.db, ctx.scope, input)),
  interviewerPage: permittedProcedure("calibration.read")
    .input(InterviewerPageInput)
    .query(({ ctx, input }) => getInterviewerPage(ctx.db, ctx.scope, input)),
  summary: permittedProcedure("calibration.read")
    .input(CalibrationSummaryInput)
    .query(({ ctx }) => getCalibrationSummary(ctx.db, ctx.scope)),
});
