// The debrief of a loop: a rounds × signals matrix with raw and calibrated ratings, coverage per
// dimension, disagreements, evidence grouped by signal, and the decision. Loads in a fixed number of
// queries whatever the number of rounds and scorecards.
import { calibrate } from "@/domain/calibration";
import { findSignalDisagreements, isSplitRecommendation, type Recommendation, type SignalAnswer } from "@/domain/scorecard";
import { AppError, notFound } from "@/server/errors";
import type { Db } from "@/server/db";
import { recordAudit } from "./audit";
import { candidateKey, loadSubmittedRatings } from "./ratings";
import { assertMaySeePanel } from "./scorecard";
import type { Scope } from "./scope";

// The calibration cohort: submitted scorecards of the last year, at most this many.
const COHORT_DAYS = 365;
const COHORT_LIMIT = 20_000;

export async function getDebrief(db: Db, scope: Scope, input: { loopId: string }, now = new Date()) {
  const loop = await db.loop.findFirst({ where: { id: input.loopId, workspaceId: scope.workspaceId }, include: { rounds: { where: { status: { not: "cancelled" } }, orderBy: { order: "asc" } } } });
  if (!loop) throw notFound("That loop");
  await assertMaySeePanel(db, scope, loop.id);
  const [cards, debrief, dimensions] = await Promise.all([
    db.scorecard.findMany({ where: { workspaceId: scope.workspaceId, loopId: loop.id, status: "submitted" } }),
    db.debrief.findUnique({ where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: loop.id } } }),
    db.dimension.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: { order: "asc" }, select: { key: true, name: true } }),
  ]);
  const versionIds = [...new Set(loop.rounds.map((r) => r.rubricVersionId).filter((x): x is string => !!x))];
  const memberIds = [...new Set(cards.map((c) => c.interviewerMemberId).concat(loop.candidateMemberId ? [loop.candidateMemberId] : []))];
  const [signals, members, roundTypes, cohort] = await Promise.all([
    db.signal.findMany({ where: { workspaceId: scope.workspaceId, rubricVersionId: { in: versionIds } }, orderBy: { order: "asc" } }),
    db.membership.findMany({ where: { workspaceId: scope.workspaceId, id: { in: memberIds } }, include: { user: { select: { name: true, email: true } } } }),
    db.roundType.findMany({ where: { workspaceId: scope.workspaceId, id: { in: loop.rounds.map((r) => r.roundTypeId) } }, select: { id: true, name: true } }),
    // One load of the cohort serves both groupings.
    loadSubmittedRatings(db, scope.workspaceId, { submittedSince: new Date(now.getTime() - COHORT_DAYS * 86_400_000), limit: COHORT_LIMIT }),
  ]);
  const name = (id: string) => {
    const m = members.find((x) => x.id === id);
    return m?.user.name ?? m?.user.email ?? "Interviewer";
  };
  const bySignal = calibrate(cohort.bySignal);
  const byDimension = calibrate(cohort.byDimension);
  const severity = new Map(bySignal.interviewers.map((i) => [i.interviewerId, i]));
  const candidateId = candidateKey(loop);

  // Columns: one per submitted scorecard, in round order.
  const columns = loop.rounds.flatMap((r) =>
    cards
      .filter((c) => c.roundId === r.id)
      .map((c) => ({
        scorecardId: c.id,
        roundId: r.id,
        roundType: roundTypes.find((t) => t.id === r.roundTypeId)?.name ?? "Round",
        interviewerMemberId: c.interviewerMemberId,
        interviewer: name(c.interviewerMemberId),
        recommendation: c.recommendation as Recommendation | null,
        severity: severity.get(c.interviewerMemberId)?.identifiable === false ? null : (severity.get(c.interviewerMemberId)?.severity ?? 0),
        redFlagKeys: c.redFlagKeys,
        summary: c.summary,
        ratings: c.ratings as unknown as Record<string, SignalAnswer>,
        rubricVersionId: c.rubricVersionId,
      })),
  );
  // Rows: every signal of the loop's rubric versions, once per key.
  const rows: { key: string; title: string; dimensionKey: string }[] = [];
  for (const s of signals) if (!rows.some((r) => r.key === s.key)) rows.push({ key: s.key, title: s.title, dimensionKey: s.dimensionKey });
  const matrix = rows.map((row) => ({
    ...row,
    cells: columns.map((col) => {
      const answer = col.ratings[row.key];
      const raw = typeof answer?.rating === "number" ? answer.rating : null;
      return { scorecardId: col.scorecardId, raw, notObserved: answer?.rating === "not_observed", calibrated: raw === null ? null : raw - (col.severity ?? 0), evidence: answer?.evidence ?? "" };
    }),
  }));
  const disagreements = findSignalDisagreements(matrix.flatMap((row) => row.cells.flatMap((c, i) => (c.raw === null ? [] : [{ signalKey: row.key, raterId: columns[i]!.scorecardId, rating: c.raw }]))));
  const coverage = dimensions
    .map((d) => {
      const inDim = matrix.filter((r) => r.dimensionKey === d.key);
      const covered = inDim.filter((r) => r.cells.some((c) => c.raw !== null && c.evidence.trim()));
      return { dimensionKey: d.key, dimension: d.name, signals: inDim.length, covered: covered.length, gaps: inDim.filter((r) => !covered.includes(r)).map((r) => r.title) };
    })
    .filter((c) => c.signals > 0);
  const dimensionScores = byDimension.candidates
    .filter((c) => c.candidateId === candidateId && c.key !== null)
    .map((c) => ({ dimensionKey: c.key!, dimension: dimensions.find((d) => d.key === c.key)?.name ?? c.key!, raw: c.raw, calibrated: c.calibrated, standardError: c.standardError, ratings: c.ratings }));

  return {
    loop: { id: loop.id, targetRole: loop.targetRole, level: loop.level, status: loop.status, candidate: loop.candidateMemberId ? name(loop.candidateMemberId) : "Invited candidate" },
    pendingScorecards: loop.rounds.filter((r) => !cards.some((c) => c.roundId === r.id)).length,
    columns: columns.map(({ ratings: _r, ...c }) => c),
    matrix,
    disagreements: disagreements.map((d) => ({ ...d, title: rows.find((r) => r.key === d.signalKey)?.title ?? d.signalKey })),
    splitRecommendation: isSplitRecommendation(columns.map((c) => c.recommendation).filter((r): r is Recommendation => !!r)),
    coverage,
    dimensionScores,
    calibration: { warnings: [...new Set([...bySignal.warnings, ...byDimension.warnings])], cohortRatings: cohort.bySignal.length },
    evidence: matrix
      .map((row) => ({ signalKey: row.key, title: row.title, items: row.cells.flatMap((c, i) => (c.evidence.trim() ? [{ interviewer: columns[i]!.interviewer, roundType: columns[i]!.roundType, rating: c.raw, evidence: c.evidence }] : [])) }))
      .filter((e) => e.items.length > 0),
    decision: debrief ? { decision: debrief.decision, rationale: debrief.rationale, notes: debrief.notes, decidedAt: debrief.decidedAt, locked: !!debrief.lockedAt } : null,
  };
}

