import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { ChangeRoleInput, EraseCandidateInput, ListMembersPageInput, RemoveMemberInput } from "@/schemas/member";
import { changeMemberRole, eraseCandidate, listMembers, listMembersPage, removeMember } from "@/server/services/member";

export const memberRouter = createTRPCRouter({
  /** Every member, for pickers; the Members page reads `page`. */
  list: permittedProcedure("member.list").query(({ ctx }) => listMembers(ctx.db, ctx.scope)),
  page: permittedProcedure("member.list")
    .input(ListMembersPageInput)
    .query(({ ctx, input }) => listMembersPage(ctx.db, ctx.scope, input)),
  changeRole: permittedProcedure("member.manage")
    .input(ChangeRoleInput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.scope, input)),
  remove: permittedProcedure("member.manage")
    .input(RemoveMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.scope, input)),
  erase: permittedProcedure("member.erase")
    .input(EraseCandidateInput)
    .mutation(({ ctx, input }) => eraseCandidate(ctx.db, ctx.scope, input)),
});
