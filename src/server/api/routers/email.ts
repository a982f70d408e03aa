import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { OutboxActionInput } from "@/schemas/email";
import { listWorkspaceEmails, retryEmail } from "@/server/services/email";

export const emailRouter = createTRPCRouter({
  list: permittedProcedure("outbox.manage").query(({ ctx }) => listWorkspaceEmails(ctx.db, ctx.scope)),
  retry: permittedProcedure("outbox.manage")
    .input(OutboxActionInput)
    .mutation(({ ctx, input }) => retryEmail(ctx.db, ctx.scope, input)),
});
