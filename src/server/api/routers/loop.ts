import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import {
  AddRoundInput,
  CreateLoopInput,
  LoopBoardInput,
  LoopColumnInput,
  ListLoopsInput,
  LoopRef,
  RoundRef,
  SaveTemplateInput,
  SetLoopStatusInput,
  TemplateRef,
} from "@/schemas/loop";
import { listLoopBoard, listLoopColumn, listLoops } from "@/server/services/loop/board";
import { getLoop } from "@/server/services/loop/detail";
import { createLoop, setLoopStatus } from "@/server/services/loop/lifecycle";
import { addRound, removeRound } from "@/server/services/loop/rounds";
import { archiveTemplate, listTemplates, saveTemplate } from "@/server/services/loop/templates";

export const loopRouter = createTRPCRouter({
  templates: permittedProcedure("loop.read").query(({ ctx }) => listTemplates(ctx.db, ctx.scope)),
  saveTemplate: permittedProcedure("loop.manage")
    .input(SaveTemplateInput)
    .mutation(({ ctx, input }) => saveTemplate(ctx.db, ctx.scope, input)),
  archiveTemplate: permittedProcedure("loop.manage")
    .input(TemplateRef)
    .mutation(({ ctx, input }) => archiveTemplate(ctx.db, ctx.scope, input)),
  board: permittedProcedure("loop.read")
    .input(LoopBoardInput)
    .query(({ ctx, input }) => listLoopBoard(ctx.db, ctx.scope, input)),
  boardColumn: permittedProcedure("loop.read")
    .input(LoopColumnInput)
    .query(({ ctx, input }) => listLoopColumn(ctx.db, ctx.scope, input)),
  list: permittedProcedure("loop.read")
    .input(ListLoopsInput)
    .query(({ ctx, input }) => listLoops(ctx.db, ctx.scope, input)),
  get: permittedProcedure("loop.read")
    .input(LoopRef)
    .query(({ ctx, input }) => getLoop(ctx.db, ctx.scope, input.loopId)),
  create: permittedProcedure("loop.manage")
    .input(CreateLoopInput)
    .mutation(({ ctx, input }) => createLoop(ctx.db, ctx.scope, input)),
  setStatus: permittedProcedure("loop.manage")
    .input(SetLoopStatusInput)
    .mutation(({ ctx, input }) => setLoopStatus(ctx.db, ctx.scope, input)),
  addRound: permittedProcedure("loop.manage")
    .input(AddRoundInput)
    .mutation(({ ctx, input }) => addRound(ctx.db, ctx.scope, input)),
  removeRound: permittedProcedure("loop.manage")
    .input(RoundRef)
    .mutation(({ ctx, input }) => removeRound(ctx.db, ctx.scope, input)),
});
