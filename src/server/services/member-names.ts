// Display names of members, for pages that list interviewers and candidates.
import { displayName } from "@/domain/people";
import type { Db } from "@/server/db";
import type { Tx } from "./scope";

/** Display names of members (name, else email), in one statement (none for no members). */
export async function memberNames(db: Db | Tx, workspaceId: string, memberIds: string[]) {
  if (memberIds.length === 0) return new Map<string, string>();
  const members = await db.$queryRaw<{ id: string; name: string | null; email: string | null }[]>`
    SELECT m."id", u."name", u."email"
    FROM "memberships" m JOIN "users" u ON u."id" = m."userId"
    WHERE m."workspaceId" = ${workspaceId} AND m."id" = ANY(${memberIds})`;
  return new Map(members.map((m) => [m.id, displayName(m)]));
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
  const invited = new Map(invitations.map((i) => [i.id, i.email]));
  return new Map(
    loops.map((l) => [
      l.id,
      candidateName(
        l,
        l.candidateMemberId ? members.get(l.candidateMemberId) : undefined,
        l.candidateInvitationId ? invited.get(l.candidateInvitationId) : undefined,
      ),
    ]),
  );
}

/**
 * A loop's candidate as pages show it: the member's display name, or the invited address with "(invited)"
 * until they accept, else "Candidate". `member` is the member's display name when found, `invitedEmail` the
 * invitation's address when found.
 */
export function candidateName(
  loop: { candidateMemberId: string | null; candidateInvitationId: string | null },
  member: string | undefined,
  invitedEmail: string | undefined,
): string {
  if (loop.candidateMemberId) return member ?? "Candidate";
  if (loop.candidateInvitationId && invitedEmail !== undefined) return `${invitedEmail} (invited)`;
  return "Candidate";
}
