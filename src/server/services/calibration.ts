// Calibration across candidates: the cohort view (everyone on the same, severity-corrected scale) and the
// interviewer calibration report. Both read all submitted scorecards in a few queries and run the pure
// engine in src/domain/calibration.ts.
import { calibrate, measureAgreement } from "@/domain/calibration";
import type { Db } from "@/server/db";
import { candidateKey, loadSubmittedRatings, memberNames } from "./ratings";
import type { Scope } from "./scope";

/** Candidates of a period, role or level on the calibrated scale, with intervals and raw beside. */
export async function getCohort(db: Db, scope: Scope, input: { level?: "entry" | "mid" | "senior"; targetRole?: string; from?: Date; to?: Date }) {
  const { loops, byDimension } = await loadSubmittedRatings(db, scope.workspaceId, { loopWhere: {
    ...(input.level ? { level: input.level } : {}),
    ...(input.targetRole ? { targetRole: { contains: input.targetRole, mode: "insensitive" } } : {}),
    ...(input.from || input.to ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } } : {}),
  } });
  const result = calibrate(byDimension);
  const who = await memberNames(db, scope.workspaceId, [...new Set(loops.flatMap((l) => (l.candidateMemberId ? [l.candidateMemberId] : [])))]);
  const dimensions = await db.dimension.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: { order: "asc" }, select: { key: true, name: true } });
  const candidateIds = [...new Set(result.candidates.map((c) => c.candidateId))];
  return {
    dimensions,
    warnings: result.warnings,
    candidates: candidateIds.map((id) => {
      const overall = result.candidates.find((c) => c.candidateId === id && c.key === null)!;
      return {
        candidateId: id,
        name: who.get(id) ?? "Invited candidate",
        loops: loops.filter((l) => candidateKey(l) === id).length,
        raw: overall.raw,
        calibrated: overall.calibrated,
        standardError: overall.standardError,
        ratings: overall.ratings,
        byDimension: Object.fromEntries(result.candidates.filter((c) => c.candidateId === id && c.key !== null).map((c) => [c.key!, { raw: c.raw, calibrated: c.calibrated, standardError: c.standardError }])),
      };
    }),
  };
}

/** Each interviewer's severity, spread, volume, agreement with the panel and time to submit. */
export async function getInterviewerReport(db: Db, scope: Scope, now = new Date()) {
  const { cards, bySignal, byDimension } = await loadSubmittedRatings(db, scope.workspaceId);
  const result = calibrate(bySignal);
  const rounds = await db.round.findMany({ where: { workspaceId: scope.workspaceId, id: { in: [...new Set(cards.map((c) => c.roundId))] } }, select: { id: true, endsAt: true } });
  const endOf = new Map(rounds.map((r) => [r.id, r.endsAt]));
  // Agreement with the panel: mean absolute difference from the other interviewers' mean on the same
  // candidate and signal (0 = always in line).
  const cell = new Map<string, { interviewerId: string; value: number }[]>();
  for (const r of bySignal) cell.set(`${r.candidateId}\u0000${r.key}`, [...(cell.get(`${r.candidateId}\u0000${r.key}`) ?? []), { interviewerId: r.interviewerId, value: r.value }]);
  const gaps = new Map<string, number[]>();
  for (const values of cell.values()) {
    for (const v of values) {
      const others = values.filter((o) => o.interviewerId !== v.interviewerId);
      if (!others.length) continue;
      const mean = others.reduce((s, o) => s + o.value, 0) / others.length;
      gaps.set(v.interviewerId, [...(gaps.get(v.interviewerId) ?? []), Math.abs(v.value - mean)]);
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
        severity: i.identifiable ? i.severity : null,
        standardError: Number.isFinite(i.standardError) ? i.standardError : null,
        spread: Number.isFinite(i.spread) ? i.spread : null,
        // Approximate standard error of a standard deviation estimated from n ratings (docs/calibration.md).
        spreadStandardError: Number.isFinite(i.spread) && i.ratings > 1 ? i.spread / Math.sqrt(2 * (i.ratings - 1)) : null,
        ratings: i.ratings,
        scorecards: mine.length,
        identifiable: i.identifiable,
        panelGap: g.length ? g.reduce((s, x) => s + x, 0) / g.length : null,
        medianHoursToSubmit: median(hours),
      };
    }),
    agreement: {
      bySignal: measureAgreement(bySignal),
      byDimension: measureAgreement(byDimension),
    },
    generatedAt: now,
  };
}
