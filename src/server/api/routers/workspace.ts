import { authedProcedure, createTRPCRouter, permittedProcedure, workspaceProcedure } from "@/server/api/trpc";
import {
  CreateWorkspaceInput,
  DeleteWorkspaceInput,
  ResolveWorkspaceInput,
  UpdateWorkspaceInput,
} from "@/schemas/workspace";
import { leaveWorkspace } from "@/server/services/member";
import {
  createWorkspace,
  deleteWorkspace,
  getWorkspace,
  listMyWorkspaces,
  resolveWorkspace,
  updateWorkspace,
} from "@/server/services/workspace";

export const workspaceRouter = createTRPCRouter({
  listMine: authedProcedure.query(({ ctx }) => listMyWorkspaces(ctx.db, ctx.actor)),
  create: authedProcedure
    .input(CreateWorkspaceInput)
    .mutation(({ ctx, input }) => createWorkspace(ctx.db, ctx.actor, input)),
  resolve: authedProcedure
    .input(ResolveWorkspaceInput)
    .query(({ ctx, input }) => resolveWorkspace(ctx.db, ctx.actor, input.slug)),
  get: workspaceProcedure.query(({ ctx }) => getWorkspace(ctx.db, ctx.scope)),
  update: permittedProcedure("workspace.update")
    .input(UpdateWorkspaceInput)
    .mutation(({ ctx, input }) => updateWorkspace(ctx.db, ctx.scope, input)),
  leave: workspaceProcedure.mutation(({ ctx }) => leaveWorkspace(ctx.db, ctx.scope)),
  delete: permittedProcedure("workspace.delete")
    .input(DeleteWorkspaceInput)
    .mutation(({ ctx, input }) => deleteWorkspace(ctx.db, ctx.scope, input)),
});
