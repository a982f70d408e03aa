// The debrief of a loop: a rounds × signals matrix with raw ratings and calibrated signal scores, coverage per
// dimension, disagreements, evidence grouped by signal, and the decision. Loads in a fixed number of
// queries whatever the number of rounds and scorecards.
import { queryInTransaction, sqlPart, type Prisma } from "@/server/db";
import { readRatings } from "@/server/db/json";
import { roundLabels } from "@/domain/loop-status";
import { displayName } from "@/domain/people";
import { findSignalDisagreements, isSplitRecommendation, type Recommendation } from "@/domain/scorecard";
import type { Decision } from "@/domain/vocabulary";
import type { Level, LoopStatus } from "@/generated/prisma/enums";
import { AppError, notFound } from "@/server/errors";
import { recordAudit } from "./audit";
import {
  COHORT_FIT_COLUMNS,
  cohortFrom,
  scoreLoopFrom,
  severitiesFrom,
  storedScoresOfFit,
  type CohortFitRow,
} from "./cohort";
import { ratingsFrom, type CohortCard } from "./cohort-fit";
import { assertPanelOpen } from "./scorecard/panel";
import { versionContents } from "./scorecard/rubric-version";
import { inTransaction, type Scope, type Tx } from "./scope";
import { emitEvent, eventLoop, eventPeople } from "@/server/webhooks/emit";

/** A loop's rounds, as the debrief reads them (times in epoch ms inside JSON). */
interface RoundRow {
  id: string;
  order: number;
  status: string;
  rubricVersionId: string | null;
  interviewerMemberId: string | null;
  startsAt: number | null;
  endsAt: number | null;
  /** The round type's name, null if the type is gone. */
  typeName: string | null;
}

interface DebriefRow extends CohortFitRow {
  targetRole: string;
  level: Level;
  status: LoopStatus;
  candidateMemberId: string | null;
  /** Whether the workspace has a cohort_fits row (the fit's columns are null without one). */
  hasFit: boolean;
  rounds: RoundRow[] | null;
  cards:
    | (Omit<CohortCard, "ratings" | "submittedAt"> & {
        ratings: unknown;
        recommendation: Recommendation | null;
        summary: string;
        submittedAt: number | null;
      })[]
    | null;
  /** Rounds with someone's draft: others' drafts are a status only, their content is not read. */
  draftRounds: string[] | null;
  decision: {
    decision: Decision | null;
    rationale: string;
    notes: string;
    decidedAt: number | null;
    locked: boolean;
  } | null;
  dimensions: { key: string; name: string }[] | null;
  /** The loop's stored scores in the current fit, null when the loop is not in it. */
  scores: unknown;
  /** The stored estimates of the interviewers of the loop's submitted scorecards (without the per-dimension ones, not shown here). */
  estimates: { memberId: string; estimate: unknown }[] | null;
  /** The candidate and the interviewers of the submitted scorecards and of the rounds not cancelled. */
  people: { id: string; name: string | null; email: string | null }[] | null;
}

const epochMs = (column: Prisma.Sql) => sqlPart`(extract(epoch FROM ${column}) * 1000)::float8`;
const at = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * Everything the debrief reads, in one statement: the loop with the workspace's stored fit, and as JSON its
 * rounds, submitted scorecards, the rounds with drafts, the decision, the dimensions, the loop's stored
 * scores, the estimates of its interviewers and the names of its people. Every table is filtered by the
 * workspace (row-level security is the second layer). No row when the loop is not in the workspace.
 */
