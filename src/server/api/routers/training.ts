import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import {
  RevokeQualificationInput,
  SaveTrainingPathInput,
  SetAutoShadowInput,
  SignOffInput,
  TrainingPathRef,
} from "@/schemas/training";
import * as training from "@/server/services/training";

export const trainingRouter = createTRPCRouter({
  overview: permittedProcedure("training.manage").query(({ ctx }) => training.getTrainingOverview(ctx.db, ctx.scope)),
  mine: permittedProcedure("training.self").query(({ ctx }) => training.getMyTraining(ctx.db, ctx.scope)),
  savePath: permittedProcedure("training.manage")
    .input(SaveTrainingPathInput)
    .mutation(({ ctx, input }) => training.saveTrainingPath(ctx.db, ctx.scope, input)),
  removePath: permittedProcedure("training.manage")
    .input(TrainingPathRef)
    .mutation(({ ctx, input }) => training.removeTrainingPath(ctx.db, ctx.scope, input)),
  signOff: permittedProcedure("training.manage")
    .input(SignOffInput)
    .mutation(({ ctx, input }) => training.signOffTrainee(ctx.db, ctx.scope, input)),
  revoke: permittedProcedure("training.manage")
    .input(RevokeQualificationInput)
    .mutation(({ ctx, input }) => training.revokeQualification(ctx.db, ctx.scope, input)),
  templates: permittedProcedure("training.manage").query(({ ctx }) => training.listAutoShadow(ctx.db, ctx.scope)),
  setAutoShadow: permittedProcedure("training.manage")
    .input(SetAutoShadowInput)
    .mutation(({ ctx, input }) => training.setAutoShadow(ctx.db, ctx.scope, input)),
});
