import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { CreateLoopInput, LoopRef, SetLoopStatusInput } from "@/schemas/loop";
import { createLoop, getLoop, listLoopBoard, listTemplates, setLoopStatus } from "@/server/services/loop";

export const loopRouter = createTRPCRouter({
  templates: permittedProcedure("loop.read").query(({ ctx }) => listTemplates(ctx.db, ctx.scope)),
  board: permittedProcedure("loop.read").query(({ ctx }) => listLoopBoard(ctx.db, ctx.scope)),
  get: permittedProcedure("loop.read").input(LoopRef).query(({ ctx, input }) => getLoop(ctx.db, ctx.scope, input.loopId)),
  create: permittedProcedure("loop.manage").input(CreateLoopInput).mutation(({ ctx, input }) => createLoop(ctx.db, ctx.scope, input)),
  setStatus: permittedProcedure("loop.manage").input(SetLoopStatusInput).mutation(({ ctx, input }) => setLoopStatus(ctx.db, ctx.scope, input)),
});
