// Delivers webhook events after commit, through the same claims as the email outbox
// (src/server/outbox/claims.ts: FOR UPDATE SKIP LOCKED, a claim per attempt, renewed before the send) and
// the same backoff (src/domain/backoff.ts). A delivery is one event to one endpoint; it is sent by one
// worker at a time and marked succeeded once, so a receiver sees one successful request per event and
// endpoint unless it answers too late or a worker dies between its answer and the bookkeeping (then the
// same webhook-id comes again: receivers deduplicate on it). Deliveries of a disabled endpoint wait.
import { afterFailure, parseRetryAfter, type BackoffPolicy } from "@/domain/backoff";
import { webhookUrlProblem } from "@/domain/webhook-url";
import { DISABLE_AFTER_FAILED_DELIVERIES, slackMessage, type WebhookErrorClass } from "@/domain/webhooks";
import { readWebhookEnvelope } from "@/schemas/webhook";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { getEnv } from "@/server/env";
import { claimDue, claimHeld, renewClaim, type ClaimedRow } from "@/server/outbox/claims";
import { inTransaction } from "@/server/services/scope";
import { recordAttempt } from "./attempts";
import { postWebhook, type PostResult } from "./http";
import { notifyEndpointDisabled } from "./disabled";
import { decryptSecret, signWebhook } from "./secret";

/** Eight attempts, the last about one to two hours after the first. */
export const WEBHOOK_BACKOFF: BackoffPolicy = { baseMs: 60_000, maxMs: 60 * 60_000 };

export interface WebhookProcessOptions {
  now?: () => Date;
  batchSize?: number;
  /** Must outlast one send (timeoutMs); renewed before each. */
  claimMs?: number;
  timeoutMs?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Only this workspace's deliveries (a test's own). */
  workspaceId?: string;
  /** Exhausted deliveries in a row that turn an endpoint off. */
  disableAfter?: number;
}

export interface WebhookReport {
  claimed: number;
  succeeded: number;
  retried: number;
  failed: number;
  takenOver: number;
  disabled: number;
}

interface ClaimedDelivery extends ClaimedRow {
  endpointId: string;
  eventId: string;
  workspaceId: string;
  maxAttempts: number;
}

/** The rules a URL must meet in this deployment (webhook-url.ts). */
export function urlRules() {
  const env = getEnv();
  return { production: env.NODE_ENV === "production", allowLoopback: env.WEBHOOKS_ALLOW_LOOPBACK === true };
}

export async function processWebhooks(db: Db, options: WebhookProcessOptions = {}): Promise<WebhookReport> {
  const env = getEnv();
  const now = options.now ?? (() => new Date());
  const claimMs = options.claimMs ?? env.OUTBOX_CLAIM_MS;
  const timeoutMs = options.timeoutMs ?? env.WEBHOOK_TIMEOUT_MS;
  const rules = urlRules();
  const rows = await claimDue<ClaimedDelivery>(
    db,
    "webhook_deliveries",
    ["endpointId", "eventId", "workspaceId", "maxAttempts"],
    {
      now: now(),
      claimMs,
      batchSize: options.batchSize ?? 10,
      workspaceId: options.workspaceId,
      where: Prisma.sql`EXISTS (SELECT 1 FROM "webhook_endpoints" e WHERE e."id" = q."endpointId" AND e."enabled")`,
    },
  );
  const report: WebhookReport = {
    claimed: rows.length,
    succeeded: 0,
    retried: 0,
    failed: 0,
    takenOver: 0,
    disabled: 0,
  };
  if (rows.length === 0) return report;
  const [endpoints, events] = await Promise.all([
    db.webhookEndpoint.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.endpointId))] } } }),
    db.webhookEvent.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.eventId))] } } }),
  ]);
  const endpointOf = new Map(endpoints.map((e) => [e.id, e]));
  const eventOf = new Map(events.map((e) => [e.id, e]));

  for (const row of rows) {
    if (!(await renewClaim(db, "webhook_deliveries", row, new Date(now().getTime() + claimMs)))) {
      report.takenOver++;
      continue;
    }
    const endpoint = endpointOf.get(row.endpointId);
    const event = eventOf.get(row.eventId);
    // Removed with its endpoint since the claim (the delivery went with it): nothing to send.
    if (!endpoint || !event) continue;
    const payload = readWebhookEnvelope(event.payload);
    let result: PostResult & { permanent?: boolean };
    const startedAt = now();
    const problem = webhookUrlProblem(endpoint.url, rules);
    if (problem) {
      result = refused(problem, "refused_url");
    } else if (endpoint.kind === "slack") {
      result = await postWebhook(
        endpoint.url,
        JSON.stringify(slackMessage(payload)),
        {},
        {
          timeoutMs,
          blockPrivate: rules.production && !rules.allowLoopback,
        },
      );
    } else {
      let secret: string | null = null;
      try {
        secret = decryptSecret(endpoint.secretCiphertext);
      } catch {
        secret = null;
      }
      if (!secret) {
        result = refused(
          "The signing secret cannot be read (the encryption key changed). Rotate the secret.",
          "unreadable_secret",
        );
      } else {
        const body = JSON.stringify(payload);
        const timestamp = Math.floor(now().getTime() / 1000);
        result = await postWebhook(
          endpoint.url,
          body,
          {
            "webhook-id": payload.id,
            "webhook-timestamp": String(timestamp),
            "webhook-signature": signWebhook(secret, payload.id, timestamp, body),
          },
          { timeoutMs, blockPrivate: rules.production && !rules.allowLoopback },
        );
      }
    }
    const outcome = await settle(db, row, { ...result, startedAt }, options, now());
    report[outcome.kind]++;
    if (outcome.disabled) report.disabled++;
  }
  return report;
}

