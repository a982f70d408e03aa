// Each person's home page: what needs them next, by role. Every list is bounded (HOME_LIST_LIMIT items with
// the total beside it), so the page costs the same in a small and a large workspace.
import { displayName } from "@/domain/people";
import {
  HOME_LIST_LIMIT,
  NUDGE_INTERVAL_HOURS,
  readyForDebrief,
  scorecardDueAt,
  SCORECARD_DUE_HOURS,
} from "@/domain/home";
import { can } from "@/domain/roles";
import { enqueueEmail } from "@/server/email/outbox";
import { renderEmail } from "@/server/email/render";
import { getEnv } from "@/server/env";
import { AppError, notFound } from "@/server/errors";
import { recordAudit } from "./audit";
import { loadCohort, severities } from "./cohort";
import { candidateNames, memberNames } from "./member-names";
import { getMyReport, listMyReports } from "./report";
import { inTransaction, type Scope, type Tx } from "./scope";

const DAY = 86_400_000;
/** Rounds further back than this (a year, like the calibration cohort) are not chased on a home page. */
const LOOK_BACK_DAYS = 365;
/** Loops examined for "ready for debrief" and "report to release": the most recently changed ones. */
const RECENT_LOOPS = 100;
const OPEN_LOOP = { notIn: ["completed" as const, "cancelled" as const] };

async function roundTypeNames(db: Tx, workspaceId: string, ids: string[]) {
  const types = await db.roundType.findMany({
    where: { workspaceId, id: { in: [...new Set(ids)] } },
    select: { id: true, name: true, description: true },
  });
  return new Map(types.map((t) => [t.id, t]));
}

/** Rounds of `rounds` whose interviewer has not submitted a scorecard for them. */
async function withoutSubmittedScorecard<R extends { id: string; interviewerMemberId: string | null }>(
  db: Tx,
  workspaceId: string,
  rounds: R[],
  memberOf: (r: R) => string | null = (r) => r.interviewerMemberId,
) {
  const submitted = await db.scorecard.findMany({
    where: { workspaceId, roundId: { in: rounds.map((r) => r.id) }, status: "submitted" },
    select: { roundId: true, interviewerMemberId: true },
  });
  const done = new Set(submitted.map((s) => `${s.roundId}|${s.interviewerMemberId}`));
  return rounds.filter((r) => !done.has(`${r.id}|${memberOf(r)}`));
}

