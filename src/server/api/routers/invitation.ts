import { authedProcedure, createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import {
  AcceptInvitationInput,
  CreateInvitationInput,
  InvitationActionInput,
  InvitationTokenInput,
} from "@/schemas/member";
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from "@/server/services/invitation";

export const invitationRouter = createTRPCRouter({
  list: permittedProcedure("invitation.manage").query(({ ctx }) => listInvitations(ctx.db, ctx.scope)),
  create: permittedProcedure("invitation.manage")
    .input(CreateInvitationInput)
    .mutation(({ ctx, input }) => createInvitation(ctx.db, ctx.scope, input)),
  resend: permittedProcedure("invitation.manage")
    .input(InvitationActionInput)
    .mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx.scope, input)),
  revoke: permittedProcedure("invitation.manage")
    .input(InvitationActionInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.scope, input)),
  preview: authedProcedure
    .input(InvitationTokenInput)
    .query(({ ctx, input }) => previewInvitation(ctx.db, ctx.actor, input.token)),
  accept: authedProcedure
    .input(AcceptInvitationInput)
    .mutation(({ ctx, input }) =>
      acceptInvitation(ctx.db, ctx.actor, input.token, new Date(), { name: input.name, timeZone: input.timeZone }),
    ),
});
