// Reminders to fill a round's scorecard, queued through the outbox when the round is booked.
import { displayName } from "@/domain/people";
import { enqueueEmail, withdrawPendingEmails } from "@/server/email/outbox";
import { renderEmail } from "@/server/email/render";
import { getEnv } from "@/server/env";
import { type Scope, type Tx } from "../scope";

/** Reminders to fill the scorecard: 1 h after the round ends, then daily for 5 days; withdrawn on submit. */
export async function scheduleScorecardReminders(
  tx: Tx,
  scope: Scope,
  round: {
    id: string;
    endsAt: Date | null;
    interviewerMemberId: string | null;
    shadowMemberId: string | null;
    roundTypeId: string;
  },
) {
  await withdrawPendingEmails(tx, scope.workspaceId, `scorecard:${round.id}:`);
  if (!round.endsAt) return;
  const env = getEnv();
  const [ws, rt] = await Promise.all([
    tx.workspace.findUniqueOrThrow({ where: { id: scope.workspaceId }, select: { slug: true } }),
    tx.roundType.findFirstOrThrow({
      where: { id: round.roundTypeId, workspaceId: scope.workspaceId },
      select: { name: true },
    }),
  ]);
  const memberIds = [round.interviewerMemberId, round.shadowMemberId].filter((x): x is string => !!x);
  const members = await tx.membership.findMany({
    where: { id: { in: memberIds }, workspaceId: scope.workspaceId },
    include: { user: { select: { email: true, name: true } } },
  });
  for (const memberId of memberIds) {
    const member = members.find((m) => m.id === memberId);
    if (!member?.user.email) continue;
    for (let day = 0; day <= 5; day++) {
      const sendAt = new Date(round.endsAt.getTime() + 3_600_000 + day * 86_400_000);
      const email = await renderEmail("scorecard-reminder", {
        recipientName: displayName(member.user, "there"),
        roundName: rt.name,
        daysOverdue: day,
        url: `${env.appUrl}/w/${ws.slug}/rounds/${round.id}/scorecard`,
      });
      await enqueueEmail(tx, {
        workspaceId: scope.workspaceId,
        to: member.user.email,
        email,
        topic: `scorecard:${round.id}:${memberId}:reminder-${day}`,
        sendAt,
      });
    }
  }
}
