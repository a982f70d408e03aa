// Loop templates: the seeded library of loop shapes, and the workspace's own, each an ordered list of rounds.
import { readTemplateRounds } from "@/server/db/json";
import { LOOP_TEMPLATES } from "@seed/loop-templates";
import type { Level } from "@/schemas/library";
import { AppError, notFound } from "@/server/errors";
import { uniqueKey } from "../keys";
import { inTransaction, type Scope, type Tx } from "../scope";
import type { TemplateRound } from "@/schemas/loop";

export async function seedLoopTemplates(tx: Tx, workspaceId: string) {
  await tx.loopTemplate.createMany({
    data: LOOP_TEMPLATES.map((t) => ({
      workspaceId,
      key: t.key,
      name: t.name,
      description: t.description,
      level: t.level,
      dimensionWeights: t.dimensionWeights,
      rounds: t.rounds,
      maxDays: t.maxDays ?? 1,
    })),
    skipDuplicates: true,
  });
}

export async function listTemplates(db: Tx, scope: Scope) {
  const [templates, roundTypes] = await Promise.all([
    db.loopTemplate.findMany({
      where: { workspaceId: scope.workspaceId, archivedAt: null },
      orderBy: { createdAt: "asc" },
    }),
    db.roundType.findMany({ where: { workspaceId: scope.workspaceId }, select: { key: true, name: true } }),
  ]);
  const name = new Map(roundTypes.map((r) => [r.key, r.name]));
  return templates.map((t) => ({
    id: t.id,
    key: t.key,
    name: t.name,
    description: t.description,
    level: t.level,
    dimensionWeights: t.dimensionWeights as Record<string, number>,
    maxDays: t.maxDays,
    breakMin: t.breakMin,
    rounds: readTemplateRounds(t.rounds).map((r) => ({
      ...r,
      roundTypeName: name.get(r.roundTypeKey) ?? r.roundTypeKey,
    })),
  }));
}

/** Creates or edits a loop template; every reference is checked against this workspace. */
export async function saveTemplate(
  db: Tx,
  scope: Scope,
  input: {
    templateId?: string;
    name: string;
    description: string;
    level: Level;
    rounds: TemplateRound[];
    maxDays?: number;
    breakMin?: number;
  },
) {
  return inTransaction(db, async (tx) => {
    // Every reference checked with one query per kind, whatever the number of rounds.
    const [roundTypes, questions, poolMembers] = await Promise.all([
      tx.roundType.findMany({
        where: { workspaceId: scope.workspaceId, archivedAt: null },
        select: { id: true, key: true },
      }),
      tx.question.findMany({
        where: {
          workspaceId: scope.workspaceId,
          id: { in: input.rounds.flatMap((r) => (r.questionId ? [r.questionId] : [])) },
        },
        select: { id: true, roundTypeId: true },
      }),
      tx.membership.findMany({
        where: {
          workspaceId: scope.workspaceId,
          id: { in: input.rounds.flatMap((r) => r.poolMemberIds ?? []) },
          role: { not: "candidate" },
        },
        select: { id: true },
      }),
    ]);
    for (const [i, r] of input.rounds.entries()) {
      const rt = roundTypes.find((x) => x.key === r.roundTypeKey);
      if (!rt)
        throw new AppError(
          "BAD_REQUEST",
          `rounds.${i}.roundTypeKey: no round type "${r.roundTypeKey}" in this workspace.`,
        );
      if (r.questionId && !questions.some((q) => q.id === r.questionId && q.roundTypeId === rt.id)) {
        throw new AppError(
          "BAD_REQUEST",
          `rounds.${i}.questionId: that question is not a ${r.roundTypeKey} question of this workspace.`,
        );
      }
      if ((r.poolMemberIds ?? []).some((id) => !poolMembers.some((m) => m.id === id))) {
        throw new AppError(
          "BAD_REQUEST",
          `rounds.${i}.poolMemberIds: every pool member must be an interviewer of this workspace.`,
        );
      }
    }
    const data = {
      name: input.name,
      description: input.description,
      level: input.level,
      maxDays: input.maxDays ?? 1,
      breakMin: input.breakMin ?? 15,
      rounds: input.rounds.map((r) => ({
        roundTypeKey: r.roundTypeKey,
        durationMin: r.durationMin,
        questionId: r.questionId ?? null,
        poolMemberIds: r.poolMemberIds ?? [],
      })),
    };
    if (input.templateId) {
      const existing = await tx.loopTemplate.findFirst({
        where: { id: input.templateId, workspaceId: scope.workspaceId },
      });
      if (!existing) throw notFound("That template");
      await tx.loopTemplate.update({ where: { id: existing.id }, data });
      return { id: existing.id };
    }
    const taken = (
      await tx.loopTemplate.findMany({ where: { workspaceId: scope.workspaceId }, select: { key: true } })
    ).map((t) => t.key);
    const created = await tx.loopTemplate.create({
      data: { ...data, workspaceId: scope.workspaceId, key: uniqueKey(input.name, taken), dimensionWeights: {} },
    });
    return { id: created.id };
  });
}

export async function archiveTemplate(db: Tx, scope: Scope, input: { templateId: string }) {
  const { count } = await db.loopTemplate.updateMany({
    where: { id: input.templateId, workspaceId: scope.workspaceId, archivedAt: null },
    data: { archivedAt: new Date() },
  });
  if (count === 0) throw notFound("That template");
  return { id: input.templateId };
}
