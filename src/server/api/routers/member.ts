import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { ChangeRoleInput, RemoveMemberInput } from "@/schemas/member";
import { changeMemberRole, listMembers, removeMember } from "@/server/services/member";

export const memberRouter = createTRPCRouter({
  list: permittedProcedure("member.list").query(({ ctx }) => listMembers(ctx.db, ctx.scope)),
  changeRole: permittedProcedure("member.manage")
    .input(ChangeRoleInput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.scope, input)),
  remove: permittedProcedure("member.manage")
    .input(RemoveMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.scope, input)),
});
