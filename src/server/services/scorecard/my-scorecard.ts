// An interviewer's own scorecard for a round: opened as an empty draft, autosaved with optimistic versions,
// submitted with a completeness check, and revised after submission with a reason.
import { readRatings } from "@/server/db/json";
import { missingForSubmit, type Recommendation } from "@/domain/scorecard";
import { AppError, notFound } from "@/server/errors";
import { asJson } from "@/server/db";
import { withdrawPendingEmails } from "@/server/email/outbox";
import { formatInZone } from "@/domain/time-zone";
import { recordAudit } from "../audit";
import { roundRubricVersionId } from "../published-rubric";
import { memberZones } from "../time-zones";
import { inTransaction, type Scope, type Tx } from "../scope";
import { emitEvent, eventPeople, eventRound } from "@/server/webhooks/emit";
import { type Ratings, versionContent, checkContent } from "./rubric-version";

async function roundForInterviewer(tx: Tx, scope: Scope, roundId: string) {
  const round = await tx.round.findFirst({ where: { id: roundId, workspaceId: scope.workspaceId } });
  if (!round) throw notFound("That round");
  if (round.interviewerMemberId !== scope.memberId && round.shadowMemberId !== scope.memberId) {
    // Not one of this round's interviewers: there is no scorecard of theirs to see.
    throw new AppError("NOT_FOUND", "You are not an interviewer of this round, so it has no scorecard of yours.");
  }
  if (round.status !== "scheduled")
    throw new AppError("CONFLICT", "This round is not scheduled, so it has no scorecard.");
  return round;
}

export function present(card: {
  id: string;
  status: string;
  version: number;
  ratings: unknown;
  redFlagKeys: string[];
  recommendation: string | null;
  summary: string;
  submittedAt: Date | null;
  updatedAt: Date;
}) {
  return {
    id: card.id,
    status: card.status as "draft" | "submitted",
    version: card.version,
    ratings: card.ratings as Ratings,
    redFlagKeys: card.redFlagKeys,
    recommendation: card.recommendation as Recommendation | null,
    summary: card.summary,
    submittedAt: card.submittedAt,
    updatedAt: card.updatedAt,
  };
}

/** The caller's scorecard for a round (created as an empty draft on first open), with its rubric. */
export async function openMyScorecard(db: Tx, scope: Scope, input: { roundId: string }) {
  return inTransaction(db, async (tx) => {
    const round = await roundForInterviewer(tx, scope, input.roundId);
    const rubricVersionId = await roundRubricVersionId(tx, scope.workspaceId, round);
    if (!rubricVersionId) throw new AppError("CONFLICT", "This round type has no published rubric yet.");
    if (!round.rubricVersionId) await tx.round.update({ where: { id: round.id }, data: { rubricVersionId } });
    const card = await tx.scorecard.upsert({
      where: {
        workspaceId_roundId_interviewerMemberId: {
          workspaceId: scope.workspaceId,
          roundId: round.id,
          interviewerMemberId: scope.memberId,
        },
      },
      update: {},
      create: {
        workspaceId: scope.workspaceId,
        loopId: round.loopId,
        roundId: round.id,
        interviewerMemberId: scope.memberId,
        rubricVersionId,
        ratings: {},
        redFlagKeys: [],
      },
    });
    const [version, roundType, question] = await Promise.all([
      versionContent(tx, scope.workspaceId, card.rubricVersionId),
      tx.roundType.findFirstOrThrow({
        where: { id: round.roundTypeId, workspaceId: scope.workspaceId },
        select: { id: true, name: true },
      }),
      round.questionId
        ? tx.question.findFirst({
            where: { id: round.questionId, workspaceId: scope.workspaceId },
            select: { id: true, title: true, prompt: true },
          })
        : null,
    ]);
    return {
      round: {
        id: round.id,
        loopId: round.loopId,
        startsAt: round.startsAt,
        endsAt: round.endsAt,
        roundType,
        question,
      },
      rubric: {
        version: version.version,
        signals: version.signals.map((s) => ({
          key: s.key,
          title: s.title,
          description: s.description,
          dimensionKey: s.dimensionKey,
          anchors: [s.anchor1, s.anchor2, s.anchor3, s.anchor4],
        })),
        redFlags: version.redFlags.map((f) => ({ key: f.key, title: f.title, description: f.description })),
      },
      scorecard: present(card),
    };
  });
}