async function coachHome(db: Tx, scope: Scope, now: Date) {
  const { workspaceId } = scope;
  const weekEnd = new Date(now.getTime() + 7 * DAY);
  const toScheduleWhere = { workspaceId, status: OPEN_LOOP, rounds: { some: { status: "unscheduled" as const } } };
  const [toScheduleCount, toSchedule, weekCount, week, ended, recentLoops, decided, load] = await Promise.all([
    db.loop.count({ where: toScheduleWhere }),
    db.loop.findMany({
      where: toScheduleWhere,
      orderBy: { createdAt: "asc" },
      take: HOME_LIST_LIMIT,
      include: { rounds: { select: { status: true } } },
    }),
    db.round.count({ where: { workspaceId, status: "scheduled", startsAt: { gte: now, lt: weekEnd } } }),
    db.round.findMany({
      where: { workspaceId, status: "scheduled", startsAt: { gte: now, lt: weekEnd } },
      orderBy: { startsAt: "asc" },
      take: HOME_LIST_LIMIT,
    }),
    db.round.findMany({
      where: {
        workspaceId,
        status: "scheduled",
        interviewerMemberId: { not: null },
        endsAt: {
          lt: new Date(now.getTime() - SCORECARD_DUE_HOURS * 3_600_000),
          gt: new Date(now.getTime() - LOOK_BACK_DAYS * DAY),
        },
        loop: { status: OPEN_LOOP },
      },
      orderBy: { endsAt: "asc" },
      take: 200,
    }),
    db.loop.findMany({
      where: { workspaceId, status: { in: ["scheduled", "in_progress", "debrief"] } },
      orderBy: { updatedAt: "desc" },
      take: RECENT_LOOPS,
      include: { rounds: { select: { id: true, status: true, endsAt: true, interviewerMemberId: true } } },
    }),
    db.debrief.findMany({
      where: { workspaceId, decision: { not: null } },
      orderBy: { decidedAt: "desc" },
      take: RECENT_LOOPS,
      select: { loopId: true, decision: true, decidedAt: true },
    }),
    db.round.groupBy({
      by: ["interviewerMemberId"],
      where: {
        workspaceId,
        status: "scheduled",
        interviewerMemberId: { not: null },
        startsAt: { gte: now, lt: weekEnd },
      },
      _count: { _all: true },
    }),
  ]);

  const overdue = await withoutSubmittedScorecard(db, workspaceId, ended);
  const nudges = await db.emailOutbox.findMany({
    where: {
      workspaceId,
      topic: { in: overdue.slice(0, HOME_LIST_LIMIT).map((r) => `scorecard:${r.id}:${r.interviewerMemberId}:nudge`) },
      createdAt: { gt: new Date(now.getTime() - NUDGE_INTERVAL_HOURS * 3_600_000) },
    },
    select: { topic: true, createdAt: true },
  });

  // Ready for the debrief: every counted round held and its scorecard in, and no decision yet.
  const decidedRecent = await db.debrief.findMany({
    where: { workspaceId, loopId: { in: recentLoops.map((l) => l.id) }, decision: { not: null } },
    select: { loopId: true },
  });
  const decidedIds = new Set(decidedRecent.map((d) => d.loopId));
  const undecided = recentLoops.filter((l) => !decidedIds.has(l.id));
  const allRounds = undecided.flatMap((l) => l.rounds);
  const missing = new Set((await withoutSubmittedScorecard(db, workspaceId, allRounds)).map((r) => r.id));
  const ready = undecided.filter((l) =>
    readyForDebrief(
      l.rounds.map((r) => ({ status: r.status, endsAt: r.endsAt, submitted: !missing.has(r.id) })),
      now,
    ),
  );

  // Reports to release: a decision is recorded and no version has gone out (a withdrawn report was a choice).
  const reports = await db.feedbackReport.findMany({
    where: { workspaceId, loopId: { in: decided.map((d) => d.loopId) } },
    select: { loopId: true, status: true, releasedVersion: true },
  });
  const reportOf = new Map(reports.map((r) => [r.loopId, r]));
  const toRelease = decided.filter((d) => {
    const report = reportOf.get(d.loopId);
    return !report || (report.status === "draft" && report.releasedVersion === 0);
  });

  const loopIds = [
    ...new Set([
      ...toSchedule.map((l) => l.id),
      ...week.map((r) => r.loopId),
      ...overdue.map((r) => r.loopId),
      ...ready.map((l) => l.id),
      ...toRelease.map((d) => d.loopId),
    ]),
  ];
  const loops = await db.loop.findMany({
    where: { workspaceId, id: { in: loopIds } },
    select: { id: true, targetRole: true, candidateMemberId: true, candidateInvitationId: true },
  });
  const loopOf = new Map(loops.map((l) => [l.id, l]));
  const profiles = await db.schedulingProfile.findMany({
    where: {
      workspaceId,
      memberId: { in: load.flatMap((g) => (g.interviewerMemberId ? [g.interviewerMemberId] : [])) },
    },
    select: { memberId: true, weeklyCap: true },
  });
  const [candidates, people, types] = await Promise.all([
    candidateNames(db, workspaceId, loops),
    memberNames(db, workspaceId, [
      ...week.flatMap((r) => (r.interviewerMemberId ? [r.interviewerMemberId] : [])),
      ...overdue.flatMap((r) => (r.interviewerMemberId ? [r.interviewerMemberId] : [])),
      ...load.flatMap((g) => (g.interviewerMemberId ? [g.interviewerMemberId] : [])),
    ]),
    roundTypeNames(
      db,
      workspaceId,
      [...week, ...overdue].map((r) => r.roundTypeId),
    ),
  ]);
  const loopLabel = (loopId: string) => {
    const loop = loopOf.get(loopId);
    return {
      loopId,
      candidate: loop ? (candidates.get(loop.id) ?? "Candidate") : "Candidate",
      targetRole: loop?.targetRole ?? "",
    };
  };
  const nudgedAt = new Map(nudges.map((n) => [n.topic ?? "", n.createdAt]));
  return {
    toSchedule: {
      total: toScheduleCount,
      items: toSchedule.map((l) => ({
        ...loopLabel(l.id),
        rounds: l.rounds.filter((r) => r.status !== "cancelled").length,
        booked: l.rounds.filter((r) => r.status === "scheduled").length,
      })),
    },
    thisWeek: {
      total: weekCount,
      items: week.map((r) => ({
        roundId: r.id,
        ...loopLabel(r.loopId),
        roundType: types.get(r.roundTypeId)?.name ?? "Round",
        startsAt: r.startsAt!,
        interviewer: r.interviewerMemberId ? (people.get(r.interviewerMemberId) ?? "Interviewer") : null,
      })),
    },
    overdueScorecards: {
      total: overdue.length,
      items: overdue.slice(0, HOME_LIST_LIMIT).map((r) => ({
        roundId: r.id,
        ...loopLabel(r.loopId),
        roundType: types.get(r.roundTypeId)?.name ?? "Round",
        interviewer: people.get(r.interviewerMemberId!) ?? "Interviewer",
        dueAt: scorecardDueAt(r.endsAt!),
        nudgedAt: nudgedAt.get(`scorecard:${r.id}:${r.interviewerMemberId}:nudge`) ?? null,
      })),
    },
    debriefsReady: { total: ready.length, items: ready.slice(0, HOME_LIST_LIMIT).map((l) => loopLabel(l.id)) },
    reportsToRelease: {
      total: toRelease.length,
      items: toRelease.slice(0, HOME_LIST_LIMIT).map((d) => ({
        ...loopLabel(d.loopId),
        decidedAt: d.decidedAt,
        candidateJoined: !!loopOf.get(d.loopId)?.candidateMemberId,
      })),
    },
    interviewerLoad: load
      .flatMap((g) => (g.interviewerMemberId ? [{ memberId: g.interviewerMemberId, rounds: g._count._all }] : []))
      .map((g) => ({
        ...g,
        name: people.get(g.memberId) ?? "Interviewer",
        weeklyCap: profiles.find((p) => p.memberId === g.memberId)?.weeklyCap ?? null,
      }))
      .sort((a, b) => b.rounds - a.rounds || a.name.localeCompare(b.name))
      .slice(0, HOME_LIST_LIMIT),
  };
}

