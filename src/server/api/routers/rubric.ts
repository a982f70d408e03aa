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
import { getRubric } from "@/server/services/rubric/read";
import {
  compareRubricVersions,
  createRubric,
  copyRubric,
  archiveRubric,
  startDraft,
  publishRubric,
} from "@/server/services/rubric/versions";
import { saveSignal, removeSignal, moveSignal, saveRedFlag, removeRedFlag } from "@/server/services/rubric/content";
import { exportRubric, importRubric } from "@/server/services/rubric/import-export";

const read = permittedProcedure("library.read");
const edit = permittedProcedure("library.edit");

export const rubricRouter = createTRPCRouter({
  get: read.input(GetRubricInput).query(({ ctx, input }) => getRubric(ctx.db, ctx.scope, input)),
  compare: read.input(CompareRubricInput).query(({ ctx, input }) => compareRubricVersions(ctx.db, ctx.scope, input)),
  export: read.input(ExportRubricInput).query(({ ctx, input }) => exportRubric(ctx.db, ctx.scope, input)),
  create: edit.input(CreateRubricInput).mutation(({ ctx, input }) => createRubric(ctx.db, ctx.scope, input)),
  copy: edit.input(CopyRubricInput).mutation(({ ctx, input }) => copyRubric(ctx.db, ctx.scope, input)),
  archive: edit.input(ArchiveRubricInput).mutation(({ ctx, input }) => archiveRubric(ctx.db, ctx.scope, input)),
  import: edit.input(ImportRubricInput).mutation(({ ctx, input }) => importRubric(ctx.db, ctx.scope, input)),
  startDraft: edit.input(RubricRef).mutation(({ ctx, input }) => startDraft(ctx.db, ctx.scope, input)),
  publish: edit.input(PublishRubricInput).mutation(({ ctx, input }) => publishRubric(ctx.db, ctx.scope, input)),
  saveSignal: edit.input(SaveSignalInput).mutation(({ ctx, input }) => saveSignal(ctx.db, ctx.scope, input)),
  removeSignal: edit.input(SignalRef).mutation(({ ctx, input }) => removeSignal(ctx.db, ctx.scope, input)),
  moveSignal: edit.input(MoveSignalInput).mutation(({ ctx, input }) => moveSignal(ctx.db, ctx.scope, input)),
  saveRedFlag: edit.input(SaveRedFlagInput).mutation(({ ctx, input }) => saveRedFlag(ctx.db, ctx.scope, input)),
  removeRedFlag: edit.input(RedFlagRef).mutation(({ ctx, input }) => removeRedFlag(ctx.db, ctx.scope, input)),
});
