import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import {
  BookRoundsInput,
  CancelRoundInput,
  ImportBusyInput,
  InterviewerSettingsInput,
  RoundRef,
  SaveAvailabilityInput,
  SuggestSlotsInput,
} from "@/schemas/loop";
import * as schedule from "@/server/services/schedule";

export const scheduleRouter = createTRPCRouter({
  myAvailability: permittedProcedure("schedule.self").query(({ ctx }) => schedule.getProfile(ctx.db, ctx.scope)),
  saveMyAvailability: permittedProcedure("schedule.self")
    .input(SaveAvailabilityInput)
    .mutation(({ ctx, input }) => schedule.saveMyAvailability(ctx.db, ctx.scope, input)),
  importBusy: permittedProcedure("schedule.self")
    .input(ImportBusyInput)
    .mutation(({ ctx, input }) => schedule.importBusyTimes(ctx.db, ctx.scope, input)),
  clearImportedBusy: permittedProcedure("schedule.self").mutation(({ ctx }) =>
    schedule.clearImportedBusy(ctx.db, ctx.scope),
  ),
  mySchedule: permittedProcedure("schedule.self").query(({ ctx }) => schedule.listMySchedule(ctx.db, ctx.scope)),
  agenda: permittedProcedure("agenda.read").query(({ ctx }) => schedule.listMyAgenda(ctx.db, ctx.scope)),
  interviewers: permittedProcedure("loop.read").query(({ ctx }) => schedule.listInterviewers(ctx.db, ctx.scope)),
  saveInterviewerSettings: permittedProcedure("loop.manage")
    .input(InterviewerSettingsInput)
    .mutation(({ ctx, input }) => schedule.saveInterviewerSettings(ctx.db, ctx.scope, input)),
  suggest: permittedProcedure("loop.manage")
    .input(SuggestSlotsInput)
    .query(({ ctx, input }) => schedule.suggestSlots(ctx.db, ctx.scope, input)),
  explain: permittedProcedure("loop.manage")
    .input(SuggestSlotsInput)
    .query(({ ctx, input }) => schedule.explainSlots(ctx.db, ctx.scope, input)),
  book: permittedProcedure("loop.manage")
    .input(BookRoundsInput)
    .mutation(({ ctx, input }) => schedule.bookRounds(ctx.db, ctx.scope, input)),
  cancelRound: permittedProcedure("loop.manage")
    .input(CancelRoundInput)
    .mutation(({ ctx, input }) => schedule.cancelRound(ctx.db, ctx.scope, input)),
  restoreRound: permittedProcedure("loop.manage")
    .input(RoundRef)
    .mutation(({ ctx, input }) => schedule.restoreRound(ctx.db, ctx.scope, input)),
});
