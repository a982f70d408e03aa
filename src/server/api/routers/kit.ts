import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { GetKitInput } from "@/schemas/library";
import { RoundTypeRef } from "@/schemas/common";
import { getKit, listKits } from "@/server/services/kit";
import { getRoundTypeRubric } from "@/server/services/scoring-rubric";

export const kitRouter = createTRPCRouter({
  list: permittedProcedure("kit.read").query(({ ctx }) => listKits(ctx.db, ctx.scope)),
  get: permittedProcedure("kit.read")
    .input(GetKitInput)
    .query(({ ctx, input }) => getKit(ctx.db, ctx.scope, input)),
  rubric: permittedProcedure("kit.read")
    .input(RoundTypeRef)
    .query(({ ctx, input }) => getRoundTypeRubric(ctx.db, ctx.scope, input)),
});
