import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { LoopRef, ReportRef } from "@/schemas/common";
import { ListReleasedReportsInput, SaveReportDraftInput } from "@/schemas/report";
import { getReleasedReport, listReleasedReports } from "@/server/services/released-reports";
import {
  getMyReport,
  getReportDraft,
  listMyReports,
  releaseReport,
  saveReportDraft,
  withdrawReport,
} from "@/server/services/report";

export const reportRouter = createTRPCRouter({
  openDraft: permittedProcedure("report.manage")
    .input(LoopRef)
    .mutation(({ ctx, input }) => getReportDraft(ctx.db, ctx.scope, input)),
  saveDraft: permittedProcedure("report.manage")
    .input(SaveReportDraftInput)
    .mutation(({ ctx, input }) => saveReportDraft(ctx.db, ctx.scope, input)),
  release: permittedProcedure("report.manage")
    .input(LoopRef)
    .mutation(({ ctx, input }) => releaseReport(ctx.db, ctx.scope, input)),
  withdraw: permittedProcedure("report.manage")
    .input(LoopRef)
    .mutation(({ ctx, input }) => withdrawReport(ctx.db, ctx.scope, input)),
  listReleased: permittedProcedure("report.manage")
    .input(ListReleasedReportsInput)
    .query(({ ctx, input }) => listReleasedReports(ctx.db, ctx.scope, input)),
  getReleased: permittedProcedure("report.manage")
    .input(ReportRef)
    .query(({ ctx, input }) => getReleasedReport(ctx.db, ctx.scope, input)),
  listMine: permittedProcedure("report.own").query(({ ctx }) => listMyReports(ctx.db, ctx.scope)),
  getMine: permittedProcedure("report.own")
    .input(ReportRef)
    .query(({ ctx, input }) => getMyReport(ctx.db, ctx.scope, input)),
});
