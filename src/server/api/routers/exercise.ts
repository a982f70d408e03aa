import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import {
  CreateExerciseInput,
  ExerciseRef,
  HowIRateInput,
  ListExercisesInput,
  SubmitAttemptInput,
} from "@/schemas/exercise";
import {
  archiveExercise,
  createExercise,
  getExercise,
  listExercises,
  reviewExercise,
  submitAttempt,
} from "@/server/services/exercise";
import { getHowIRate } from "@/server/services/how-i-rate";

export const exerciseRouter = createTRPCRouter({
  list: permittedProcedure("exercise.take")
    .input(ListExercisesInput)
    .query(({ ctx }) => listExercises(ctx.db, ctx.scope)),
  get: permittedProcedure("exercise.take")
    .input(ExerciseRef)
    .query(({ ctx, input }) => getExercise(ctx.db, ctx.scope, input)),
  submit: permittedProcedure("exercise.take")
    .input(SubmitAttemptInput)
    .mutation(({ ctx, input }) => submitAttempt(ctx.db, ctx.scope, input)),
  create: permittedProcedure("exercise.manage")
    .input(CreateExerciseInput)
    .mutation(({ ctx, input }) => createExercise(ctx.db, ctx.scope, input)),
  archive: permittedProcedure("exercise.manage")
    .input(ExerciseRef)
    .mutation(({ ctx, input }) => archiveExercise(ctx.db, ctx.scope, input)),
  review: permittedProcedure("exercise.manage")
    .input(ExerciseRef)
    .query(({ ctx, input }) => reviewExercise(ctx.db, ctx.scope, input)),
  howIRate: permittedProcedure("rating.self")
    .input(HowIRateInput)
    .query(({ ctx, input }) => getHowIRate(ctx.db, ctx.scope, input)),
});
