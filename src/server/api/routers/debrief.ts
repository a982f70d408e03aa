import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { LoopRef } from "@/schemas/common";
import { DecideInput, ReopenInput } from "@/schemas/debrief";
import { getDebrief, recordDecision, reopenDebrief } from "@/server/services/debrief";

export const debriefRouter = createTRPCRouter({
  get: permittedProcedure("debrief.read")
    .input(LoopRef)
    .query(({ ctx, input }) => getDebrief(ctx.db, ctx.scope, input)),
  decide: permittedProcedure("debrief.decide")
    .input(DecideInput)
    .mutation(({ ctx, input }) => recordDecision(ctx.db, ctx.scope, input)),
  reopen: permittedProcedure("debrief.decide")
    .input(ReopenInput)
    .mutation(({ ctx, input }) => reopenDebrief(ctx.db, ctx.scope, input)),
});
