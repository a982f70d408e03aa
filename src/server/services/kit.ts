// The interviewer kit: what an interviewer needs in the room for one round type and question.
import { readTimingGuide } from "@/server/db/json";
import { scaleTimingGuide } from "@/domain/kit";
import { AppError, notFound } from "@/server/errors";
import { publishedRubricVersionId } from "./published-rubric";
import { presentSignal } from "./rubric/read";
import type { Scope, Tx } from "./scope";

/** Round types with a published rubric, and their questions: what the kits page lists. */
export async function listKits(db: Tx, scope: Scope) {
  const roundTypes = await db.roundType.findMany({
    where: {
      workspaceId: scope.workspaceId,
      archivedAt: null,
      rubrics: { some: { archivedAt: null, versions: { some: { status: "published" } } } },
    },
    orderBy: { order: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      defaultDurationMin: true,
      questions: {
        where: { archivedAt: null },
        orderBy: { title: "asc" },
        select: { id: true, title: true, levels: true, difficulty: true },
      },
    },
  });
  return roundTypes;
}

export async function getKit(
  db: Tx,
  scope: Scope,
  input: { roundTypeId: string; questionId?: string; minutes?: number },
) {
  const rt = await db.roundType.findFirst({ where: { id: input.roundTypeId, workspaceId: scope.workspaceId } });
  if (!rt) throw notFound("That round type");
  const versionId = await publishedRubricVersionId(db, scope.workspaceId, rt.id);
  const version =
    versionId &&
    (await db.rubricVersion.findFirst({
      where: { id: versionId, workspaceId: scope.workspaceId },
      include: {
        rubric: { select: { id: true, name: true } },
        signals: { orderBy: { order: "asc" } },
        redFlags: { orderBy: { order: "asc" } },
      },
    }));
  if (!version)
    throw new AppError("CONFLICT", `${rt.name} has no published rubric yet. A coach needs to publish one first.`);
  const question = input.questionId
    ? await db.question.findFirst({
        where: { id: input.questionId, workspaceId: scope.workspaceId, roundTypeId: rt.id },
      })
    : null;
  if (input.questionId && !question) throw notFound("That question for this round type");
  const dimensions = await db.dimension.findMany({
    where: { workspaceId: scope.workspaceId },
    select: { key: true, name: true },
  });
  const dimensionName = new Map(dimensions.map((d) => [d.key, d.name]));
  const probed = new Set(question?.signalKeys ?? []);
  return {
    roundType: { id: rt.id, name: rt.name, description: rt.description, defaultDurationMin: rt.defaultDurationMin },
    minutes: input.minutes ?? rt.defaultDurationMin,
    timingGuide: scaleTimingGuide(readTimingGuide(rt.timingGuide), input.minutes ?? rt.defaultDurationMin),
    rubric: { id: version.rubric.id, name: version.rubric.name, version: version.version },
    question: question
      ? {
          id: question.id,
          title: question.title,
          prompt: question.prompt,
          probes: question.probes,
          followUps: question.followUps,
          levels: question.levels,
          difficulty: question.difficulty,
        }
      : null,
    signals: version.signals.map((s) => ({
      ...presentSignal(s),
      dimension: dimensionName.get(s.dimensionKey) ?? s.dimensionKey,
      probedByQuestion: probed.has(s.key),
    })),
    redFlags: version.redFlags.map((f) => ({ key: f.key, title: f.title, description: f.description })),
  };
}