async function interviewerHome(db: Tx, scope: Scope, now: Date) {
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

async function candidateHome(db: Tx, scope: Scope, now: Date) {
  const { workspaceId, memberId } = scope;
  const where = { workspaceId, candidateMemberId: memberId, status: "scheduled" as const, endsAt: { gt: now } };
  const [upcomingCount, next, released] = await Promise.all([
    db.round.count({ where }),
    db.round.findFirst({ where, orderBy: { startsAt: "asc" } }),
    listMyReports(db, scope),
  ]);
  const types = next ? await roundTypeNames(db, workspaceId, [next.roundTypeId]) : new Map();
  const latest = released.at(-1);
  const report = latest ? await getMyReport(db, scope, { reportId: latest.reportId }) : null;
  return {
    nextRound: next
      ? {
          roundId: next.id,
          roundType: types.get(next.roundTypeId)?.name ?? "Round",
          description: types.get(next.roundTypeId)?.description ?? "",
          startsAt: next.startsAt!,
          endsAt: next.endsAt!,
          durationMin: next.durationMin,
          location: next.location,
        }
      : null,
    upcomingRounds: upcomingCount,
    latestFeedback: report
      ? {
          reportId: report.reportId,
          releasedAt: report.releasedAt,
          label: report.content.loop?.label ?? "Practice loop",
          growthAreas: report.content.growthAreas.slice(0, 3).map((g) => g.title),
          firstPracticeDay: report.content.practicePlan[0] ?? null,
        }
      : null,
    // One point per loop with feedback: the mean of its dimension scores, for a glance; the report has the detail.
    progress: (report?.progress ?? []).map((p) => ({
      reportId: p.reportId,
      label: p.label,
      at: p.at,
      score: p.dimensions.length ? p.dimensions.reduce((sum, d) => sum + d.score, 0) / p.dimensions.length : null,
    })),
  };
}

/** The home page of the signed-in member: the sections their role works with. */
export async function getHome(db: Tx, scope: Scope, now = new Date()) {
  const [coach, interviewer, candidate] = await Promise.all([
    can(scope.role, "loop.manage") ? coachHome(db, scope, now) : null,
    can(scope.role, "scorecard.fill") ? interviewerHome(db, scope, now) : null,
    can(scope.role, "report.own") ? candidateHome(db, scope, now) : null,
  ]);
  return { role: scope.role, generatedAt: now, coach, interviewer, candidate };
}

/** A coach reminds an interviewer of one overdue scorecard, now; at most once per NUDGE_INTERVAL_HOURS. */
export async function nudgeScorecard(db: Tx, scope: Scope, input: { roundId: string }, now = new Date()) {
  const round = await db.round.findFirst({
    where: { id: input.roundId, workspaceId: scope.workspaceId },
    include: { loop: { select: { status: true } } },
  });
  if (!round) throw notFound("That round");
  const memberId = round.interviewerMemberId;
  if (round.status !== "scheduled" || !round.endsAt || !memberId)
    throw new AppError("CONFLICT", "Only a held round with an interviewer has a scorecard to chase.");
  if (round.endsAt > now) throw new AppError("CONFLICT", "This round has not ended yet; its scorecard is not due.");
  const submitted = await db.scorecard.count({
    where: { workspaceId: scope.workspaceId, roundId: round.id, interviewerMemberId: memberId, status: "submitted" },
  });
  if (submitted) throw new AppError("CONFLICT", "The interviewer has already submitted this scorecard.");
  const topic = `scorecard:${round.id}:${memberId}:nudge`;
  return inTransaction(db, async (tx) => {
    const recent = await tx.emailOutbox.findFirst({
      where: {
        workspaceId: scope.workspaceId,
        topic,
        createdAt: { gt: new Date(now.getTime() - NUDGE_INTERVAL_HOURS * 3_600_000) },
      },
      select: { createdAt: true },
    });
    if (recent)
      throw new AppError(
        "CONFLICT",
        `A reminder went out less than ${NUDGE_INTERVAL_HOURS} hours ago; give them time to respond.`,
      );
    const [member, ws, type] = await Promise.all([
      tx.membership.findFirst({
        where: { id: memberId, workspaceId: scope.workspaceId },
        include: { user: { select: { email: true, name: true } } },
      }),
      tx.workspace.findUniqueOrThrow({ where: { id: scope.workspaceId }, select: { slug: true } }),
      tx.roundType.findFirst({
        where: { id: round.roundTypeId, workspaceId: scope.workspaceId },
        select: { name: true },
      }),
    ]);
    if (!member?.user.email) throw new AppError("CONFLICT", "This interviewer has no email address to remind.");
    const email = await renderEmail("scorecard-reminder", {
      recipientName: displayName(member.user, "there"),
      roundName: type?.name ?? "your round",
      daysOverdue: Math.max(0, Math.floor((now.getTime() - scorecardDueAt(round.endsAt!).getTime()) / DAY)),
      url: `${getEnv().appUrl}/w/${ws.slug}/rounds/${round.id}/scorecard`,
    });
    await enqueueEmail(tx, { workspaceId: scope.workspaceId, to: member.user.email, email, topic, sendAt: now });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "scorecard.nudged",
      targetType: "round",
      targetId: round.id,
      data: { interviewerMemberId: memberId },
    });
    return { nudgedAt: now };
  });
}
