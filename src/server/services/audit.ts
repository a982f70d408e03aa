import type { Prisma } from "@/server/db";
import type { Tx } from "./scope";

export type AuditAction =
  | "workspace.created"
  | "workspace.updated"
  | "member.role_changed"
  | "member.removed"
  | "member.left"
  | "member.joined"
  | "invitation.created"
  | "invitation.resent"
  | "invitation.revoked"
  | "invitation.accepted"
  | "email.requeued"
  | "round_type.created"
  | "round_type.updated"
  | "round_type.archived"
  | "round_type.restored"
  | "rubric.created"
  | "rubric.copied"
  | "rubric.imported"
  | "rubric.archived"
  | "rubric.restored"
  | "rubric.draft_started"
  | "rubric.published"
  | "question.created"
  | "question.updated"
  | "question.archived"
  | "question.restored"
  | "loop.created"
  | "loop.status_changed"
  | "round.scheduled"
  | "round.rescheduled"
  | "round.cancelled"
  | "round.restored"
  | "round.rebooked"
  | "round.updated"
  | "round.added"
  | "round.removed"
  | "profile.updated"
  | "scorecard.submitted"
  | "scorecard.revised"
  | "scorecard.nudged"
  | "debrief.decided"
  | "debrief.reopened"
  | "report.released"
  | "report.withdrawn";

export async function recordAudit(
  tx: Tx,
  event: {
    workspaceId: string;
    actorId: string | null;
    action: AuditAction;
    targetType: string;
    targetId?: string | null;
    data?: Prisma.InputJsonValue;
  },
) {
  await tx.auditEvent.create({
    data: {
      workspaceId: event.workspaceId,
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId ?? null,
      data: event.data,
    },
  });
}

export async function listAuditEvents(
  db: Tx,
  scope: { workspaceId: string },
  input: { cursor?: string; limit: number },
) {
  const events = await db.auditEvent.findMany({
    where: { workspaceId: scope.workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = events.slice(0, input.limit);
  const actorIds = [...new Set(page.map((e) => e.actorId).filter((id): id is string => !!id))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
  const byId = new Map(actors.map((a) => [a.id, a]));
  return {
    items: page.map((e) => ({
      id: e.id,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      data: e.data,
      createdAt: e.createdAt,
      actor: e.actorId ? (byId.get(e.actorId) ?? { id: e.actorId, name: null, email: null }) : null,
    })),
    nextCursor: events.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
