import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { ListAuditInput } from "@/schemas/audit";
import { listAuditEvents } from "@/server/services/audit";

export const auditRouter = createTRPCRouter({
  list: permittedProcedure("audit.read")
    .input(ListAuditInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.scope, input)),
});
