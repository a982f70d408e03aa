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
import {
  getProfile,
  saveMyAvailability,
  importBusyTimes,
  clearImportedBusy,
} from "@/server/services/schedule/availability";
import { listMyAgenda, listMySchedule } from "@/server/services/schedule/agenda";
import { bookRounds, cancelRound, restoreRound } from "@/server/services/schedule/booking";
import { listInterviewers, saveInterviewerSettings } from "@/server/services/schedule/interviewers";
import { explainSlots, suggestSlots } from "@/server/services/schedule/suggestions";

export const scheduleRouter = createTRPCRouter({
  myAvailability: permittedProcedure("schedule.self").query(({ ctx }) => getProfile(ctx.db, ctx.scope)),
  saveMyAvailability: permittedProcedure("schedule.self")
    .input(SaveAvailabilityInput)
    .mutation(({ ctx, input }) => saveMyAvailability(ctx.db, ctx.scope, input)),
  importBusy: permittedProcedure("schedule.self")
    .input(ImportBusyInput)
    .mutation(({ ctx, input }) => importBusyTimes(ctx.db, ctx.scope, input)),
  clearImportedBusy: permittedProcedure("schedule.self").mutation(({ ctx }) => clearImportedBusy(ctx.db, ctx.scope)),
  mySchedule: permittedProcedure("schedule.self").query(({ ctx }) => listMySchedule(ctx.db, ctx.scope)),
  agenda: permittedProcedure("agenda.read").query(({ ctx }) => listMyAgenda(ctx.db, ctx.scope)),
  interviewers: permittedProcedure("loop.read").query(({ ctx }) => listInterviewers(ctx.db, ctx.scope)),
  saveInterviewerSettings: permittedProcedure("loop.manage")
    .input(InterviewerSettingsInput)
    .mutation(({ ctx, input }) => saveInterviewerSettings(ctx.db, ctx.scope, input)),
  suggest: permittedProcedure("loop.manage")
    .input(SuggestSlotsInput)
    .query(({ ctx, input }) => suggestSlots(ctx.db, ctx.scope, input)),
  explain: permittedProcedure("loop.manage")
    .input(SuggestSlotsInput)
    .query(({ ctx, input }) => explainSlots(ctx.db, ctx.scope, input)),
  book: permittedProcedure("loop.manage")
    .input(BookRoundsInput)
    .mutation(({ ctx, input }) => bookRounds(ctx.db, ctx.scope, input)),
  cancelRound: permittedProcedure("loop.manage")
    .input(CancelRoundInput)
    .mutation(({ ctx, input }) => cancelRound(ctx.db, ctx.scope, input)),
  restoreRound: permittedProcedure("loop.manage")
    .input(RoundRef)
    .mutation(({ ctx, input }) => restoreRound(ctx.db, ctx.scope, input)),
});