const STALE =
  "This scorecard changed since you opened it (in another tab or device). Reload to see the latest version, then make your change again.";

type CardRow = {
  id: string;
  status: "draft" | "submitted";
  version: number;
  ratings: unknown;
  redFlagKeys: string[];
  recommendation: string | null;
  summary: string;
  submittedAt: Date | null;
  updatedAt: Date;
  rubricVersionId: string;
  roundId: string;
};

/**
 * The caller's scorecard for a round, with the round's checks (scheduled, and they are its interviewer or
 * shadow) in one statement; when it is missing, the round's own checks say why.
 */
async function mine(tx: Tx, scope: Scope, roundId: string): Promise<CardRow> {
  const rows = await tx.$queryRaw<CardRow[]>`
    SELECT s."id", s."status"::text AS "status", s."version", s."ratings", s."redFlagKeys", s."recommendation"::text AS "recommendation",
           s."summary", s."submittedAt", s."updatedAt", s."rubricVersionId", s."roundId"
    FROM "scorecards" s JOIN "rounds" r ON r."id" = s."roundId" AND r."workspaceId" = s."workspaceId"
    WHERE s."workspaceId" = ${scope.workspaceId} AND s."roundId" = ${roundId} AND s."interviewerMemberId" = ${scope.memberId}
      AND r."status" = 'scheduled' AND (r."interviewerMemberId" = ${scope.memberId} OR r."shadowMemberId" = ${scope.memberId})`;
  const card = rows[0];
  if (card) return card;
  await roundForInterviewer(tx, scope, roundId);
  throw notFound("Your scorecard for this round; open it first");
}

export async function saveScorecardDraft(
  db: Tx,
  scope: Scope,
  input: {
    roundId: string;
    expectedVersion: number;
    ratings: Ratings;
    redFlagKeys: string[];
    recommendation: Recommendation | null;
    summary: string;
  },
) {
  return inTransaction(db, async (tx) => {
    const card = await mine(tx, scope, input.roundId);
    if (card.status !== "draft")
      throw new AppError(
        "CONFLICT",
        "This scorecard is submitted and locked. Use “Revise” and give a reason to change it.",
      );
    checkContent(await versionContent(tx, scope.workspaceId, card.rubricVersionId), input);
    // The version check and the write are one statement: of two saves naming the same version, one wins.
    // RETURNING gives the saved card without reading it again.
    const saved = await tx.$queryRaw<CardRow[]>`
      UPDATE "scorecards" SET "ratings" = ${JSON.stringify(input.ratings)}::jsonb, "redFlagKeys" = ${[...new Set(input.redFlagKeys)]}::text[],
        "recommendation" = ${input.recommendation}::"Recommendation", "summary" = ${input.summary}, "version" = "version" + 1, "updatedAt" = now()
      WHERE "id" = ${card.id} AND "version" = ${input.expectedVersion} AND "status" = 'draft'
      RETURNING "id", "status"::text AS "status", "version", "ratings", "redFlagKeys", "recommendation"::text AS "recommendation", "summary", "submittedAt", "updatedAt", "rubricVersionId", "roundId"`;
    if (!saved[0]) throw new AppError("CONFLICT", STALE);
    return present(saved[0]);
  });
}

