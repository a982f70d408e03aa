import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { ListEmailsInput, OutboxActionInput } from "@/schemas/email";
import { listWorkspaceEmails, retryEmail } from "@/server/services/email";

export const emailRouter = createTRPCRouter({
  list: permittedProcedure("outbox.manage")
    .input(ListEmailsInput)
    .query(({ ctx, input }) => listWorkspaceEmails(ctx.db, ctx.scope, input)),
  retry: permittedProcedure("outbox.manage")
    .input(OutboxActionInput)
    .mutation(({ ctx, input }) => retryEmail(ctx.db, ctx.scope, input)),
});
