// The debrief of a loop: a rounds × signals matrix with raw ratings and calibrated signal scores, coverage per
// dimension, disagreements, evidence grouped by signal, and the decision. Loads in a fixed number of
// queries whatever the number of rounds and scorecards.
import { queryInTransaction, sqlPart, type Prisma } from "@/server/db";
import { readInterviewerEstimate, readRatings } from "@/server/db/json";
import { BoundedCache } from "@/server/bounded-cache";
import { roundLabels } from "@/domain/loop-status";
import { displayName } from "@/domain/people";
import {
  findSignalDisagreements,
  isSplitRecommendation,
  type RatingValue,
  type Recommendation,
} from "@/domain/scorecard";
import type { Decision } from "@/domain/vocabulary";
import type { CandidateScore, InterviewerEstimate } from "@/domain/calibration/results";
import type { Level, LoopStatus } from "@/generated/prisma/enums";
import { AppError, notFound } from "@/server/errors";
import { recordAudit } from "./audit";
import {
  COHORT_FIT_STATE_COLUMNS,
  cohortStateFrom,
  scoreLoopFrom,
  storedScoresFrom,
  type CohortFitStateRow,
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

interface DebriefRow extends CohortFitStateRow {
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
  /** Whether the current fit has stored scores for the loop. */
  inFit: boolean;
  /** Those scores; null when not in the fit, or when they are the ones kept in memory (`keptFits`). */
  scores: unknown;
  /**
   * The stored estimates of the interviewers of the loop's submitted scorecards (without the per-dimension
   * ones, not shown here), but for those kept in memory.
   */
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
async function readDebrief(
  db: Tx,
  workspaceId: string,
  loopId: string,
  kept: KeptFit | undefined,
): Promise<DebriefRow | undefined> {
  // '' matches no fit: nothing is kept.
  const scoresKeptFor = kept?.scores ? kept.fitId : "";
  const estimatesKeptFor = kept?.fitId ?? "";
  const keptEstimates = kept ? [...kept.estimates.keys()] : [];
  const sql = sqlPart`
    WITH c AS (
      SELECT c."id", c."loopId", c."roundId", c."interviewerMemberId", c."rubricVersionId", c."ratings",
             c."redFlagKeys", c."recommendation", c."summary", c."submittedAt"
      FROM "scorecards" c
      WHERE c."workspaceId" = ${workspaceId} AND c."loopId" = ${loopId} AND c."status" = 'submitted'
    )
    SELECT l."targetRole", l."level"::text AS "level", l."status"::text AS "status", l."candidateMemberId",
      f."workspaceId" IS NOT NULL AS "hasFit", ${COHORT_FIT_STATE_COLUMNS},
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
      s."loopId" IS NOT NULL AS "inFit",
      CASE WHEN s."fitId" = ${scoresKeptFor} THEN NULL ELSE s."scores" END AS "scores",
      (SELECT json_agg(json_build_object('memberId', i."memberId", 'estimate', i."estimate" - 'dimensions'))
         FROM "cohort_interviewers" i
         WHERE i."workspaceId" = ${workspaceId} AND i."fitId" = f."fitId"
           AND i."memberId" IN (SELECT c."interviewerMemberId" FROM c)
           AND NOT (i."fitId" = ${estimatesKeptFor} AND i."memberId" = ANY(${keptEstimates}::text[]))) AS "estimates",
      -- The ids first, then each membership: filtering the workspace's memberships by "is one of these" cost
      -- a scan of them all and of the users (a third of the statement's time in a 550-member workspace).
      (SELECT json_agg(json_build_object('id', m."id", 'name', u."name", 'email', u."email"))
         FROM (SELECT l."candidateMemberId" AS "id"
               UNION SELECT c."interviewerMemberId" FROM c
               UNION SELECT r."interviewerMemberId" FROM "rounds" r
                 WHERE r."workspaceId" = ${workspaceId} AND r."loopId" = l."id" AND r."status" <> 'cancelled') p
         JOIN "memberships" m ON m."id" = p."id" AND m."workspaceId" = ${workspaceId}
         JOIN "users" u ON u."id" = m."userId") AS "people"
    FROM "loops" l
    LEFT JOIN "cohort_fits" f ON f."workspaceId" = ${workspaceId}
    LEFT JOIN "cohort_loop_scores" s
      ON s."workspaceId" = ${workspaceId} AND s."fitId" = f."fitId" AND s."loopId" = l."id"
    WHERE l."id" = ${loopId} AND l."workspaceId" = ${workspaceId}`;
  const [row] = await queryInTransaction<DebriefRow>(db, "debrief", sql);
  return row;
}

/** What the debrief keeps of one loop's rows in one fit: its scores (when in the fit) and interviewers' estimates. */
interface KeptFit {
  fitId: string;
  scores: CandidateScore[] | undefined;
  /** By member id; only those the debrief has read. */
  estimates: Map<string, InterviewerEstimate>;
}

/**
 * A fit's rows never change (a recalculation is stored under a new fitId), so the loop's scores and its
 * interviewers' estimates, as read back and checked, are kept per process, keyed by workspace and loop, with
 * the fit they belong to. The statement then leaves out what is kept for the fit it finds (about half of
 * what it read, and of the PostgreSQL time to send it); it still reads which fit is current and whether the
 * loop is in it, so a fit that is gone is never served from memory. Bounded: the least recently used go first.
 */
const keptFits = new BoundedCache<KeptFit>(500);

/** The loop's entry in `keptFits` for the fit the statement found, with what the statement read added. */
function keepFit(workspaceId: string, loopId: string, kept: KeptFit | undefined, row: DebriefRow) {
  if (!row.fitId) return undefined;
  const fit: KeptFit = kept?.fitId === row.fitId ? kept : { fitId: row.fitId, scores: undefined, estimates: new Map() };
  if (row.inFit && row.scores !== null) fit.scores = storedScoresFrom(loopId, row.scores);
  for (const e of row.estimates ?? []) fit.estimates.set(e.memberId, readInterviewerEstimate(e.estimate));
  keptFits.set(`${workspaceId}:${loopId}`, fit);
  return fit;
}

export async function getDebrief(db: Tx, scope: Scope, input: { loopId: string }, now = new Date()) {
  const kept = keptFits.get(`${scope.workspaceId}:${input.loopId}`);
  const row = await readDebrief(db, scope.workspaceId, input.loopId, kept);
  if (!row) throw notFound("That loop");
  const fit = keepFit(scope.workspaceId, input.loopId, kept, row);
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
  return debriefFrom(scope.workspaceId, input.loopId, row, fit, versions, now);
}

/** The debrief from what `readDebrief` and `versionContents` read: no statement. */
function debriefFrom(
  workspaceId: string,
  loopId: string,
  row: DebriefRow,
  fit: KeptFit | undefined,
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
  const cohort = cohortStateFrom(workspaceId, row.hasFit ? row : undefined, now);
  const scores = scoreLoopFrom(
    cohort,
    loop.id,
    cards,
    row.inFit ? fit?.scores : undefined,
    ratingsFrom(versions, cards),
  );
  const severity = fit?.estimates ?? new Map<string, InterviewerEstimate>();
  // The reasons a number is not calibrated repeat (one fit-wide reason for most signals, dimensions and
  // interviewers): each is sent once, in `notes`, and cells name it by its index.
  const notes: string[] = [];
  const noteIndex = new Map<string, number>();
  const note = (text: string | null) => {
    if (text === null) return null;
    let i = noteIndex.get(text);
    if (i === undefined) {
      i = notes.push(text) - 1;
      noteIndex.set(text, i);
    }
    return i;
  };
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
      /** Why the leniency is unknown, as an index into `notes`. */
      severityNote: note(estimate?.notCalibratedReason ?? null),
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
    raw: Exclude<RatingValue, "not_observed">[];
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
      raw: [] as Exclude<RatingValue, "not_observed">[],
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
      /** An index into `notes`. */
      notCalibratedNote: note(s.notCalibratedReason),
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
     * The signals someone rated (or marked not observed), with one rating per column in column order (a
     * number, "not_observed", or null when not rated): the evidence is in `evidence`, and unrated signals
     * count in `coverage`.
     */
    matrix: matrix
      .filter((row) => row.rated)
      .map((row) => ({
        key: row.key,
        title: row.title,
        calibrated: row.calibrated,
        standardError: row.standardError,
        /** An index into `notes`. */
        notCalibratedNote: note(row.notCalibratedReason),
        ratings: row.raw.map((raw, i): RatingValue => (row.notObserved[i] ? "not_observed" : raw)),
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
      cohortLoops: cohort.loops,
      inCohort: scores.inCohort,
      updating: cohort.updating,
      fittedAt: cohort.fittedAt,
    },
    evidence,
    /** The reasons numbers are not calibrated, each once: `severityNote` and `notCalibratedNote` index them. */
    notes,
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
