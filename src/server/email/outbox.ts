// The durable email outbox. A message is written in the same transaction as the change that causes it;
// the worker delivers it after commit. Delivery is at-least-once towards the provider, made exactly-once
// by one idempotency key per message. Claims (src/server/outbox/claims.ts, shared with webhook deliveries)
// use FOR UPDATE SKIP LOCKED, so any number of worker processes can run against one database; a claim that
// is never finished (a crashed worker) expires.
import { randomUUID } from "node:crypto";
import { afterFailure, DEFAULT_BACKOFF, type BackoffPolicy } from "@/domain/backoff";
import { claimDue, claimHeld, renewClaim, type ClaimedRow } from "@/server/outbox/claims";
import type { Db } from "@/server/db";
import type { Tx } from "@/server/services/scope";
import type { EmailSender } from "./sender";
import type { RenderedEmail } from "./render";

export interface EnqueueEmailInput {
  workspaceId: string | null;
  to: string;
  email: RenderedEmail;
  attachments?: { filename: string; content: string; contentType?: string }[];
  /** What the message is about, so a later change can replace it while it is still pending. */
  topic?: string;
  /** Deliver no earlier than this (reminders). */
  sendAt?: Date;
}

export async function enqueueEmail(tx: Tx, input: EnqueueEmailInput) {
  return tx.emailOutbox.create({
    data: {
      workspaceId: input.workspaceId,
      to: input.to,
      template: input.email.template,
      subject: input.email.subject,
      html: input.email.html,
      text: input.email.text,
      attachments: input.attachments ?? undefined,
      topic: input.topic ?? null,
      nextAttemptAt: input.sendAt,
      idempotencyKey: `loopwise-${randomUUID()}`,
    },
    select: { id: true },
  });
}

export interface ProcessOptions {
  sender: EmailSender;
  from: string;
  now?: () => Date;
  batchSize?: number;
  /**
   * How long a claim lasts before another worker may take the message over. Renewed before each send, so
   * it must be longer than the sender's timeout.
   */
  claimMs?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Pause between two sends, to stay under the provider's rate limit. */
  minIntervalMs?: number;
  /** Only this workspace's messages (a test's own, while other suites share the database). */
  workspaceId?: string;
}

export interface ProcessReport {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  /** Claimed in this batch, but another worker had taken the message over before its turn came. */
  takenOver: number;
}

interface ClaimedEmail extends ClaimedRow {
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: unknown;
  idempotencyKey: string;
  maxAttempts: number;
}

/** Claims due messages and tries each once. Returns what happened, for logs and tests. */
export async function processOutbox(db: Db, options: ProcessOptions): Promise<ProcessReport> {
  const now = options.now ?? (() => new Date());
  const claimMs = options.claimMs ?? 60_000;
  const rows = await claimDue<ClaimedEmail>(
    db,
    "email_outbox",
    ["to", "subject", "html", "text", "attachments", "idempotencyKey", "maxAttempts"],
    { now: now(), claimMs, batchSize: options.batchSize ?? 10, workspaceId: options.workspaceId },
  );

  const report: ProcessReport = { claimed: rows.length, sent: 0, retried: 0, dead: 0, takenOver: 0 };
  let first = true;
  for (const row of rows) {
    if (!first && options.minIntervalMs) await sleep(options.minIntervalMs);
    first = false;
    // Only the claim holder may send or finish the message. Renewed right before the send, the claim then
    // outlasts it (claimMs > the sender's timeout).
    const mine = claimHeld(row);
    if (!(await renewClaim(db, "email_outbox", row, new Date(now().getTime() + claimMs)))) {
      report.takenOver++;
      continue;
    }
    const result = await options.sender.send(
      {
        from: options.from,
        to: row.to,
        subject: row.subject,
        html: row.html,
        text: row.text,
        attachments: (row.attachments as { filename: string; content: string }[] | null) ?? undefined,
      },
      { idempotencyKey: row.idempotencyKey },
    );
    const at = now();
    if (result.ok) {
      await db.emailOutbox.updateMany({
        where: mine,
        data: {
          status: "sent",
          sentAt: at,
          lockedUntil: null,
          lastError: null,
          transport: options.sender.transport,
          providerMessageId: result.providerId,
        },
      });
      report.sent++;
      continue;
    }
    const next = afterFailure(
      { ...row, permanent: result.permanent, retryAfterMs: result.retryAfterMs },
      options.backoff ?? DEFAULT_BACKOFF,
      (options.random ?? Math.random)(),
      at,
    );
    if (next.dead) {
      await db.emailOutbox.updateMany({
        where: mine,
        data: {
          status: "dead",
          lockedUntil: null,
          lastError: result.error.slice(0, 2000),
          transport: options.sender.transport,
        },
      });
      report.dead++;
    } else {
      await db.emailOutbox.updateMany({
        where: mine,
        data: {
          status: "pending",
          lockedUntil: null,
          nextAttemptAt: next.nextAttemptAt,
          lastError: result.error.slice(0, 2000),
        },
      });
      report.retried++;
    }
  }
  return report;
}

/** Puts a dead-lettered message back in the queue; it keeps its idempotency key. */
export async function requeueDeadEmail(tx: Tx, workspaceId: string, messageId: string, now = new Date()) {
  const { count } = await tx.emailOutbox.updateMany({
    where: { id: messageId, workspaceId, status: "dead" },
    data: { status: "pending", attempts: 0, nextAttemptAt: now, lastError: null },
  });
  return count === 1;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Withdraws mail about `topicPrefix` that has not been sent yet (a moved or cancelled round's reminders). */
export async function withdrawPendingEmails(tx: Tx, workspaceId: string, topicPrefix: string) {
  // Pending includes a message waiting to be retried; one already being handed to the provider stays.
  const { count } = await tx.emailOutbox.deleteMany({
    where: { workspaceId, topic: { startsWith: topicPrefix }, status: "pending" },
  });
  return count;
}
