import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import {
  ArchiveRoundTypeInput,
  CopyRoundTypeInput,
  CreateRoundTypeInput,
  ListLibraryInput,
  UpdateRoundTypeInput,
} from "@/schemas/library";
import {
  archiveRoundType,
  copyRoundType,
  createRoundType,
  listLibrary,
  updateRoundType,
} from "@/server/services/library";

export const libraryRouter = createTRPCRouter({
  list: permittedProcedure("library.read")
    .input(ListLibraryInput)
    .query(({ ctx, input }) => listLibrary(ctx.db, ctx.scope, input)),
  createRoundType: permittedProcedure("library.edit")
    .input(CreateRoundTypeInput)
    .mutation(({ ctx, input }) => createRoundType(ctx.db, ctx.scope, input)),
  updateRoundType: permittedProcedure("library.edit")
    .input(UpdateRoundTypeInput)
    .mutation(({ ctx, input }) => updateRoundType(ctx.db, ctx.scope, input)),
  copyRoundType: permittedProcedure("library.edit")
    .input(CopyRoundTypeInput)
    .mutation(({ ctx, input }) => copyRoundType(ctx.db, ctx.scope, input)),
  archiveRoundType: permittedProcedure("library.edit")
    .input(ArchiveRoundTypeInput)
    .mutation(({ ctx, input }) => archiveRoundType(ctx.db, ctx.scope, input)),
});
