import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { CalibrationReportInput, CohortInput, DecideInput, LoopRefInput, ReopenInput, ReviseScorecardInput, SaveScorecardInput, ScorecardRef, SubmitScorecardInput } from "@/schemas/scorecard";
import { getCohort, getInterviewerReport } from "@/server/services/calibration";
import { getDebrief, recordDecision, reopenDebrief } from "@/server/services/debrief";
import { listLoopScorecards, openMyScorecard, reviseScorecard, saveScorecardDraft, submitScorecard } from "@/server/services/scorecard";

export const scorecardRouter = createTRPCRouter({
  open: permittedProcedure("scorecard.fill").input(ScorecardRef).mutation(({ ctx, input }) => openMyScorecard(ctx.db, ctx.scope, input)),
  save: permittedProcedure("scorecard.fill").input(SaveScorecardInput).mutation(({ ctx, input }) => saveScorecardDraft(ctx.db, ctx.scope, input)),
  submit: permittedProcedure("scorecard.fill").input(SubmitScorecardInput).mutation(({ ctx, input }) => submitScorecard(ctx.db, ctx.scope, input)),
  revise: permittedProcedure("scorecard.fill").input(ReviseScorecardInput).mutation(({ ctx, input }) => reviseScorecard(ctx.db, ctx.scope, input)),
  listForLoop: permittedProcedure("debrief.read").input(LoopRefInput).query(({ ctx, input }) => listLoopScorecards(ctx.db, ctx.scope, input)),
});

export const debriefRouter = createTRPCRouter({
  get: permittedProcedure("debrief.read").input(LoopRefInput).query(({ ctx, input }) => getDebrief(ctx.db, ctx.scope, input)),
  decide: permittedProcedure("debrief.decide").input(DecideInput).mutation(({ ctx, input }) => recordDecision(ctx.db, ctx.scope, input)),
  reopen: permittedProcedure("debrief.decide").input(ReopenInput).mutation(({ ctx, input }) => reopenDebrief(ctx.db, ctx.scope, input)),
});

export const calibrationRouter = createTRPCRouter({
  cohort: permittedProcedure("calibration.read").input(CohortInput).query(({ ctx, input }) => getCohort(ctx.db, ctx.scope, input)),
  interviewers: permittedProcedure("calibration.read").input(CalibrationReportInput).query(({ ctx }) => getInterviewerReport(ctx.db, ctx.scope)),
});
