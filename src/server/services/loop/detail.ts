// One loop in full, for its page: candidate, rounds with their people and times, and what may change.
import { displayName } from "@/domain/people";
import { notFound } from "@/server/errors";
import { type Scope, type Tx } from "../scope";

export async function getLoop(db: Tx, scope: Scope, loopId: string) {
  const loop = await db.loop.findFirst({
    where: { id: loopId, workspaceId: scope.workspaceId },
    include: { rounds: { orderBy: { order: "asc" } } },
  });
  if (!loop) throw notFound("That loop");
  const memberIds = [
    loop.candidateMemberId,
    loop.coachMemberId,
    ...loop.rounds.flatMap((r) => [r.interviewerMemberId, r.shadowMemberId]),
  ].filter((x): x is string => !!x);
  const invitation =
    !loop.candidateMemberId && loop.candidateInvitationId
      ? await db.invitation.findFirst({
          where: { id: loop.candidateInvitationId, workspaceId: scope.workspaceId },
          select: { email: true },
        })
      : null;
  const [members, roundTypes] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId: scope.workspaceId, id: { in: memberIds } },
      include: { user: { select: { name: true, email: true } } },
    }),
    db.roundType.findMany({
      where: { workspaceId: scope.workspaceId, id: { in: loop.rounds.map((r) => r.roundTypeId) } },
      select: { id: true, name: true, key: true },
    }),
  ]);
  const person = (id: string | null) => {
    const m = members.find((x) => x.id === id);
    return m ? { memberId: m.id, name: displayName(m.user), email: m.user.email } : null;
  };
  const rt = new Map(roundTypes.map((r) => [r.id, r]));
  return {
    id: loop.id,
    status: loop.status,
    targetRole: loop.targetRole,
    level: loop.level,
    notes: loop.notes,
    candidate:
      person(loop.candidateMemberId) ??
      (invitation ? { memberId: null, name: `${invitation.email} (invited)`, email: invitation.email } : null),
    coach: person(loop.coachMemberId),
    rounds: loop.rounds.map((r) => ({
      id: r.id,
      order: r.order,
      roundType: rt.get(r.roundTypeId) ?? { id: r.roundTypeId, name: "Round", key: "" },
      durationMin: r.durationMin,
      status: r.status,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      location: r.location,
      interviewer: person(r.interviewerMemberId),
      shadow: person(r.shadowMemberId),
      questionId: r.questionId,
      rubricVersionId: r.rubricVersionId,
      cancelledAt: r.cancelledAt,
      cancelReason: r.cancelReason,
      /** Undo is possible until the round's start (always, for a round that was never booked). */
      canRestore:
        r.status === "cancelled" &&
        (r.cancelledFrom !== "scheduled" || (!!r.startsAt && r.startsAt.getTime() > Date.now())),
    })),
  };
}
