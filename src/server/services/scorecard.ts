// Scorecards: drafts that autosave with optimistic versions, submission with a completeness check,
// revisions of submitted scorecards with a reason, and independence (no peeking before submitting).
import { readRatings } from "@/server/db/json";
import { displayName } from "@/domain/people";
import { missingForSubmit, type Recommendation, type SignalAnswer } from "@/domain/scorecard";
import { AppError, notFound } from "@/server/errors";
import { asJson } from "@/server/db";
import { enqueueEmail, withdrawPendingEmails } from "@/server/email/outbox";
import { renderEmail } from "@/server/email/render";
import { getEnv } from "@/server/env";
import { formatInZone } from "@/domain/time-zone";
import { recordAudit } from "./audit";
import { publishedRubricVersionId } from "./published-rubric";
import { memberZones } from "./time-zones";
import { inTransaction, type Scope, type Tx } from "./scope";

type Ratings = Record<string, SignalAnswer>;

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

type VersionContent = NonNullable<Awaited<ReturnType<typeof readVersionContent>>>;

function readVersionContent(tx: Tx, workspaceId: string, rubricVersionId: string) {
  return tx.rubricVersion.findFirst({
    where: { id: rubricVersionId, workspaceId },
    include: { signals: { orderBy: { order: "asc" } }, redFlags: { orderBy: { order: "asc" } } },
  });
}

/**
 * A published rubric version never changes, so its signals and red flags are kept in memory per process
 * (keyed by workspace and version, so one workspace can never read another's) and an autosave does not
 * re-read them. Drafts are read each time. Bounded: the least recently used entries go first.
 */
const publishedVersions = new Map<string, VersionContent>();
const PUBLISHED_VERSIONS_KEPT = 500;

async function versionContent(tx: Tx, workspaceId: string, rubricVersionId: string): Promise<VersionContent> {
  const key = `${workspaceId}:${rubricVersionId}`;
  const kept = publishedVersions.get(key);
  if (kept) {
    publishedVersions.delete(key);
    publishedVersions.set(key, kept);
    return kept;
  }
  const version = await readVersionContent(tx, workspaceId, rubricVersionId);
  if (!version) throw notFound("The rubric version of this round");
  if (version.status === "published") {
    publishedVersions.set(key, version);
    if (publishedVersions.size > PUBLISHED_VERSIONS_KEPT)
      publishedVersions.delete(publishedVersions.keys().next().value as string);
  }
  return version;
}

