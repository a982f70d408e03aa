// Calibration across candidates' loops: the cohort view (every loop on the same, severity-corrected scale)
// and the interviewer calibration report. Both read the one cohort fit of ./cohort, the same one the
// debrief and the reports use, so a loop shows the same numbers on every page.
import { measureAgreement } from "@/domain/calibration";
import { loadCohort } from "./cohort";
import { memberNames } from "./member-names";
import type { Scope, Tx } from "./scope";

/** Loops of a period, role or level on the calibrated scale, with intervals and raw beside. */
export async function getCohort(db: Tx, scope: Scope, input: { level?: "entry" | "mid" | "senior"; targetRole?: string; from?: Date; to?: Date }, now = new Date()) {
  const cohort = await loadCohort(db, scope.workspaceId, now);
  const loops = await db.loop.findMany({
    where: {
      workspaceId: scope.workspaceId,
      id: { in: [...cohort.loopIds] },
      ...(input.level ? { level: input.level } : {}),
      ...(input.targetRole ? { targetRole: { contains: input.targetRole, mode: "insensitive" } } : {}),
      ...(input.from || input.to ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } } : {}),
    },
    select: { id: true, candidateMemberId: true, targetRole: true, level: true, createdAt: true },
  });
  const who = await memberNames(db, scope.workspaceId, [...new Set(loops.flatMap((l) => (l.candidateMemberId ? [l.candidateMemberId] : [])))]);
  const dimensions = await db.dimension.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: { order: "asc" }, select: { key: true, name: true } });
  const byLoop = new Map<string, typeof cohort.fit.candidates>();
  for (const c of cohort.fit.candidates) byLoop.set(c.candidateId, [...(byLoop.get(c.candidateId) ?? []), c]);
  const rows = loops.flatMap((loop) => {
    const scores = byLoop.get(loop.id) ?? [];
    const overall = scores.find((c) => c.kind === "overall");
    if (!overall) return [];
    return [{
      loopId: loop.id,
      candidateId: loop.candidateMemberId,
      name: loop.candidateMemberId ? (who.get(loop.candidateMemberId) ?? "Candidate") : "Invited candidate",
      loop: `${loop.targetRole} (${loop.level})`,
      raw: overall.raw,
      calibrated: overall.calibrated,
      standardError: overall.standardError,
      ratings: overall.ratings,
      notCalibratedReason: overall.notCalibratedReason,
      byDimension: Object.fromEntries(scores.filter((c) => c.kind === "group").map((c) => [c.key!, { raw: c.raw, calibrated: c.calibrated, standardError: c.standardError }])),
    }];
  });
  return {
    dimensions,
    warnings: cohort.fit.warnings,
    window: { since: cohort.since, loops: cohort.loopIds.size, truncated: cohort.truncated },
    // Only calibrated loops are ranked; the others are listed apart with raw values and the reason.
    candidates: rows.filter((r) => r.calibrated !== null),
    notCalibrated: rows.filter((r) => r.calibrated === null),
  };
}

/** Each interviewer's severity, spread, volume, agreement with the panel and time to submit. */
export async function getInterviewerReport(db: Tx, scope: Scope, now = new Date()) {
  const cohort = await loadCohort(db, scope.workspaceId, now);
  const { cards, ratings: bySignal, fit: result } = cohort;
  const rounds = await db.round.findMany({ where: { workspaceId: scope.workspaceId, id: { in: [...new Set(cards.map((c) => c.roundId))] } }, select: { id: true, endsAt: true } });
  const endOf = new Map(rounds.map((r) => [r.id, r.endsAt]));
  // Agreement with the panel: mean absolute difference from the other interviewers' mean on the same
  // candidate and signal (0 = always in line).
  const cell = new Map<string, { interviewerId: string; value: number }[]>();
  for (const r of bySignal) {
    const key = `${r.candidateId}\u0000${r.key}`;
    const list = cell.get(key);
    if (list) list.push({ interviewerId: r.interviewerId, value: r.value });
    else cell.set(key, [{ interviewerId: r.interviewerId, value: r.value }]);
  }
  const gaps = new Map<string, number[]>();
  for (const values of cell.values()) {
    for (const v of values) {
      const others = values.filter((o) => o.interviewerId !== v.interviewerId);
      if (!others.length) continue;
      const mean = others.reduce((s, o) => s + o.value, 0) / others.length;
      const list = gaps.get(v.interviewerId);
      if (list) list.push(Math.abs(v.value - mean));
      else gaps.set(v.interviewerId, [Math.abs(v.value - mean)]);
    }
  }
  const who = await memberNames(db, scope.workspaceId, result.interviewers.map((i) => i.interviewerId));
  const median = (xs: number[]) => {
    if (!xs.length) return null;
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  return {
    warnings: result.warnings,
    interviewers: result.interviewers.map((i) => {
      const mine = cards.filter((c) => c.interviewerMemberId === i.interviewerId);
      const hours = mine.flatMap((c) => {
        const end = endOf.get(c.roundId);
        return end && c.submittedAt ? [Math.max(0, (c.submittedAt.getTime() - end.getTime()) / 3_600_000)] : [];
      });
      const g = gaps.get(i.interviewerId) ?? [];
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
        scorecards: mine.length,
        identifiable: i.identifiable,
        panelGap: g.length ? g.reduce((s, x) => s + x, 0) / g.length : null,
        medianHoursToSubmit: median(hours),
      };
    }),
    model: result.model,
    agreement: {
      bySignal: measureAgreement(bySignal, { by: "key" }),
      byDimension: measureAgreement(bySignal, { by: "group" }),
    },
    generatedAt: now,
  };
}
