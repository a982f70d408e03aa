// A coach's home: loops to schedule, this week's rounds, overdue scorecards to chase, debriefs ready,
// reports to release, and the interviewers' load. Every list is bounded (HOME_LIST_LIMIT items with the total beside it).
import {
  HOME_LIST_LIMIT,
  NUDGE_INTERVAL_HOURS,
  readyForDebrief,
  scorecardDueAt,
  SCORECARD_DUE_HOURS,
} from "@/domain/home";
import { candidateNames, memberNames } from "../member-names";
import { type Scope, type Tx } from "../scope";
import { DAY, LOOK_BACK_DAYS, OPEN_LOOP, roundTypeNames, withoutSubmittedScorecard } from "./lookups";

/** Loops examined for "ready for debrief" and "report to release": the most recently changed ones. */
const RECENT_LOOPS = 100;

export async function coachHome(db: Tx, scope: Scope, now: Date) {
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