async function readDebrief(db: Tx, workspaceId: string, loopId: string): Promise<DebriefRow | undefined> {
  const sql = sqlPart`
    WITH c AS (
      SELECT c."id", c."loopId", c."roundId", c."interviewerMemberId", c."rubricVersionId", c."ratings",
             c."redFlagKeys", c."recommendation", c."summary", c."submittedAt"
      FROM "scorecards" c
      WHERE c."workspaceId" = ${workspaceId} AND c."loopId" = ${loopId} AND c."status" = 'submitted'
    )
    SELECT l."targetRole", l."level"::text AS "level", l."status"::text AS "status", l."candidateMemberId",
      f."workspaceId" IS NOT NULL AS "hasFit", ${COHORT_FIT_COLUMNS},
      (SELECT json_agg(json_build_object('id', r."id", 'order', r."order", 'status', r."status",
                'rubricVersionId', r."rubricVersionId", 'interviewerMemberId', r."interviewerMemberId",
                'startsAt', ${epochMs(sqlPart`r."startsAt"`)}, 'endsAt', ${epochMs(sqlPart`r."endsAt"`)},
                'typeName', t."name") ORDER BY r."order", r."id")
         FROM "rounds" r
         LEFT JOIN "round_types" t ON t."id" = r."roundTypeId" AND t."workspaceId" = ${workspaceId}
         WHERE r."workspaceId" = ${workspaceId} AND r."loopId" = l."id") AS "rounds",
      (SELECT json_agg(json_build_object('id', c."id", 'loopId', c."loopId", 'roundId', c."roundId",
                'interviewerMemberId', c."interviewerMemberId", 'rubricVersionId', c."rubricVersionId",
                'ratings', c."ratings", 'redFlagKeys', c."redFlagKeys", 'recommendation', c."recommendation",
                'summary', c."summary", 'submittedAt', ${epochMs(sqlPart`c."submittedAt"`)}) ORDER BY c."id")
         FROM c) AS "cards",
      (SELECT json_agg(DISTINCT d."roundId") FROM "scorecards" d
         WHERE d."workspaceId" = ${workspaceId} AND d."loopId" = l."id" AND d."status" = 'draft') AS "draftRounds",
      (SELECT json_build_object('decision', d."decision", 'rationale', d."rationale", 'notes', d."notes",
                'decidedAt', ${epochMs(sqlPart`d."decidedAt"`)}, 'locked', d."lockedAt" IS NOT NULL)
         FROM "debriefs" d WHERE d."workspaceId" = ${workspaceId} AND d."loopId" = l."id") AS "decision",
      (SELECT json_agg(json_build_object('key', x."key", 'name', x."name") ORDER BY x."order", x."key")
         FROM "dimensions" x WHERE x."workspaceId" = ${workspaceId}) AS "dimensions",
      (SELECT s."scores" FROM "cohort_loop_scores" s
         WHERE s."workspaceId" = ${workspaceId} AND s."fitId" = f."fitId" AND s."loopId" = l."id") AS "scores",
      (SELECT json_agg(json_build_object('memberId', i."memberId", 'estimate', i."estimate" - 'dimensions'))
         FROM "cohort_interviewers" i
         WHERE i."workspaceId" = ${workspaceId} AND i."fitId" = f."fitId"
           AND i."memberId" IN (SELECT c."interviewerMemberId" FROM c)) AS "estimates",
      (SELECT json_agg(json_build_object('id', m."id", 'name', u."name", 'email', u."email"))
         FROM "memberships" m JOIN "users" u ON u."id" = m."userId"
         WHERE m."workspaceId" = ${workspaceId}
           AND (m."id" = l."candidateMemberId"
             OR m."id" IN (SELECT c."interviewerMemberId" FROM c)
             OR m."id" IN (SELECT r."interviewerMemberId" FROM "rounds" r
                           WHERE r."workspaceId" = ${workspaceId} AND r."loopId" = l."id" AND r."status" <> 'cancelled'))
      ) AS "people"
    FROM "loops" l
    LEFT JOIN "cohort_fits" f ON f."workspaceId" = ${workspaceId}
    WHERE l."id" = ${loopId} AND l."workspaceId" = ${workspaceId}`;
  const [row] = await queryInTransaction<DebriefRow>(db, "debrief", sql);
  return row;
}

export async function getDebrief(db: Tx, scope: Scope, input: { loopId: string }, now = new Date()) {
  const row = await readDebrief(db, scope.workspaceId, input.loopId);
  if (!row) throw notFound("That loop");
  // Independence: an interviewer sees the panel once their own scorecard is among the submitted ones.
  assertPanelOpen(
    scope,
    (row.cards ?? []).some((c) => c.interviewerMemberId === scope.memberId),
  );
  const versionIds = new Set<string>();
  for (const r of row.rounds ?? [])
    if (r.status !== "cancelled" && r.rubricVersionId) versionIds.add(r.rubricVersionId);
  for (const c of row.cards ?? []) versionIds.add(c.rubricVersionId);
  // Published versions come from memory: no statement once read.
  const versions = await versionContents(db, scope.workspaceId, [...versionIds]);
  return debriefFrom(scope.workspaceId, input.loopId, row, versions, now);
}

