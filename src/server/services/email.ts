// Owners' view of the workspace's outgoing mail, and the dev mailbox.
import { AppError } from "@/server/errors";
import { requeueDeadEmail } from "@/server/email/outbox";
import { recordAudit } from "./audit";
import { EMAIL_STATUSES } from "@/schemas/values";
import type { Prisma } from "@/server/db";
import { after, literal, pageOf } from "./paging";
import { inTransaction, type Scope, type Tx } from "./scope";

type EmailStatus = (typeof EMAIL_STATUSES)[number];

const EMAIL_ROW = {
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
} as const;

/**
 * One page of the workspace's outgoing mail, filtered by status and recipient and sorted in the query.
 * The first page also carries the count per status of the mail matching the recipient filter (one
 * grouped count), so the page can show how many failed without loading them.
 */
export async function listWorkspaceEmails(
  db: Tx,
  scope: Scope,
  input: { cursor?: string; limit: number; status?: EmailStatus; to?: string; sort?: "newest" | "oldest" },
) {
  const recipient: Prisma.EmailOutboxWhereInput = {
    workspaceId: scope.workspaceId,
    ...(input.to ? { to: { contains: literal(input.to), mode: "insensitive" } } : {}),
  };
  const direction = input.sort === "oldest" ? "asc" : "desc";
  const [rows, counts] = await Promise.all([
    db.emailOutbox.findMany({
      where: { ...recipient, ...(input.status ? { status: input.status } : {}) },
      orderBy: [{ createdAt: direction }, { id: direction }],
      take: input.limit + 1,
      ...after(input.cursor),
      select: EMAIL_ROW,
    }),
    input.cursor ? null : db.emailOutbox.groupBy({ by: ["status"], where: recipient, _count: { _all: true } }),
  ]);
  const counted = new Map(counts?.map((c) => [c.status, c._count._all]));
  const byStatus = Object.fromEntries(EMAIL_STATUSES.map((s) => [s, counted.get(s) ?? 0])) as Record<
    EmailStatus,
    number
  >;
  return {
    ...pageOf(rows, input.limit),
    counts: counts && {
      byStatus,
      total: input.status ? byStatus[input.status] : [...counted.values()].reduce((a, b) => a + b, 0),
    },
  };
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
