// Display names of members, for pages that list interviewers and candidates.
import { displayName } from "@/domain/people";
import type { Db } from "@/server/db";
import type { Tx } from "./scope";

/** Display names of members (name, else email). */
export async function memberNames(db: Db | Tx, workspaceId: string, memberIds: string[]) {
  const members = await db.membership.findMany({
    where: { workspaceId, id: { in: memberIds } },
    include: { user: { select: { name: true, email: true } } },
  });
  return new Map(members.map((m) => [m.id, displayName(m.user)]));
}

/**
 * The candidate of each loop, by loop id: the member's display name, or the invited address with
 * "(invited)" until they accept.
 */
export async function candidateNames(
  db: Db | Tx,
  workspaceId: string,
  loops: { id: string; candidateMemberId: string | null; candidateInvitationId: string | null }[],
) {
  const [members, invitations] = await Promise.all([
    memberNames(db, workspaceId, [
      ...new Set(loops.flatMap((l) => (l.candidateMemberId ? [l.candidateMemberId] : []))),
    ]),
    db.invitation.findMany({
      where: {
        workspaceId,
        id: {
          in: loops.flatMap((l) => (l.candidateInvitationId && !l.candidateMemberId ? [l.candidateInvitationId] : [])),
        },
      },
      select: { id: true, email: true },
    }),
  ]);
  const invited = new Map(invitations.map((i) => [i.id, `${i.email} (invited)`]));
  return new Map(
    loops.map((l) => [
      l.id,
      (l.candidateMemberId
        ? members.get(l.candidateMemberId)
        : l.candidateInvitationId
          ? invited.get(l.candidateInvitationId)
          : undefined) ?? "Candidate",
    ]),
  );
}
