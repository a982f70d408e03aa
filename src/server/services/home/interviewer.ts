// An interviewer's home: upcoming rounds, scorecards due, and their own calibration.
import { HOME_LIST_LIMIT, scorecardDueAt } from "@/domain/home";
import { loadCohort, severities } from "../cohort";
import { candidateNames } from "../member-names";
import { type Scope, type Tx } from "../scope";
import { DAY, LOOK_BACK_DAYS, OPEN_LOOP, roundTypeNames, withoutSubmittedScorecard } from "./lookups";

export async function interviewerHome(db: Tx, scope: Scope, now: Date) {
  const { workspaceId, memberId } = scope;
  const mine = { OR: [{ interviewerMemberId: memberId }, { shadowMemberId: memberId }] };
  const [upcomingCount, upcoming, started, submittedCount] = await Promise.all([
    db.round.count({ where: { workspaceId, status: "scheduled", endsAt: { gt: now }, ...mine } }),
    db.round.findMany({
      where: { workspaceId, status: "scheduled", endsAt: { gt: now }, ...mine },
      orderBy: { startsAt: "asc" },
      take: HOME_LIST_LIMIT,
    }),
    db.round.findMany({
      where: {
        workspaceId,
        status: "scheduled",
        startsAt: { lte: now },
        endsAt: { gt: new Date(now.getTime() - LOOK_BACK_DAYS * DAY) },
        loop: { status: OPEN_LOOP },
        ...mine,
      },
      orderBy: { endsAt: "asc" },
      take: 200,
    }),
    db.scorecard.count({ where: { workspaceId, interviewerMemberId: memberId, status: "submitted" } }),
  ]);
  const due = await withoutSubmittedScorecard(db, workspaceId, started, () => memberId);
  const loops = await db.loop.findMany({
    where: { workspaceId, id: { in: [...new Set([...upcoming, ...due].map((r) => r.loopId))] } },
    select: { id: true, candidateMemberId: true, candidateInvitationId: true },
  });
  const [candidates, types] = await Promise.all([
    candidateNames(db, workspaceId, loops),
    roundTypeNames(
      db,
      workspaceId,
      [...upcoming, ...due].map((r) => r.roundTypeId),
    ),
  ]);

  // Their own calibration, from the one cohort fit every page reads (only once they have submitted).
  let calibration: {
    severity: number | null;
    standardError: number | null;
    scorecards: number;
    notCalibratedReason: string | null;
  } | null = null;
  if (submittedCount > 0) {
    const cohort = await loadCohort(db, workspaceId, now);
    const estimate = (await severities(db, cohort, [memberId])).get(memberId);
    calibration = estimate
      ? {
          severity: estimate.severity,
          standardError: estimate.standardError,
          scorecards: estimate.scorecards,
          notCalibratedReason: estimate.notCalibratedReason,
        }
      : {
          severity: null,
          standardError: null,
          scorecards: 0,
          notCalibratedReason: "None of your submitted scorecards falls in the calibration window yet.",
        };
  }
  const round = (r: (typeof upcoming)[number]) => ({
    roundId: r.id,
    loopId: r.loopId,
    roundTypeId: r.roundTypeId,
    roundType: types.get(r.roundTypeId)?.name ?? "Round",
    candidate: candidates.get(r.loopId) ?? "Candidate",
    startsAt: r.startsAt!,
    endsAt: r.endsAt!,
    durationMin: r.durationMin,
    questionId: r.questionId,
    asShadow: r.shadowMemberId === memberId,
  });
  return {
    upcoming: { total: upcomingCount, items: upcoming.map(round) },
    scorecardsDue: {
      total: due.length,
      items: due
        .slice(0, HOME_LIST_LIMIT)
        .map((r) => ({ ...round(r), dueAt: scorecardDueAt(r.endsAt!), overdue: scorecardDueAt(r.endsAt!) < now })),
    },
    calibration,
    submittedScorecards: submittedCount,
  };
}
