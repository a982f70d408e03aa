import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { GetKitInput } from "@/schemas/library";
import { getKit, listKits } from "@/server/services/kit";

export const kitRouter = createTRPCRouter({
  list: permittedProcedure("kit.read").query(({ ctx }) => listKits(ctx.db, ctx.scope)),
  get: permittedProcedure("kit.read")
    .input(GetKitInput)
    .query(({ ctx, input }) => getKit(ctx.db, ctx.scope, input)),
});
