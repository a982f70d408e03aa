import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import {
  ArchiveRubricInput,
  CompareRubricInput,
  CopyRubricInput,
  CreateRubricInput,
  ExportRubricInput,
  GetRubricInput,
  ImportRubricInput,
  MoveSignalInput,
  PublishRubricInput,
  RedFlagRef,
  RubricRef,
  SaveRedFlagInput,
  SaveSignalInput,
  SignalRef,
} from "@/schemas/library";
import * as rubric from "@/server/services/rubric";

const read = permittedProcedure("library.read");
const edit = permittedProcedure("library.edit");

export const rubricRouter = createTRPCRouter({
  get: read.input(GetRubricInput).query(({ ctx, input }) => rubric.getRubric(ctx.db, ctx.scope, input)),
  compare: read
    .input(CompareRubricInput)
    .query(({ ctx, input }) => rubric.compareRubricVersions(ctx.db, ctx.scope, input)),
  export: read.input(ExportRubricInput).query(({ ctx, input }) => rubric.exportRubric(ctx.db, ctx.scope, input)),
  create: edit.input(CreateRubricInput).mutation(({ ctx, input }) => rubric.createRubric(ctx.db, ctx.scope, input)),
  copy: edit.input(CopyRubricInput).mutation(({ ctx, input }) => rubric.copyRubric(ctx.db, ctx.scope, input)),
  archive: edit.input(ArchiveRubricInput).mutation(({ ctx, input }) => rubric.archiveRubric(ctx.db, ctx.scope, input)),
  import: edit.input(ImportRubricInput).mutation(({ ctx, input }) => rubric.importRubric(ctx.db, ctx.scope, input)),
  startDraft: edit.input(RubricRef).mutation(({ ctx, input }) => rubric.startDraft(ctx.db, ctx.scope, input)),
  publish: edit.input(PublishRubricInput).mutation(({ ctx, input }) => rubric.publishRubric(ctx.db, ctx.scope, input)),
  saveSignal: edit.input(SaveSignalInput).mutation(({ ctx, input }) => rubric.saveSignal(ctx.db, ctx.scope, input)),
  removeSignal: edit.input(SignalRef).mutation(({ ctx, input }) => rubric.removeSignal(ctx.db, ctx.scope, input)),
  moveSignal: edit.input(MoveSignalInput).mutation(({ ctx, input }) => rubric.moveSignal(ctx.db, ctx.scope, input)),
  saveRedFlag: edit.input(SaveRedFlagInput).mutation(({ ctx, input }) => rubric.saveRedFlag(ctx.db, ctx.scope, input)),
  removeRedFlag: edit.input(RedFlagRef).mutation(({ ctx, input }) => rubric.removeRedFlag(ctx.db, ctx.scope, input)),
});
