// Owners' view of the workspace's outgoing mail, and the dev mailbox.
import { AppError } from "@/server/errors";
import { requeueDeadEmail } from "@/server/email/outbox";
import { recordAudit } from "./audit";
import { inTransaction, type Scope, type Tx } from "./scope";

export async function listWorkspaceEmails(db: Tx, scope: Scope) {
  return db.emailOutbox.findMany({
    where: { workspaceId: scope.workspaceId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      to: true,
      subject: true,
      template: true,
      status: true,
      attempts: true,
      maxAttempts: true,
      lastError: true,
      nextAttemptAt: true,
      sentAt: true,
      createdAt: true,
      transport: true,
    },
  });
}

export async function retryEmail(db: Tx, scope: Scope, input: { messageId: string }) {
  return inTransaction(db, async (tx) => {
    const message = await tx.emailOutbox.findFirst({ where: { id: input.messageId, workspaceId: scope.workspaceId } });
    if (!message) throw new AppError("NOT_FOUND", "That message was not found in this workspace.");
    if (message.status !== "dead") {
      throw new AppError("CONFLICT", `Only failed messages can be retried; this one is ${message.status}.`);
    }
    await requeueDeadEmail(tx, scope.workspaceId, message.id);
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "email.requeued",
      targetType: "email",
      targetId: message.id,
      data: { to: message.to, subject: message.subject },
    });
    return { id: message.id, status: "pending" as const };
  });
}

export type DevMailboxFilter = { all: true } | { workspaceIds: string[] };

/**
 * Who may open the dev mailbox: in demo mode anyone on the machine running Loopwise (it is how you read
 * your sign-in link; from anywhere else it would hand out every account); otherwise, when no mail
 * provider is configured, owners, for their own workspaces' mail; otherwise nobody (null).
 */
export async function devMailboxAccess(
  db: Tx,
  settings: { demo: boolean; devMailbox: boolean; localRequest: boolean },
  actor: { userId: string } | null,
): Promise<DevMailboxFilter | null> {
  if (settings.demo && settings.localRequest) return { all: true };
  if (!settings.devMailbox || !actor) return null;
  const owned = await db.membership.findMany({
    where: { userId: actor.userId, role: "owner" },
    select: { workspaceId: true },
  });
  return owned.length ? { workspaceIds: owned.map((m) => m.workspaceId) } : null;
}

/** The dev mailbox: the messages `filter` allows (see devMailboxAccess), newest first. */
export async function listDevMailbox(db: Tx, filter: DevMailboxFilter) {
  return db.emailOutbox.findMany({
    where: "all" in filter ? {} : { workspaceId: { in: filter.workspaceIds } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      to: true,
      subject: true,
      html: true,
      text: true,
      status: true,
      createdAt: true,
      template: true,
    },
  });
}
