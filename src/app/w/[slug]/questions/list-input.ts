import { LEVELS, type Level } from "@/domain/vocabulary";
import { PAGE_SIZE, QUESTION_SORTS } from "@/schemas/values";

export type QuestionSort = (typeof QUESTION_SORTS)[number];

/** The URL's filters as the question bank reads them ("" when absent). */
export type QuestionParams = { roundType: string; signal: string; level: string; q: string; sort: string };

/**
 * The input of `question.page` for the filters in the URL: one derivation for the list in the browser and the
 * page's prefetch on the server, so both ask for (and cache) the same query.
 */
export function questionPageInput(workspaceId: string, p: QuestionParams) {
  return {
    workspaceId,
    roundTypeId: p.roundType || undefined,
    signalKey: p.signal || undefined,
    level: (LEVELS as readonly string[]).includes(p.level) ? (p.level as Level) : undefined,
    search: p.q.trim() || undefined,
    sort: (QUESTION_SORTS as readonly string[]).includes(p.sort) ? (p.sort as QuestionSort) : "roundType",
    includeArchived: false,
    limit: PAGE_SIZE,
  };
}