export async function submitScorecard(
  db: Tx,
  scope: Scope,
  input: { roundId: string; expectedVersion: number },
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    const card = await mine(tx, scope, input.roundId);
    if (card.status === "submitted") throw new AppError("CONFLICT", "This scorecard is already submitted.");
    if (card.version !== input.expectedVersion) throw new AppError("CONFLICT", STALE);
    // Evidence comes from the round itself: a scorecard can be drafted ahead, but submitted only once the round has begun.
    const round = await tx.round.findFirstOrThrow({
      where: { id: card.roundId, workspaceId: scope.workspaceId },
      select: { startsAt: true },
    });
    if (!round.startsAt || round.startsAt.getTime() > now.getTime()) {
      const zone = (await memberZones(tx, scope.workspaceId, [scope.memberId])).get(scope.memberId)?.zone ?? "UTC";
      throw new AppError(
        "CONFLICT",
        `This round starts ${round.startsAt ? formatInZone(round.startsAt, zone, "long") : "later"}; you can submit its scorecard once it has begun. Your notes are saved.`,
      );
    }
    const version = await versionContent(tx, scope.workspaceId, card.rubricVersionId);
    const missing = missingForSubmit(version.signals, {
      ratings: readRatings(card.ratings),
      recommendation: card.recommendation as Recommendation | null,
      summary: card.summary,
    });
    if (missing.length) throw new AppError("BAD_REQUEST", `Not ready to submit. ${missing.join(". ")}.`);
    const { count } = await tx.scorecard.updateMany({
      where: { id: card.id, version: input.expectedVersion, status: "draft" },
      data: { status: "submitted", submittedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", STALE);
    await withdrawPendingEmails(tx, scope.workspaceId, `scorecard:${card.roundId}:${scope.memberId}:`);
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "scorecard.submitted",
      targetType: "scorecard",
      targetId: card.id,
      data: { roundId: card.roundId },
    });
    await emitEvent(tx, scope.workspaceId, "scorecard.submitted", async () => ({
      ...(await eventRound(tx, scope.workspaceId, card.roundId)),
      scorecardId: card.id,
      interviewer: (await eventPeople(tx, scope.workspaceId, [scope.memberId]))(scope.memberId)!,
    }));
    return present(await tx.scorecard.findUniqueOrThrow({ where: { id: card.id } }));
  });
}

/** Changes a submitted scorecard: the previous state is kept as a revision, with the reason. */
export async function reviseScorecard(
  db: Tx,
  scope: Scope,
  input: {
    roundId: string;
    expectedVersion: number;
    reason: string;
    ratings: Ratings;
    redFlagKeys: string[];
    recommendation: Recommendation | null;
    summary: string;
  },
) {
  return inTransaction(db, async (tx) => {
    const card = await mine(tx, scope, input.roundId);
    if (card.status !== "submitted")
      throw new AppError("CONFLICT", "Drafts are saved as you type; only submitted scorecards need a revision.");
    const version = await versionContent(tx, scope.workspaceId, card.rubricVersionId);
    checkContent(version, input);
    const missing = missingForSubmit(version.signals, input);
    if (missing.length)
      throw new AppError("BAD_REQUEST", `A submitted scorecard must stay complete. ${missing.join(". ")}.`);
    const { count } = await tx.scorecard.updateMany({
      where: { id: card.id, version: input.expectedVersion },
      data: {
        ratings: asJson(input.ratings),
        redFlagKeys: [...new Set(input.redFlagKeys)],
        recommendation: input.recommendation,
        summary: input.summary,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new AppError("CONFLICT", STALE);
    await tx.scorecardRevision.create({
      data: {
        workspaceId: scope.workspaceId,
        scorecardId: card.id,
        version: card.version,
        reason: input.reason,
        authorMemberId: scope.memberId,
        snapshot: asJson({
          ratings: card.ratings,
          redFlagKeys: card.redFlagKeys,
          recommendation: card.recommendation,
          summary: card.summary,
        }),
      },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "scorecard.revised",
      targetType: "scorecard",
      targetId: card.id,
      data: { reason: input.reason, fromVersion: card.version },
    });
    return present(await tx.scorecard.findUniqueOrThrow({ where: { id: card.id } }));
  });
}
