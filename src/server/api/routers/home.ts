import { createTRPCRouter, permittedProcedure, workspaceProcedure } from "@/server/api/trpc";
import { RoundRef } from "@/schemas/loop";
import * as home from "@/server/services/home";

export const homeRouter = createTRPCRouter({
  get: workspaceProcedure.query(({ ctx }) => home.getHome(ctx.db, ctx.scope)),
  nudge: permittedProcedure("loop.manage")
    .input(RoundRef)
    .mutation(({ ctx, input }) => home.nudgeScorecard(ctx.db, ctx.scope, input)),
});