function present(card: {
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
    let rubricVersionId = round.rubricVersionId;
    if (!rubricVersionId) {
      rubricVersionId = await publishedRubricVersionId(tx, scope.workspaceId, round.roundTypeId);
      if (!rubricVersionId) throw new AppError("CONFLICT", "This round type has no published rubric yet.");
      await tx.round.update({ where: { id: round.id }, data: { rubricVersionId } });
    }
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

function checkContent(
  version: Awaited<ReturnType<typeof versionContent>>,
  input: { ratings: Ratings; redFlagKeys: string[] },
) {
  const signalKeys = new Set(version.signals.map((s) => s.key));
  const unknownSignals = Object.keys(input.ratings).filter((k) => !signalKeys.has(k));
  if (unknownSignals.length)
    throw new AppError("BAD_REQUEST", `ratings: this rubric has no signal ${unknownSignals.join(", ")}`);
  const flagKeys = new Set(version.redFlags.map((f) => f.key));
  const unknownFlags = input.redFlagKeys.filter((k) => !flagKeys.has(k));
  if (unknownFlags.length)
    throw new AppError("BAD_REQUEST", `redFlagKeys: this rubric has no red flag ${unknownFlags.join(", ")}`);
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

/**
 * The scorecards of a loop. Coaches see them all; an interviewer sees the others' only after submitting
 * their own for this loop (independence, enforced here and not only in the UI). Whoever asks, another
 * person's draft is unfinished work: it is listed with its status only, and its content is not even read.
 */
export async function listLoopScorecards(db: Tx, scope: Scope, input: { loopId: string }) {
  const loop = await db.loop.findFirst({
    where: { id: input.loopId, workspaceId: scope.workspaceId },
    select: { id: true },
  });
  if (!loop) throw notFound("That loop");
  await assertMaySeePanel(db, scope, loop.id);
  const inLoop = { workspaceId: scope.workspaceId, loopId: loop.id };
  const [visible, otherDrafts] = await Promise.all([
    db.scorecard.findMany({
      where: { ...inLoop, OR: [{ status: "submitted" }, { interviewerMemberId: scope.memberId }] },
      orderBy: { createdAt: "asc" },
      include: { revisions: { select: { id: true, version: true, reason: true, createdAt: true } } },
    }),
    db.scorecard.findMany({
      where: { ...inLoop, status: "draft", interviewerMemberId: { not: scope.memberId } },
      orderBy: { createdAt: "asc" },
      select: { id: true, roundId: true, interviewerMemberId: true },
    }),
  ]);
  return [
    ...visible.map((c) => ({
      ...present(c),
      roundId: c.roundId,
      interviewerMemberId: c.interviewerMemberId,
      revisions: c.revisions,
      content: true as const,
    })),
    ...otherDrafts.map((c) => ({
      id: c.id,
      status: "draft" as const,
      roundId: c.roundId,
      interviewerMemberId: c.interviewerMemberId,
      content: false as const,
    })),
  ];
}

export async function assertMaySeePanel(db: Tx, scope: Scope, loopId: string) {
  if (scope.role === "owner" || scope.role === "coach") return;
  const own = await db.scorecard.findFirst({
    where: { workspaceId: scope.workspaceId, loopId, interviewerMemberId: scope.memberId, status: "submitted" },
    select: { id: true },
  });
  // A state, not a role: it opens up once their own scorecard is in.
  if (!own)
    throw new AppError("CONFLICT", "Submit your own scorecard for this loop first; then you can see the others'.");
}

/** Reminders to fill the scorecard: 1 h after the round ends, then daily for 5 days; withdrawn on submit. */
export async function scheduleScorecardReminders(
  tx: Tx,
  scope: Scope,
  round: {
    id: string;
    endsAt: Date | null;
    interviewerMemberId: string | null;
    shadowMemberId: string | null;
    roundTypeId: string;
  },
) {
  await withdrawPendingEmails(tx, scope.workspaceId, `scorecard:${round.id}:`);
  if (!round.endsAt) return;
  const env = getEnv();
  const [ws, rt] = await Promise.all([
    tx.workspace.findUniqueOrThrow({ where: { id: scope.workspaceId }, select: { slug: true } }),
    tx.roundType.findFirstOrThrow({
      where: { id: round.roundTypeId, workspaceId: scope.workspaceId },
      select: { name: true },
    }),
  ]);
  const memberIds = [round.interviewerMemberId, round.shadowMemberId].filter((x): x is string => !!x);
  const members = await tx.membership.findMany({
    where: { id: { in: memberIds }, workspaceId: scope.workspaceId },
    include: { user: { select: { email: true, name: true } } },
  });
  for (const memberId of memberIds) {
    const member = members.find((m) => m.id === memberId);
    if (!member?.user.email) continue;
    for (let day = 0; day <= 5; day++) {
      const sendAt = new Date(round.endsAt.getTime() + 3_600_000 + day * 86_400_000);
      const email = await renderEmail("scorecard-reminder", {
        recipientName: displayName(member.user, "there"),
        roundName: rt.name,
        daysOverdue: day,
        url: `${env.appUrl}/w/${ws.slug}/rounds/${round.id}/scorecard`,
      });
      await enqueueEmail(tx, {
        workspaceId: scope.workspaceId,
        to: member.user.email,
        email,
        topic: `scorecard:${round.id}:${memberId}:reminder-${day}`,
        sendAt,
      });
    }
  }
}
