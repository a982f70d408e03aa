// The question bank: prompts tagged by round type, signals and level.
import type { Level } from "@/schemas/library";
import { AppError, notFound } from "@/server/errors";
import type { Prisma } from "@/server/db";
import { recordAudit } from "./audit";
import { after, literal, pageOf } from "./paging";
import { inTransaction, type Scope, type Tx } from "./scope";

type QuestionFilter = {
  roundTypeId?: string;
  signalKey?: string;
  level?: Level;
  search?: string;
  includeArchived: boolean;
};

function questionWhere(scope: Scope, input: QuestionFilter): Prisma.QuestionWhereInput {
  return {
    workspaceId: scope.workspaceId,
    ...(input.includeArchived ? {} : { archivedAt: null }),
    ...(input.roundTypeId ? { roundTypeId: input.roundTypeId } : {}),
    ...(input.signalKey ? { signalKeys: { has: input.signalKey } } : {}),
    ...(input.level ? { levels: { has: input.level } } : {}),
    ...(input.search
      ? {
          OR: [
            { title: { contains: literal(input.search), mode: "insensitive" } },
            { prompt: { contains: literal(input.search), mode: "insensitive" } },
            { probes: { contains: literal(input.search), mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

const withRoundType = { roundType: { select: { id: true, name: true, key: true } } } as const;

function presentQuestion(q: Prisma.QuestionGetPayload<{ include: typeof withRoundType }>) {
  return {
    id: q.id,
    title: q.title,
    prompt: q.prompt,
    probes: q.probes,
    followUps: q.followUps,
    signalKeys: q.signalKeys,
    levels: q.levels,
    difficulty: q.difficulty,
    archived: !!q.archivedAt,
    roundType: q.roundType,
  };
}

/** Every matching question (up to 500), for pickers: the loop's round, the template editor. */
export async function listQuestions(db: Tx, scope: Scope, input: QuestionFilter) {
  const questions = await db.question.findMany({
    where: questionWhere(scope, input),
    orderBy: [{ roundType: { order: "asc" } }, { title: "asc" }],
    include: withRoundType,
    take: 500,
  });
  return questions.map(presentQuestion);
}

const QUESTION_ORDER = {
  roundType: [{ roundType: { order: "asc" } }, { title: "asc" }, { id: "asc" }],
  title: [{ title: "asc" }, { id: "asc" }],
  newest: [{ createdAt: "desc" }, { id: "desc" }],
} satisfies Record<string, Prisma.QuestionOrderByWithRelationInput[]>;

/**
 * One page of the question bank, filtered and sorted in the query. The first page also carries the number
 * of matching questions (one count) and the signal keys the questions of the chosen round type probe (one
 * query), for the signal filter.
 */
export async function listQuestionsPage(
  db: Tx,
  scope: Scope,
  input: QuestionFilter & { cursor?: string; limit: number; sort?: keyof typeof QUESTION_ORDER },
) {
  const where = questionWhere(scope, input);
  const [rows, total, signalKeys] = await Promise.all([
    db.question.findMany({
      where,
      orderBy: QUESTION_ORDER[input.sort ?? "roundType"],
      include: withRoundType,
      take: input.limit + 1,
      ...after(input.cursor),
    }),
    input.cursor ? null : db.question.count({ where }),
    input.cursor
      ? null
      : db.$queryRaw<{ key: string }[]>`
          SELECT DISTINCT unnest("signalKeys") AS key FROM "questions"
          WHERE "workspaceId" = ${scope.workspaceId}
            AND (${input.includeArchived} OR "archivedAt" IS NULL)
            AND (${input.roundTypeId ?? null}::text IS NULL OR "roundTypeId" = ${input.roundTypeId ?? null})
          ORDER BY key`,
  ]);
  const page = pageOf(rows, input.limit);
  return {
    items: page.items.map(presentQuestion),
    nextCursor: page.nextCursor,
    total,
    signalKeys: signalKeys?.map((s) => s.key) ?? null,
  };
}

async function checkSignalKeys(tx: Tx, scope: Scope, roundTypeId: string, keys: string[]) {
  const rt = await tx.roundType.findFirst({
    where: { id: roundTypeId, workspaceId: scope.workspaceId },
    select: { id: true, name: true },
  });
  if (!rt) throw notFound("That round type");
  if (keys.length === 0) return rt;
  // Signals of any version of the round type's rubrics count: keys are stable across versions.
  const known = new Set(
    (
      await tx.signal.findMany({
        where: { workspaceId: scope.workspaceId, version: { rubric: { roundTypeId: rt.id } } },
        select: { key: true },
        distinct: ["key"],
      })
    ).map((s) => s.key),
  );
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length)
    throw new AppError(
      "BAD_REQUEST",
      `${rt.name} has no signal ${unknown.join(", ")}. Pick signals of that round type.`,
    );
  return rt;
}

export async function saveQuestion(
  db: Tx,
  scope: Scope,
  input: {
    questionId?: string;
    roundTypeId: string;
    title: string;
    prompt: string;
    probes: string;
    followUps: string[];
    signalKeys: string[];
    levels: Level[];
    difficulty: "easy" | "medium" | "hard";
  },
) {
  return inTransaction(db, async (tx) => {
    await checkSignalKeys(tx, scope, input.roundTypeId, input.signalKeys);
    const data = {
      roundTypeId: input.roundTypeId,
      title: input.title,
      prompt: input.prompt,
      probes: input.probes,
      followUps: input.followUps,
      signalKeys: [...new Set(input.signalKeys)],
      levels: [...new Set(input.levels)],
      difficulty: input.difficulty,
    };
    if (input.questionId) {
      const existing = await tx.question.findFirst({ where: { id: input.questionId, workspaceId: scope.workspaceId } });
      if (!existing) throw notFound("That question");
      const q = await tx.question.update({ where: { id: existing.id }, data });
      await recordAudit(tx, {
        workspaceId: scope.workspaceId,
        actorId: scope.userId,
        action: "question.updated",
        targetType: "question",
        targetId: q.id,
        data: { title: q.title },
      });
      return { id: q.id, title: q.title };
    }
    const q = await tx.question.create({ data: { ...data, workspaceId: scope.workspaceId } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "question.created",
      targetType: "question",
      targetId: q.id,
      data: { title: q.title },
    });
    return { id: q.id, title: q.title };
  });
}

export async function archiveQuestion(db: Tx, scope: Scope, input: { questionId: string; archived: boolean }) {
  return inTransaction(db, async (tx) => {
    const q = await tx.question.findFirst({ where: { id: input.questionId, workspaceId: scope.workspaceId } });
    if (!q) throw notFound("That question");
    await tx.question.update({ where: { id: q.id }, data: { archivedAt: input.archived ? new Date() : null } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: input.archived ? "question.archived" : "question.restored",
      targetType: "question",
      targetId: q.id,
      data: { title: q.title },
    });
    return { id: q.id, archived: input.archived };
  });
}