/** An attempt that is not sent at all, and never will be as things stand: it fails for good. */
function refused(error: string, errorClass: WebhookErrorClass): PostResult & { permanent: true } {
  return { status: null, durationMs: 0, error, errorClass, retryAfter: null, excerpt: null, permanent: true };
}

/**
 * Records one attempt's result, in one transaction with the attempt's row in the log and the endpoint's
 * failure count. Only the claim's holder records anything: a worker whose claim was taken over leaves the
 * outcome, and the attempt, to the one that took it.
 */
async function settle(
  db: Db,
  row: ClaimedDelivery,
  result: PostResult & { permanent?: boolean; startedAt: Date },
  options: WebhookProcessOptions,
  at: Date,
): Promise<{ kind: "succeeded" | "retried" | "failed"; disabled?: boolean }> {
  const attempt = {
    lockedUntil: null,
    lastAttemptAt: at,
    responseStatus: result.status,
    durationMs: result.durationMs,
    lastError: result.error?.slice(0, 2000) ?? null,
  };
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  return inTransaction(db, async (tx) => {
    if (ok) {
      const { count } = await tx.webhookDelivery.updateMany({
        where: claimHeld(row),
        data: { ...attempt, status: "succeeded", deliveredAt: at },
      });
      if (count === 1) await recordAttempt(tx, row, result);
      await tx.webhookEndpoint.updateMany({
        where: { id: row.endpointId, consecutiveFailures: { gt: 0 } },
        data: { consecutiveFailures: 0 },
      });
      return { kind: "succeeded" as const };
    }
    const next = afterFailure(
      { ...row, permanent: result.permanent, retryAfterMs: parseRetryAfter(result.retryAfter, at) },
      options.backoff ?? WEBHOOK_BACKOFF,
      (options.random ?? Math.random)(),
      at,
    );
    if (!next.dead) {
      const { count } = await tx.webhookDelivery.updateMany({
        where: claimHeld(row),
        data: { ...attempt, status: "pending", nextAttemptAt: next.nextAttemptAt },
      });
      if (count === 1) await recordAttempt(tx, row, result);
      return { kind: "retried" as const };
    }
    const { count } = await tx.webhookDelivery.updateMany({
      where: claimHeld(row),
      data: { ...attempt, status: "failed" },
    });
    if (count === 0) return { kind: "failed" as const };
    await recordAttempt(tx, row, result);
    const limit = options.disableAfter ?? DISABLE_AFTER_FAILED_DELIVERIES;
    const [endpoint] = await tx.$queryRaw<{ consecutiveFailures: number; enabled: boolean }[]>`
      UPDATE "webhook_endpoints" SET "consecutiveFailures" = "consecutiveFailures" + 1, "updatedAt" = ${at}
      WHERE "id" = ${row.endpointId} RETURNING "consecutiveFailures", "enabled"`;
    if (!endpoint || !endpoint.enabled || endpoint.consecutiveFailures < limit) return { kind: "failed" as const };
    // Turned off once: the condition on enabled makes a second worker's update a no-op.
    const turnedOff = await tx.webhookEndpoint.updateMany({
      where: { id: row.endpointId, enabled: true },
      data: { enabled: false, disabledAt: at, disabledReason: "failing" },
    });
    if (turnedOff.count === 1)
      await notifyEndpointDisabled(tx, row.endpointId, endpoint.consecutiveFailures, result.error);
    return { kind: "failed" as const, disabled: turnedOff.count === 1 };
  });
}
