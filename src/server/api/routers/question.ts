import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { ArchiveQuestionInput, ListQuestionsInput, ListQuestionsPageInput, SaveQuestionInput } from "@/schemas/library";
import { archiveQuestion, listQuestions, listQuestionsPage, saveQuestion } from "@/server/services/question";

export const questionRouter = createTRPCRouter({
  list: permittedProcedure("library.read")
    .input(ListQuestionsInput)
    .query(({ ctx, input }) => listQuestions(ctx.db, ctx.scope, input)),
  page: permittedProcedure("library.read")
    .input(ListQuestionsPageInput)
    .query(({ ctx, input }) => listQuestionsPage(ctx.db, ctx.scope, input)),
  save: permittedProcedure("library.edit")
    .input(SaveQuestionInput)
    .mutation(({ ctx, input }) => saveQuestion(ctx.db, ctx.scope, input)),
  archive: permittedProcedure("library.edit")
    .input(ArchiveQuestionInput)
    .mutation(({ ctx, input }) => archiveQuestion(ctx.db, ctx.scope, input)),
});