/** The debrief from what `readDebrief` and `versionContents` read: no statement. */
function debriefFrom(
  workspaceId: string,
  loopId: string,
  row: DebriefRow,
  versions: Awaited<ReturnType<typeof versionContents>>,
  now: Date,
) {
  const loop = {
    id: loopId,
    targetRole: row.targetRole,
    level: row.level,
    status: row.status,
    candidateMemberId: row.candidateMemberId,
    rounds: (row.rounds ?? []).map((r) => ({ ...r, startsAt: at(r.startsAt), endsAt: at(r.endsAt) })),
  };
  const cards = (row.cards ?? []).map((c) => ({
    ...c,
    ratings: readRatings(c.ratings),
    submittedAt: at(c.submittedAt),
  }));
  const activeRounds = loop.rounds.filter((r) => r.status !== "cancelled");
  const cohort = cohortFrom(workspaceId, row.hasFit ? row : undefined, now);
  const scores = scoreLoopFrom(
    cohort,
    loop.id,
    cards,
    row.scores === null || !cohort.fitId ? undefined : storedScoresOfFit(cohort, loop.id, row.scores),
    ratingsFrom(versions, cards),
  );
  const severity = severitiesFrom(row.estimates ?? []);
  const names = new Map((row.people ?? []).map((m) => [m.id, displayName(m)]));
  const dimensions = row.dimensions ?? [];
  const drafts = row.draftRounds ?? [];
  const debrief = row.decision;
  // The versions' signals in the order of their rubrics (a stable sort keeps each version's own order).
  const signals = versions.flatMap((v) => v.signals).sort((a, b) => a.order - b.order);
  const redFlagTitles = new Map<string, string>();
  for (const v of versions)
    for (const f of v.redFlags) {
      const key = `${f.rubricVersionId}:${f.key}`;
      if (!redFlagTitles.has(key)) redFlagTitles.set(key, f.title);
    }
  const roundName = roundLabels(
    loop.rounds.map((r) => ({
      id: r.id,
      order: r.order,
      typeName: r.typeName ?? "Round",
    })),
  );
  const roundNames = (ids: string[]) => loop.rounds.filter((r) => ids.includes(r.id)).map((r) => roundName.get(r.id)!);
  // This runs on every debrief view: plain loops and maps (no spreads, rest copies or flatMap over the
  // signals × scorecards cells), as the profile of bench/debrief-cpu.ts showed them to be most of its CPU.
  const cardsByRound = new Map<string, typeof cards>();
  for (const c of cards) {
    const list = cardsByRound.get(c.roundId);
    if (list) list.push(c);
    else cardsByRound.set(c.roundId, [c]);
  }

  // Columns: one per submitted scorecard, in round order.
  const columnCards = loop.rounds.flatMap((r) => cardsByRound.get(r.id) ?? []);
  const columnRatings = columnCards.map((c) => c.ratings);
  const columns = columnCards.map((c) => {
    const estimate = severity.get(c.interviewerMemberId);
    return {
      scorecardId: c.id,
      roundId: c.roundId,
      roundType: roundName.get(c.roundId)!,
      interviewerMemberId: c.interviewerMemberId,
      interviewer: names.get(c.interviewerMemberId) ?? "Interviewer",
      recommendation: c.recommendation,
      /** Leniency across the cohort (+ = rates higher than the panel); null when it cannot be estimated. */
      severity: estimate?.severity ?? null,
      severityStandardError: estimate?.standardError ?? null,
      severityNote: estimate?.notCalibratedReason ?? null,
      redFlagKeys: c.redFlagKeys,
      redFlags: c.redFlagKeys.map((key) => redFlagTitles.get(`${c.rubricVersionId}:${key}`) ?? key),
      summary: c.summary,
      submittedAt: c.submittedAt,
      rubricVersionId: c.rubricVersionId,
    };
  });
  const signalScore = new Map(scores.signals.map((s) => [s.key, s]));
  // Rows: every signal of the loop's rubric versions, once per key; a cell per column, in column order.
  const signalTitles = new Map<string, string>();
  const matrix: {
    key: string;
    title: string;
    dimensionKey: string;
    calibrated: number | null;
    standardError: number | null;
    notCalibratedReason: string | null;
    raw: (number | null)[];
    notObserved: boolean[];
    evidence: string[];
    /** Some cell has a rating or is marked not observed. */
    rated: boolean;
    /** Some cell has a rating with evidence. */
    covered: boolean;
  }[] = [];
  for (const s of signals) {
    if (signalTitles.has(s.key)) continue;
    signalTitles.set(s.key, s.title);
    const score = signalScore.get(s.key);
    const row = {
      key: s.key,
      title: s.title,
      dimensionKey: s.dimensionKey,
      calibrated: score?.calibrated ?? null,
      standardError: score?.standardError ?? null,
      notCalibratedReason: score?.notCalibratedReason ?? null,
      raw: [] as (number | null)[],
      notObserved: [] as boolean[],
      evidence: [] as string[],
      rated: false,
      covered: false,
    };
    for (const ratings of columnRatings) {
      const answer = ratings[s.key];
      const raw = typeof answer?.rating === "number" ? answer.rating : null;
      const notObserved = answer?.rating === "not_observed";
      const evidence = answer?.evidence ?? "";
      row.raw.push(raw);
      row.notObserved.push(notObserved);
      row.evidence.push(evidence);
      if (raw !== null || notObserved) row.rated = true;
      if (raw !== null && evidence.trim()) row.covered = true;
    }
    matrix.push(row);
  }
  const panelRatings: { signalKey: string; raterId: string; rating: number }[] = [];
  for (const row of matrix)
    row.raw.forEach((raw, i) => {
      if (raw !== null) panelRatings.push({ signalKey: row.key, raterId: columns[i]!.scorecardId, rating: raw });
    });
  const disagreements = findSignalDisagreements(panelRatings);
  const coverage = [];
  for (const d of dimensions) {
    const inDim = matrix.filter((r) => r.dimensionKey === d.key);
    if (inDim.length === 0) continue;
    coverage.push({
      dimensionKey: d.key,
      dimension: d.name,
      signals: inDim.length,
      covered: inDim.filter((r) => r.covered).length,
      gaps: inDim.filter((r) => !r.covered).map((r) => r.title),
    });
  }
  const order = new Map(dimensions.map((d, i) => [d.key, i]));
  const dimensionName = new Map<string, string>();
  for (const d of dimensions) if (!dimensionName.has(d.key)) dimensionName.set(d.key, d.name);
  const dimensionScores = scores.dimensions
    .map((s) => ({
      dimensionKey: s.key,
      dimension: dimensionName.get(s.key) ?? s.key,
      raw: s.raw,
      calibrated: s.calibrated,
      standardError: s.standardError,
      ratings: s.ratings,
      rounds: roundNames(s.roundIds),
      notCalibratedReason: s.notCalibratedReason,
    }))
    .sort((a, b) => (order.get(a.dimensionKey) ?? 99) - (order.get(b.dimensionKey) ?? 99));
  const evidence = [];
  for (const row of matrix) {
    const items = [];
    for (let i = 0; i < row.evidence.length; i++)
      if (row.evidence[i]!.trim())
        items.push({
          interviewer: columns[i]!.interviewer,
          roundType: columns[i]!.roundType,
          rating: row.raw[i]!,
          evidence: row.evidence[i]!,
        });
    if (items.length > 0) evidence.push({ signalKey: row.key, title: row.title, items });
  }

  return {
    loop: {
      id: loop.id,
      targetRole: loop.targetRole,
      level: loop.level,
      status: loop.status,
      candidate: loop.candidateMemberId ? (names.get(loop.candidateMemberId) ?? "Candidate") : "Invited candidate",
    },
    pendingScorecards: activeRounds.filter((r) => !cardsByRound.has(r.id)).length,
    /** Where each counted round's scorecard stands, in round order. */
    tracker: activeRounds.map((r) => {
      const ofRound = cardsByRound.get(r.id);
      const card = ofRound?.find((c) => c.interviewerMemberId === r.interviewerMemberId) ?? ofRound?.[0];
      const state: "submitted" | "draft" | "due" | "upcoming" | "unbooked" = card
        ? "submitted"
        : r.status !== "scheduled" || !r.startsAt
          ? "unbooked"
          : r.startsAt > now
            ? "upcoming"
            : drafts.includes(r.id)
              ? "draft"
              : "due";
      return {
        roundId: r.id,
        round: roundName.get(r.id)!,
        interviewer: r.interviewerMemberId ? (names.get(r.interviewerMemberId) ?? "Interviewer") : null,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        state,
        submittedAt: card?.submittedAt ?? null,
      };
    }),
    /** Rounds that will bring no evidence: cancelled ones. */
    cancelledRounds: loop.rounds.filter((r) => r.status === "cancelled").map((r) => roundName.get(r.id)!),
    columns,
    /**
     * The signals someone rated (or marked not observed), with one cell per column in column order: the
     * evidence is in `evidence`, and unrated signals count in `coverage`.
     */
    matrix: matrix
      .filter((row) => row.rated)
      .map((row) => ({
        key: row.key,
        title: row.title,
        dimensionKey: row.dimensionKey,
        calibrated: row.calibrated,
        standardError: row.standardError,
        notCalibratedReason: row.notCalibratedReason,
        cells: row.raw.map((raw, i) => ({ raw, notObserved: row.notObserved[i]! })),
      })),
    disagreements: disagreements.map((d) => ({
      signalKey: d.signalKey,
      min: d.min,
      max: d.max,
      title: signalTitles.get(d.signalKey) ?? d.signalKey,
    })),
    splitRecommendation: isSplitRecommendation(
      columns.map((c) => c.recommendation).filter((r): r is Recommendation => !!r),
    ),
    coverage,
    overall: scores.overall,
    dimensionScores,
    calibration: {
      warnings: cohort.summary?.warnings ?? [],
      cohortLoops: cohort.loops,
      inCohort: scores.inCohort,
      updating: cohort.updating,
      fittedAt: cohort.fittedAt,
    },
    evidence,
    decision: debrief
      ? {
          decision: debrief.decision,
          rationale: debrief.rationale,
          notes: debrief.notes,
          decidedAt: at(debrief.decidedAt),
          locked: debrief.locked,
        }
      : null,
  };
}

