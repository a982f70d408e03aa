// The rubric a scorecard is filled against, as a client that fills scorecards needs it: the exact version,
// its signals (keys to rate, titles, descriptions, anchors for 1–4), their dimensions and the red flags.
// Which version that is comes from published-rubric.ts; this file only reads and presents it.
import { can } from "@/domain/roles";
import { AppError, notFound } from "@/server/errors";
import { publishedRubricVersionId, roundRubricVersionId } from "./published-rubric";
import { versionContent } from "./scorecard/rubric-version";
import type { Scope, Tx } from "./scope";

const RATINGS = [1, 2, 3, 4] as const;

async function presentScoringRubric(db: Tx, scope: Scope, versionId: string) {
  const version = await versionContent(db, scope.workspaceId, versionId);
  const dimensionKeys = [...new Set(version.signals.map((s) => s.dimensionKey))];
  const [rubric, dimensions] = await Promise.all([
    db.rubric.findFirstOrThrow({
      where: { id: version.rubricId, workspaceId: scope.workspaceId },
      select: { id: true, name: true, roundType: { select: { id: true, name: true } } },
    }),
    db.dimension.findMany({
      where: { workspaceId: scope.workspaceId, key: { in: dimensionKeys } },
      select: { key: true, name: true, description: true },
    }),
  ]);
  const byKey = new Map(dimensions.map((d) => [d.key, d]));
  return {
    versionId: version.id,
    version: version.version,
    rubric: { id: rubric.id, name: rubric.name },
    roundType: rubric.roundType,
    // In the order their first signal appears; a key no longer in the library keeps its key as its name.
    dimensions: dimensionKeys.map((key) => byKey.get(key) ?? { key, name: key, description: "" }),
    signals: version.signals.map((s) => {
      const texts = [s.anchor1, s.anchor2, s.anchor3, s.anchor4];
      return {
        key: s.key,
        title: s.title,
        description: s.description,
        dimensionKey: s.dimensionKey,
        anchors: RATINGS.map((rating, i) => ({ rating, text: texts[i]!.trim() })).filter((a) => a.text),
      };
    }),
    redFlags: version.redFlags.map((f) => ({ key: f.key, title: f.title, description: f.description })),
  };
}

/**
 * The rubric a round's scorecards are scored against. Coaches and owners may read any round's; an
 * interviewer only a round they interview or shadow (any other round is "not found" to them, as its
 * scorecard is).
 */
export async function getRoundRubric(db: Tx, scope: Scope, input: { roundId: string }) {
  const round = await db.round.findFirst({
    where: { id: input.roundId, workspaceId: scope.workspaceId },
    select: { id: true, rubricVersionId: true, roundTypeId: true, interviewerMemberId: true, shadowMemberId: true },
  });
  const onPanel = round && (round.interviewerMemberId === scope.memberId || round.shadowMemberId === scope.memberId);
  if (!round || (!onPanel && !can(scope.role, "loop.read"))) throw notFound("That round");
  const versionId = await roundRubricVersionId(db, scope.workspaceId, round);
  if (!versionId)
    throw new AppError("CONFLICT", "This round's type has no published rubric yet. A coach needs to publish one.", {
      reason: "no_published_rubric",
    });
  return {
    roundId: round.id,
    pinned: round.rubricVersionId !== null,
    ...(await presentScoringRubric(db, scope, versionId)),
  };
}

/** The published rubric of a round type: what the scorecards of its next booked rounds will be scored against. */
export async function getRoundTypeRubric(db: Tx, scope: Scope, input: { roundTypeId: string }) {
  const roundType = await db.roundType.findFirst({
    where: { id: input.roundTypeId, workspaceId: scope.workspaceId },
    select: { id: true, name: true },
  });
  if (!roundType) throw notFound("That round type");
  const versionId = await publishedRubricVersionId(db, scope.workspaceId, roundType.id);
  if (!versionId)
    throw new AppError("CONFLICT", `${roundType.name} has no published rubric yet. A coach needs to publish one.`, {
      reason: "no_published_rubric",
    });
  return presentScoringRubric(db, scope, versionId);
}
