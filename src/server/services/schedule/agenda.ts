// Upcoming rounds as each person sees them: an interviewer's agenda, a candidate's own schedule.
import type { Scope, Tx } from "../scope";
import { people } from "./people";

/** The interviewer's upcoming rounds, with what they need to open the kit. */
export async function listMyAgenda(db: Tx, scope: Scope, now = new Date()) {
  const rounds = await db.round.findMany({
    where: {
      workspaceId: scope.workspaceId,
      status: "scheduled",
      endsAt: { gt: now },
      OR: [{ interviewerMemberId: scope.memberId }, { shadowMemberId: scope.memberId }],
    },
    orderBy: { startsAt: "asc" },
    take: 100,
  });
  const [who, roundTypes] = await Promise.all([
    people(db, scope, [...new Set(rounds.flatMap((r) => (r.candidateMemberId ? [r.candidateMemberId] : [])))]),
    db.roundType.findMany({
      where: { workspaceId: scope.workspaceId, id: { in: rounds.map((r) => r.roundTypeId) } },
      select: { id: true, name: true },
    }),
  ]);
  return rounds.map((r) => ({
    id: r.id,
    roundTypeId: r.roundTypeId,
    roundType: roundTypes.find((t) => t.id === r.roundTypeId)?.name ?? "Round",
    questionId: r.questionId,
    startsAt: r.startsAt!,
    endsAt: r.endsAt!,
    location: r.location,
    durationMin: r.durationMin,
    candidate: (r.candidateMemberId && who.get(r.candidateMemberId)?.name) || "Invited candidate",
    asShadow: r.shadowMemberId === scope.memberId,
  }));
}

/** The candidate's own schedule. No interviewer identities. */
export async function listMySchedule(db: Tx, scope: Scope) {
  const rounds = await db.round.findMany({
    where: { workspaceId: scope.workspaceId, candidateMemberId: scope.memberId, status: "scheduled" },
    orderBy: { startsAt: "asc" },
    take: 200,
  });
  const roundTypes = await db.roundType.findMany({
    where: { workspaceId: scope.workspaceId, id: { in: rounds.map((r) => r.roundTypeId) } },
    select: { id: true, name: true, description: true },
  });
  return rounds.map((r) => ({
    id: r.id,
    roundType: roundTypes.find((t) => t.id === r.roundTypeId)?.name ?? "Round",
    description: roundTypes.find((t) => t.id === r.roundTypeId)?.description ?? "",
    startsAt: r.startsAt!,
    endsAt: r.endsAt!,
    durationMin: r.durationMin,
    location: r.location,
  }));
}
