import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { AnalyticsInput } from "@/schemas/analytics";
import { getAnalytics } from "@/server/services/analytics";

export const analyticsRouter = createTRPCRouter({
  get: permittedProcedure("analytics.read")
    .input(AnalyticsInput)
    .query(({ ctx, input }) => getAnalytics(ctx.db, ctx.scope, input)),
});
