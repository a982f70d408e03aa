import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { CalibrationReportInput, CohortInput } from "@/schemas/calibration";
import { getCohort, getInterviewerReport } from "@/server/services/calibration";

export const calibrationRouter = createTRPCRouter({
  cohort: permittedProcedure("calibration.read")
    .input(CohortInput)
    .query(({ ctx, input }) => getCohort(ctx.db, ctx.scope, input)),
  interviewers: permittedProcedure("calibration.read")
    .input(CalibrationReportInput)
    .query(({ ctx }) => getInterviewerReport(ctx.db, ctx.scope)),
});
