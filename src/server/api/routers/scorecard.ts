import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { LoopRef, RoundRef } from "@/schemas/common";
import { ReviseScorecardInput, SaveScorecardInput, SubmitScorecardInput } from "@/schemas/scorecard";
import {
  openMyScorecard,
  reviseScorecard,
  saveScorecardDraft,
  submitScorecard,
} from "@/server/services/scorecard/my-scorecard";
import { listLoopScorecards } from "@/server/services/scorecard/panel";
import { getRoundRubric } from "@/server/services/scoring-rubric";

export const scorecardRouter = createTRPCRouter({
  open: permittedProcedure("scorecard.fill")
    .input(RoundRef)
    .mutation(({ ctx, input }) => openMyScorecard(ctx.db, ctx.scope, input)),
  save: permittedProcedure("scorecard.fill")
    .input(SaveScorecardInput)
    .mutation(({ ctx, input }) => saveScorecardDraft(ctx.db, ctx.scope, input)),
  submit: permittedProcedure("scorecard.fill")
    .input(SubmitScorecardInput)
    .mutation(({ ctx, input }) => submitScorecard(ctx.db, ctx.scope, input)),
  revise: permittedProcedure("scorecard.fill")
    .input(ReviseScorecardInput)
    .mutation(({ ctx, input }) => reviseScorecard(ctx.db, ctx.scope, input)),
  rubric: permittedProcedure("scorecard.fill")
    .input(RoundRef)
    .query(({ ctx, input }) => getRoundRubric(ctx.db, ctx.scope, input)),
  listForLoop: permittedProcedure("debrief.read")
    .input(LoopRef)
    .query(({ ctx, input }) => listLoopScorecards(ctx.db, ctx.scope, input)),
});