export async function recordDecision(
  db: Tx,
  scope: Scope,
  input: { loopId: string; decision: "ready" | "not_yet" | "another_loop"; rationale: string; notes: string },
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    const loop = await tx.loop.findFirst({ where: { id: input.loopId, workspaceId: scope.workspaceId } });
    if (!loop) throw notFound("That loop");
    const existing = await tx.debrief.findUnique({
      where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: loop.id } },
    });
    if (existing?.lockedAt)
      throw new AppError(
        "CONFLICT",
        "The decision is recorded and the debrief is locked. Reopen it to change the decision.",
      );
    const submitted = await tx.scorecard.count({
      where: { workspaceId: scope.workspaceId, loopId: loop.id, status: "submitted" },
    });
    if (submitted === 0) throw new AppError("BAD_REQUEST", "No scorecard is submitted yet; a decision needs evidence.");
    const data = {
      decision: input.decision,
      rationale: input.rationale,
      notes: input.notes,
      decidedAt: now,
      decidedById: scope.userId,
      lockedAt: now,
    };
    await tx.debrief.upsert({
      where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: loop.id } },
      update: data,
      create: { ...data, workspaceId: scope.workspaceId, loopId: loop.id },
    });
    if (loop.status === "in_progress" || loop.status === "scheduled" || loop.status === "debrief")
      await tx.loop.update({ where: { id: loop.id }, data: { status: "completed" } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "debrief.decided",
      targetType: "loop",
      targetId: loop.id,
      data: { decision: input.decision },
    });
    await emitEvent(tx, scope.workspaceId, "debrief.decided", async () => ({
      loop: await eventLoop(tx, scope.workspaceId, loop.id),
      decision: input.decision,
      decidedBy: (await eventPeople(tx, scope.workspaceId, [scope.memberId]))(scope.memberId),
    }));
    return { decision: input.decision, locked: true };
  });
}

export async function reopenDebrief(db: Tx, scope: Scope, input: { loopId: string; reason: string }) {
  return inTransaction(db, async (tx) => {
    const loop = await tx.loop.findFirst({
      where: { id: input.loopId, workspaceId: scope.workspaceId },
      select: { id: true },
    });
    if (!loop) throw notFound("That loop");
    const debrief = await tx.debrief.findUnique({
      where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: loop.id } },
    });
    if (!debrief?.lockedAt) throw new AppError("CONFLICT", "This debrief is not locked.");
    await tx.debrief.update({ where: { id: debrief.id }, data: { lockedAt: null } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "debrief.reopened",
      targetType: "loop",
      targetId: input.loopId,
      data: { reason: input.reason, previousDecision: debrief.decision },
    });
    return { locked: false };
  });
}
