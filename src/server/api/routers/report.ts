import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { LoopRefInput, ReportRefInput, SaveReportDraftInput } from "@/schemas/scorecard";
import { getMyReport, getReportDraft, listMyReports, releaseReport, saveReportDraft, withdrawReport } from "@/server/services/report";

export const reportRouter = createTRPCRouter({
  openDraft: permittedProcedure("report.manage").input(LoopRefInput).mutation(({ ctx, input }) => getReportDraft(ctx.db, ctx.scope, input)),
  saveDraft: permittedProcedure("report.manage").input(SaveReportDraftInput).mutation(({ ctx, input }) => saveReportDraft(ctx.db, ctx.scope, input)),
  release: permittedProcedure("report.manage").input(LoopRefInput).mutation(({ ctx, input }) => releaseReport(ctx.db, ctx.scope, input)),
  withdraw: permittedProcedure("report.manage").input(LoopRefInput).mutation(({ ctx, input }) => withdrawReport(ctx.db, ctx.scope, input)),
  listMine: permittedProcedure("report.own").query(({ ctx }) => listMyReports(ctx.db, ctx.scope)),
  getMine: permittedProcedure("report.own").input(ReportRefInput).query(({ ctx, input }) => getMyReport(ctx.db, ctx.scope, input)),
});
