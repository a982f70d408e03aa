// The debrief of a loop: a rounds × signals matrix with raw ratings and calibrated signal scores, coverage per
// dimension, disagreements, evidence grouped by signal, and the decision. Loads in a fixed number of
// queries whatever the number of rounds and scorecards.
import { readRatings } from "@/server/db/json";
import { roundLabels } from "@/domain/loop-status";
import { findSignalDisagreements, isSplitRecommendation, type Recommendation } from "@/domain/scorecard";
import { AppError, notFound } from "@/server/errors";
import { recordAudit } from "./audit";
import { loadCohort, scoreLoop, severities } from "./cohort";
import { memberNames } from "./member-names";
import { assertMaySeePanel } from "./scorecard/panel";
import { versionContents } from "./scorecard/rubric-version";
import { inTransaction, type Scope, type Tx } from "./scope";
import { emitEvent, eventLoop, eventPeople } from "@/server/webhooks/emit";

export async function getDebrief(db: Tx, scope: Scope, input: { loopId: string }, now = new Date()) {
  const loop = await db.loop.findFirst({
    where: { id: input.loopId, workspaceId: scope.workspaceId },
    include: { rounds: { orderBy: { order: "asc" } } },
  });
  if (!loop) throw notFound("That loop");
  await assertMaySeePanel(db, scope, loop.id);
  const [rows, debrief, dimensions, cohort] = await Promise.all([
    db.scorecard.findMany({
      where: { workspaceId: scope.workspaceId, loopId: loop.id, status: "submitted" },
      orderBy: { id: "asc" },
    }),
    db.debrief.findUnique({ where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: loop.id } } }),
    db.dimension.findMany({
      where: { workspaceId: scope.workspaceId },
      orderBy: { order: "asc" },
      select: { key: true, name: true },
    }),
    loadCohort(db, scope.workspaceId, now),
  ]);
  const cards = rows.map((c) => ({ ...c, ratings: readRatings(c.ratings) }));
  const activeRounds = loop.rounds.filter((r) => r.status !== "cancelled");
  const versionIds = [
    ...new Set(
      [...activeRounds.map((r) => r.rubricVersionId), ...cards.map((c) => c.rubricVersionId)].filter(
        (x): x is string => !!x,
      ),
    ),
  ];
  const [versions, names, roundTypes, scores, drafts] = await Promise.all([
    versionContents(db, scope.workspaceId, versionIds),
    memberNames(db, scope.workspaceId, [
      ...new Set([
        ...cards.map((c) => c.interviewerMemberId),
        ...activeRounds.flatMap((r) => (r.interviewerMemberId ? [r.interviewerMemberId] : [])),
        ...(loop.candidateMemberId ? [loop.candidateMemberId] : []),
      ]),
    ]),
    db.roundType.findMany({
      where: { workspaceId: scope.workspaceId, id: { in: loop.rounds.map((r) => r.roundTypeId) } },
      select: { id: true, name: true },
    }),
    scoreLoop(db, cohort, loop.id, cards),
    // Others' drafts appear as a status only: their content is not read.
    db.scorecard.findMany({
      where: { workspaceId: scope.workspaceId, loopId: loop.id, status: "draft" },
      select: { roundId: true, interviewerMemberId: true },
    }),
  ]);
  const severity = await severities(db, cohort, [...new Set(cards.map((c) => c.interviewerMemberId))]);
  // The versions' signals in the order of their rubrics (a stable sort keeps each version's own order).
  const signals = versions.flatMap((v) => v.signals).sort((a, b) => a.order - b.order);
  const redFlags = versions.flatMap((v) => v.redFlags);
  const redFlagTitle = (versionId: string, key: string) =>
    redFlags.find((f) => f.rubricVersionId === versionId && f.key === key)?.title ?? key;
  const roundName = roundLabels(
    loop.rounds.map((r) => ({
      id: r.id,
      order: r.order,
      typeName: roundTypes.find((t) => t.id === r.roundTypeId)?.name ?? "Round",
    })),
  );
  const roundNames = (ids: string[]) => loop.rounds.filter((r) => ids.includes(r.id)).map((r) => roundName.get(r.id)!);

  // Columns: one per submitted scorecard, in round order.
  const columns = loop.rounds.flatMap((r) =>
    cards
      .filter((c) => c.roundId === r.id)
      .map((c) => {
        const estimate = severity.get(c.interviewerMemberId);
        return {
          scorecardId: c.id,
          roundId: r.id,
          roundType: roundName.get(r.id)!,
          interviewerMemberId: c.interviewerMemberId,
          interviewer: names.get(c.interviewerMemberId) ?? "Interviewer",
          recommendation: c.recommendation,
          /** Leniency across the cohort (+ = rates higher than the panel); null when it cannot be estimated. */
          severity: estimate?.severity ?? null,
          severityStandardError: estimate?.standardError ?? null,
          severityNote: estimate?.notCalibratedReason ?? null,
          redFlagKeys: c.redFlagKeys,
          redFlags: c.redFlagKeys.map((key) => redFlagTitle(c.rubricVersionId, key)),
          summary: c.summary,
          submittedAt: c.submittedAt,
          ratings: c.ratings,
          rubricVersionId: c.rubricVersionId,
        };
      }),
  );
  const signalScore = new Map(scores.signals.map((s) => [s.key, s]));
  // Rows: every signal of the loop's rubric versions, once per key.
  const signalRows: { key: string; title: string; dimensionKey: string }[] = [];
  for (const s of signals)
    if (!signalRows.some((r) => r.key === s.key))
      signalRows.push({ key: s.key, title: s.title, dimensionKey: s.dimensionKey });
  const matrix = signalRows.map((row) => {
    const score = signalScore.get(row.key);
    return {
      ...row,
      calibrated: score?.calibrated ?? null,
      standardError: score?.standardError ?? null,
      notCalibratedReason: score?.notCalibratedReason ?? null,
      cells: columns.map((col) => {
        const answer = col.ratings[row.key];
        const raw = typeof answer?.rating === "number" ? answer.rating : null;
        return {
          scorecardId: col.scorecardId,
          raw,
          notObserved: answer?.rating === "not_observed",
          evidence: answer?.evidence ?? "",
        };
      }),
    };
  });
  const disagreements = findSignalDisagreements(
    matrix.flatMap((row) =>
      row.cells.flatMap((c, i) =>
        c.raw === null ? [] : [{ signalKey: row.key, raterId: columns[i]!.scorecardId, rating: c.raw }],
      ),
    ),
  );
  const coverage = dimensions
    .map((d) => {
      const inDim = matrix.filter((r) => r.dimensionKey === d.key);
      const covered = inDim.filter((r) => r.cells.some((c) => c.raw !== null && c.evidence.trim()));
      return {
        dimensionKey: d.key,
        dimension: d.name,
        signals: inDim.length,
        covered: covered.length,
        gaps: inDim.filter((r) => !covered.includes(r)).map((r) => r.title),
      };
    })
    .filter((c) => c.signals > 0);
  const order = new Map(dimensions.map((d, i) => [d.key, i]));
  const dimensionScores = scores.dimensions
    .map((s) => ({
      dimensionKey: s.key,
      dimension: dimensions.find((d) => d.key === s.key)?.name ?? s.key,
      raw: s.raw,
      calibrated: s.calibrated,
      standardError: s.standardError,
      ratings: s.ratings,
      rounds: roundNames(s.roundIds),
      notCalibratedReason: s.notCalibratedReason,
    }))
    .sort((a, b) => (order.get(a.dimensionKey) ?? 99) - (order.get(b.dimensionKey) ?? 99));

  return {
    loop: {
      id: loop.id,
      targetRole: loop.targetRole,
      level: loop.level,
      status: loop.status,
      candidate: loop.candidateMemberId ? (names.get(loop.candidateMemberId) ?? "Candidate") : "Invited candidate",
    },
    pendingScorecards: activeRounds.filter((r) => !cards.some((c) => c.roundId === r.id)).length,
    /** Where each counted round's scorecard stands, in round order. */
    tracker: activeRounds.map((r) => {
      const card =
        cards.find((c) => c.roundId === r.id && c.interviewerMemberId === r.interviewerMemberId) ??
        cards.find((c) => c.roundId === r.id);
      const state: "submitted" | "draft" | "due" | "upcoming" | "unbooked" = card
        ? "submitted"
        : r.status !== "scheduled" || !r.startsAt
          ? "unbooked"
          : r.startsAt > now
            ? "upcoming"
            : drafts.some((x) => x.roundId === r.id)
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
    columns: columns.map(({ ratings: _r, ...c }) => c),
    matrix,
    disagreements: disagreements.map((d) => ({
      ...d,
      title: signalRows.find((r) => r.key === d.signalKey)?.title ?? d.signalKey,
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
    evidence: matrix
      .map((row) => ({
        signalKey: row.key,
        title: row.title,
        items: row.cells.flatMap((c, i) =>
          c.evidence.trim()
            ? [
                {
                  interviewer: columns[i]!.interviewer,
                  roundType: columns[i]!.roundType,
                  rating: c.raw,
                  evidence: c.evidence,
                },
              ]
            : [],
        ),
      }))
      .filter((e) => e.items.length > 0),
    decision: debrief
      ? {
          decision: debrief.decision,
          rationale: debrief.rationale,
          notes: debrief.notes,
          decidedAt: debrief.decidedAt,
          locked: !!debrief.lockedAt,
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
