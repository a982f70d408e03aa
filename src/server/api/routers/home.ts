import { createTRPCRouter, permittedProcedure, workspaceProcedure } from "@/server/api/trpc";
import { RoundRef } from "@/schemas/loop";
import { getHome } from "@/server/services/home/home";
import { nudgeScorecard } from "@/server/services/home/nudge";

export const homeRouter = createTRPCRouter({
  get: workspaceProcedure.query(({ ctx }) => getHome(ctx.db, ctx.scope)),
  nudge: permittedProcedure("loop.manage")
    .input(RoundRef)
    .mutation(({ ctx, input }) => nudgeScorecard(ctx.db, ctx.scope, input)),
});