export async function recordDecision(db: Db, scope: Scope, input: { loopId: string; decision: "ready" | "not_yet" | "another_loop"; rationale: string; notes: string }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const loop = await tx.loop.findFirst({ where: { id: input.loopId, workspaceId: scope.workspaceId } });
    if (!loop) throw notFound("That loop");
    const existing = await tx.debrief.findUnique({ where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: loop.id } } });
    if (existing?.lockedAt) throw new AppError("CONFLICT", "The decision is recorded and the debrief is locked. Reopen it to change the decision.");
    const submitted = await tx.scorecard.count({ where: { workspaceId: scope.workspaceId, loopId: loop.id, status: "submitted" } });
    if (submitted === 0) throw new AppError("BAD_REQUEST", "No scorecard is submitted yet; a decision needs evidence.");
    const data = { decision: input.decision, rationale: input.rationale, notes: input.notes, decidedAt: now, decidedById: scope.userId, lockedAt: now };
    await tx.debrief.upsert({ where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: loop.id } }, update: data, create: { ...data, workspaceId: scope.workspaceId, loopId: loop.id } });
    if (loop.status === "in_progress" || loop.status === "scheduled" || loop.status === "debrief") await tx.loop.update({ where: { id: loop.id }, data: { status: "completed" } });
    await recordAudit(tx, { workspaceId: scope.workspaceId, actorId: scope.userId, action: "debrief.decided", targetType: "loop", targetId: loop.id, data: { decision: input.decision } });
    return { decision: input.decision, locked: true };
  });
}

export async function reopenDebrief(db: Db, scope: Scope, input: { loopId: string; reason: string }) {
  return db.$transaction(async (tx) => {
    const loop = await tx.loop.findFirst({ where: { id: input.loopId, workspaceId: scope.workspaceId }, select: { id: true } });
    if (!loop) throw notFound("That loop");
    const debrief = await tx.debrief.findUnique({ where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: loop.id } } });
    if (!debrief?.lockedAt) throw new AppError("CONFLICT", "This debrief is not locked.");
    await tx.debrief.update({ where: { id: debrief.id }, data: { lockedAt: null } });
    await recordAudit(tx, { workspaceId: scope.workspaceId, actorId: scope.userId, action: "debrief.reopened", targetType: "loop", targetId: input.loopId, data: { reason: input.reason, previousDecision: debrief.decision } });
    return { locked: false };
  });
}
