// Calibration across candidates' loops: the cohort view (every loop on the same, severity-corrected scale)
// and the interviewer calibration report. Both read the one cohort fit of ./cohort, the same one the
// debrief and the reports use, so a loop shows the same numbers on every page.
import { allSeverities, loadCohort, storedLoopScores } from "./cohort";
import { memberNames } from "./member-names";
import type { Scope, Tx } from "./scope";

/** Loops of a period, role or level on the calibrated scale, with intervals and raw beside. */
export async function getCohort(
  db: Tx,
  scope: Scope,
  input: { level?: "entry" | "mid" | "senior"; targetRole?: string; from?: Date; to?: Date },
  now = new Date(),
) {
  const cohort = await loadCohort(db, scope.workspaceId, now);
  const byLoop = await storedLoopScores(db, cohort);
  const loops = await db.loop.findMany({
    where: {
      workspaceId: scope.workspaceId,
      id: { in: [...byLoop.keys()] },
      ...(input.level ? { level: input.level } : {}),
      ...(input.targetRole ? { targetRole: { contains: input.targetRole, mode: "insensitive" } } : {}),
      ...(input.from || input.to
        ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } }
        : {}),
    },
    select: { id: true, candidateMemberId: true, targetRole: true, level: true, createdAt: true },
  });
  const who = await memberNames(db, scope.workspaceId, [
    ...new Set(loops.flatMap((l) => (l.candidateMemberId ? [l.candidateMemberId] : []))),
  ]);
  const dimensions = await db.dimension.findMany({
    where: { workspaceId: scope.workspaceId },
    orderBy: { order: "asc" },
    select: { key: true, name: true },
  });
  const rows = loops.flatMap((loop) => {
    const scores = byLoop.get(loop.id) ?? [];
    const overall = scores.find((c) => c.kind === "overall");
    if (!overall) return [];
    return [
      {
        loopId: loop.id,
        candidateId: loop.candidateMemberId,
        name: loop.candidateMemberId ? (who.get(loop.candidateMemberId) ?? "Candidate") : "Invited candidate",
        loop: `${loop.targetRole} (${loop.level})`,
        raw: overall.raw,
        calibrated: overall.calibrated,
        standardError: overall.standardError,
        ratings: overall.ratings,
        notCalibratedReason: overall.notCalibratedReason,
        byDimension: Object.fromEntries(
          scores
            .filter((c) => c.kind === "group")
            .map((c) => [c.key!, { raw: c.raw, calibrated: c.calibrated, standardError: c.standardError }]),
        ),
      },
    ];
  });
  return {
    dimensions,
    warnings: cohort.summary?.warnings ?? [],
    window: { since: cohort.since, loops: cohort.loops, truncated: cohort.truncated },
    updating: cohort.updating,
    fittedAt: cohort.fittedAt,
    // Only calibrated loops are ranked; the others are listed apart with raw values and the reason.
    candidates: rows.filter((r) => r.calibrated !== null),
    notCalibrated: rows.filter((r) => r.calibrated === null),
  };
}

/** Each interviewer's severity, spread, volume, agreement with the panel and time to submit, from the stored fit. */
export async function getInterviewerReport(db: Tx, scope: Scope, now = new Date()) {
  const cohort = await loadCohort(db, scope.workspaceId, now);
  const estimates = await allSeverities(db, cohort);
  const who = await memberNames(
    db,
    scope.workspaceId,
    estimates.map((i) => i.interviewerId),
  );
  const stats = new Map((cohort.summary?.interviewers ?? []).map((s) => [s.interviewerId, s]));
  return {
    warnings: cohort.summary?.warnings ?? [],
    interviewers: estimates.map((i) => {
      const s = stats.get(i.interviewerId);
      return {
        interviewerId: i.interviewerId,
        name: who.get(i.interviewerId) ?? "Interviewer",
        severity: i.severity,
        standardError: i.standardError,
        gain: i.gain,
        gainStandardError: i.gainStandardError,
        spread: i.spread,
        // Approximate standard error of a standard deviation estimated from n ratings (docs/calibration.md).
        spreadStandardError: i.spread !== null && i.ratings > 1 ? i.spread / Math.sqrt(2 * (i.ratings - 1)) : null,
        ratings: i.ratings,
        notCalibratedReason: i.notCalibratedReason,
        scorecards: s?.scorecards ?? i.scorecards,
        identifiable: i.identifiable,
        panelGap: s?.panelGap ?? null,
        medianHoursToSubmit: s?.medianHoursToSubmit ?? null,
      };
    }),
    model: cohort.summary?.model ?? {
      severitySd: null,
      gainSd: null,
      haloSd: null,
      noiseSd: null,
      iterations: 0,
      converged: true,
    },
    agreement: cohort.summary?.agreement ?? { bySignal: [], byDimension: [] },
    updating: cohort.updating,
    generatedAt: cohort.fittedAt,
  };
}
