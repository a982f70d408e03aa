import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { CalibrationReportInput, CohortPageInput } from "@/schemas/calibration";
import { getCohortPage, getInterviewerReport } from "@/server/services/calibration";

export const calibrationRouter = createTRPCRouter({
  cohortPage: permittedProcedure("calibration.read")
    .input(CohortPageInput)
    .query(({ ctx, input }) => getCohortPage(ctx.db, ctx.scope, input)),
  interviewers: permittedProcedure("calibration.read")
    .input(CalibrationReportInput)
    .query(({ ctx }) => getInterviewerReport(ctx.db, ctx.scope)),
});
