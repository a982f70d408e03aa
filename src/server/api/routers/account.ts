import { authedProcedure, createTRPCRouter } from "@/server/api/trpc";
import { UpdateProfileInput } from "@/schemas/account";
import { getProfile, updateProfile } from "@/server/services/account";

export const accountRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => getProfile(ctx.db, ctx.actor)),
  updateProfile: authedProcedure.input(UpdateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.actor, input)),
});
