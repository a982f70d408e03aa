// "How I rate": one interviewer's own calibration, private to them and to coaches. Severity and gain
// (overall and per dimension, with intervals relative to the panel) come from the one stored cohort fit;
// agreement and time to submit from the fit's summary; the change over time compares two 90-day periods
// of their scorecards against their co-panelists (./cohort.ts reads the fit; src/domain/rater.ts words it).
import {
  compareRatingPeriods,
  explainAgreement,
  explainGain,
  explainSeverity,
  explainTimeToSubmit,
  interval,
  type PeriodCard,
} from "@/domain/rater";
import { readDimensionEstimates, readInterviewerEstimate, readRatings } from "@/server/db/json";
import { AppError, notFound } from "@/server/errors";
import { interviewerStats, loadCohort } from "./cohort";
import { memberNames } from "./member-names";
import type { Scope, Tx } from "./scope";

/** The two periods compared for "change over time", in days each. */
export const CHANGE_PERIOD_DAYS = 90;

const numeric = (ratings: unknown): Record<string, number> =>
  Object.fromEntries(
    Object.entries(readRatings(ratings)).flatMap(([k, a]) => (typeof a.rating === "number" ? [[k, a.rating]] : [])),
  );

async function periodCards(db: Tx, workspaceId: string, memberId: string, now: Date) {
  const since = new Date(now.getTime() - 2 * CHANGE_PERIOD_DAYS * 86_400_000);
  const mine = await db.scorecard.findMany({
    where: { workspaceId, interviewerMemberId: memberId, status: "submitted", submittedAt: { gte: since } },
    select: { loopId: true, roundId: true, submittedAt: true, ratings: true },
  });
  const loopIds = [...new Set(mine.map((c) => c.loopId))];
  const [rounds, others] = await Promise.all([
    db.round.findMany({
      where: { workspaceId, id: { in: mine.map((c) => c.roundId) } },
      select: { id: true, endsAt: true },
    }),
    db.scorecard.findMany({
      where: { workspaceId, loopId: { in: loopIds }, status: "submitted", interviewerMemberId: { not: memberId } },
      select: { loopId: true, ratings: true },
    }),
  ]);
  const endOf = new Map(rounds.map((r) => [r.id, r.endsAt]));
  const cards: PeriodCard[] = mine.map((c) => ({
    loopId: c.loopId,
    submittedAt: c.submittedAt!,
    roundEndsAt: endOf.get(c.roundId) ?? null,
    ratings: numeric(c.ratings),
  }));
  return { cards, others: others.map((o) => ({ loopId: o.loopId, ratings: numeric(o.ratings) })) };
}

export async function getHowIRate(db: Tx, scope: Scope, input: { memberId?: string }, now = new Date()) {
  const memberId = input.memberId ?? scope.memberId;
  if (memberId !== scope.memberId) {
    // Another workspace's member is "not found" for everyone; a colleague's view is for coaches only.
    const member = await db.membership.findFirst({ where: { id: memberId, workspaceId: scope.workspaceId } });
    if (!member) throw notFound("That member");
    if (scope.role !== "owner" && scope.role !== "coach")
      throw new AppError("FORBIDDEN", "“How I rate” is private: you can read only your own.");
  }
  const cohort = await loadCohort(db, scope.workspaceId, now);
  const [row, stats, dimensions, names, exercises, periods] = await Promise.all([
    cohort.fitId
      ? db.cohortInterviewer.findUnique({
          where: { workspaceId_fitId_memberId: { workspaceId: scope.workspaceId, fitId: cohort.fitId, memberId } },
        })
      : null,
    interviewerStats(db, cohort, memberId),
    db.dimension.findMany({
      where: { workspaceId: scope.workspaceId },
      orderBy: { order: "asc" },
      select: { key: true, name: true },
    }),
    memberNames(db, scope.workspaceId, [memberId]),
    db.exerciseAttempt.findMany({
      where: { workspaceId: scope.workspaceId, memberId },
      orderBy: { submittedAt: "desc" },
      take: 10,
      select: {
        submittedAt: true,
        passed: true,
        meanDifference: true,
        exercise: { select: { id: true, title: true } },
      },
    }),
    periodCards(db, scope.workspaceId, memberId, now),
  ]);
  const estimate = row ? readInterviewerEstimate(row.estimate) : null;
  const byDimension = row ? readDimensionEstimates(row.estimate) : [];
  const dimensionName = new Map(dimensions.map((d) => [d.key, d.name]));
  const severity = estimate?.severity ?? null;
  const gain = estimate?.gain ?? null;
  return {
    memberId,
    name: names.get(memberId) ?? "Interviewer",
    self: memberId === scope.memberId,
    fittedAt: cohort.fittedAt,
    updating: cohort.updating,
    panel: {
      interviewers: cohort.interviewers,
      severitySd: cohort.summary?.model.severitySd ?? null,
    },
    notMeasuredReason: !cohort.fitId
      ? "Nothing is calibrated yet: numbers appear after scorecards are submitted."
      : !estimate
        ? "You have no submitted scorecard in the calibration window (the last 365 days) yet."
        : estimate.notCalibratedReason,
    severity: {
      value: severity,
      interval: interval(severity, estimate?.standardError ?? null),
      explanation: explainSeverity(severity, estimate?.standardError ?? null),
    },
    gain: {
      value: gain,
      interval: interval(gain, estimate?.gainStandardError ?? null),
      explanation: explainGain(gain, estimate?.gainStandardError ?? null),
    },
    dimensions: byDimension.map((d) => ({
      key: d.dimensionKey,
      name: dimensionName.get(d.dimensionKey) ?? d.dimensionKey,
      ratings: d.ratings,
      severity: d.severity,
      severityInterval: interval(d.severity, d.standardError),
      severityExplanation: d.notCalibratedReason ?? explainSeverity(d.severity, d.standardError),
      gain: d.gain,
      gainInterval: interval(d.gain, d.gainStandardError),
      gainExplanation: d.notCalibratedReason ? "" : explainGain(d.gain, d.gainStandardError),
    })),
    agreement: { panelGap: stats?.panelGap ?? null, explanation: explainAgreement(stats?.panelGap ?? null) },
    timeToSubmit: {
      medianHours: stats?.medianHoursToSubmit ?? null,
      explanation: explainTimeToSubmit(stats?.medianHoursToSubmit ?? null),
    },
    scorecards: stats?.scorecards ?? estimate?.scorecards ?? 0,
    change: compareRatingPeriods(periods.cards, periods.others, now, CHANGE_PERIOD_DAYS),
    exercises: exercises.map((a) => ({
      exerciseId: a.exercise.id,
      title: a.exercise.title,
      submittedAt: a.submittedAt,
      passed: a.passed,
      meanDifference: a.meanDifference,
    })),
  };
}
