// A coach's nudge: one reminder to an interviewer about one overdue scorecard.
import { displayName } from "@/domain/people";
import { NUDGE_INTERVAL_HOURS, scorecardDueAt } from "@/domain/home";
import { enqueueEmail } from "@/server/email/outbox";
import { renderEmail } from "@/server/email/render";
import { getEnv } from "@/server/env";
import { AppError, notFound } from "@/server/errors";
import { recordAudit } from "../audit";
import { inTransaction, type Scope, type Tx } from "../scope";
import { DAY } from "./lookups";

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
