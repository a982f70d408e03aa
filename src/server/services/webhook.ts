// Owners' webhook settings: endpoints (URL, events, on/off, signing secret shown once), the delivery log,
// resending a delivery and sending a test event. Delivery itself is src/server/webhooks/delivery.ts.
import { webhookUrlProblem } from "@/domain/webhook-url";
import { ATTEMPTS_SHOWN, TEST_EVENT, type WebhookEventType } from "@/domain/webhooks";
import type { DELIVERY_STATUSES } from "@/schemas/values";
import type { WEBHOOK_KINDS } from "@/schemas/webhook";
import { AppError, notFound } from "@/server/errors";
import { urlRules } from "@/server/webhooks/delivery";
import { emitEvent } from "@/server/webhooks/emit";
import { encryptSecret, newWebhookSecret } from "@/server/webhooks/secret";
import { recordAudit } from "./audit";
import { after, pageOf } from "./paging";
import { inTransaction, type Scope, type Tx } from "./scope";

const ENDPOINT_ROW = {
  id: true,
  kind: true,
  url: true,
  description: true,
  events: true,
  enabled: true,
  consecutiveFailures: true,
  disabledAt: true,
  disabledReason: true,
  createdAt: true,
} as const;

function checkUrl(url: string) {
  const problem = webhookUrlProblem(url, urlRules());
  if (problem) throw new AppError("BAD_REQUEST", problem, { field: "url", reason: "webhook_url_refused" });
}

async function endpointOf(tx: Tx, scope: Scope, endpointId: string) {
  const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, workspaceId: scope.workspaceId } });
  if (!endpoint) throw notFound("That webhook endpoint");
  return endpoint;
}

/** The workspace's endpoints, newest first, each with its deliveries counted by status. */
export async function listWebhooks(db: Tx, scope: Scope) {
  const [endpoints, counts] = await Promise.all([
    db.webhookEndpoint.findMany({
      where: { workspaceId: scope.workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: ENDPOINT_ROW,
    }),
    db.webhookDelivery.groupBy({
      by: ["endpointId", "status"],
      where: { workspaceId: scope.workspaceId },
      _count: { _all: true },
    }),
  ]);
  return endpoints.map((e) => {
    const mine = counts.filter((c) => c.endpointId === e.id);
    const count = (s: (typeof DELIVERY_STATUSES)[number]) => mine.find((c) => c.status === s)?._count._all ?? 0;
    return {
      ...e,
      deliveries: {
        succeeded: count("succeeded"),
        failed: count("failed"),
        waiting: count("pending") + count("sending"),
      },
    };
  });
}

/** Adds an endpoint; its signing secret is returned this once. */
export async function createWebhook(
  db: Tx,
  scope: Scope,
  input: { kind: (typeof WEBHOOK_KINDS)[number]; url: string; description: string; events: WebhookEventType[] },
) {
  checkUrl(input.url);
  const secret = newWebhookSecret();
  return inTransaction(db, async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        workspaceId: scope.workspaceId,
        kind: input.kind,
        url: input.url,
        description: input.description,
        events: [...new Set(input.events)],
        secretCiphertext: encryptSecret(secret),
        createdById: scope.userId,
      },
      select: ENDPOINT_ROW,
    });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "webhook.created",
      targetType: "webhook",
      targetId: endpoint.id,
      data: { url: input.url, kind: input.kind, events: endpoint.events },
    });
    // Slack endpoints are not signed: no secret to show.
    return { endpoint, secret: input.kind === "slack" ? null : secret };
  });
}

/** Changes an endpoint. Turning it on again clears its failure count. */
export async function updateWebhook(
  db: Tx,
  scope: Scope,
  input: { endpointId: string; url?: string; description?: string; events?: WebhookEventType[]; enabled?: boolean },
  now = new Date(),
) {
  if (input.url !== undefined) checkUrl(input.url);
  return inTransaction(db, async (tx) => {
    const endpoint = await endpointOf(tx, scope, input.endpointId);
    const switching = input.enabled !== undefined && input.enabled !== endpoint.enabled;
    const updated = await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        ...(input.url !== undefined && { url: input.url }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.events !== undefined && { events: [...new Set(input.events)] }),
        ...(switching && input.enabled
          ? { enabled: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null }
          : switching
            ? { enabled: false, disabledAt: now, disabledReason: null }
            : {}),
      },
      select: ENDPOINT_ROW,
    });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "webhook.updated",
      targetType: "webhook",
      targetId: endpoint.id,
      data: {
        url: updated.url,
        ...(switching && { enabled: updated.enabled }),
        ...(input.events && { events: updated.events }),
      },
    });
    return updated;
  });
}

/** A new signing secret, returned this once; the old one stops working at once. */
export async function rotateWebhookSecret(db: Tx, scope: Scope, input: { endpointId: string }) {
  return inTransaction(db, async (tx) => {
    const endpoint = await endpointOf(tx, scope, input.endpointId);
    if (endpoint.kind === "slack")
      throw new AppError("CONFLICT", "Slack endpoints are not signed; there is no secret.");
    const secret = newWebhookSecret();
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secretCiphertext: encryptSecret(secret) } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "webhook.secret_rotated",
      targetType: "webhook",
      targetId: endpoint.id,
      data: { url: endpoint.url },
    });
    return { secret };
  });
}

/** Removes an endpoint with its delivery log; deliveries still waiting are dropped. */
export async function removeWebhook(db: Tx, scope: Scope, input: { endpointId: string }) {
  return inTransaction(db, async (tx) => {
    const endpoint = await endpointOf(tx, scope, input.endpointId);
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "webhook.removed",
      targetType: "webhook",
      targetId: endpoint.id,
      data: { url: endpoint.url },
    });
    return { id: endpoint.id };
  });
}

/** Queues a `webhook.test` event for this one endpoint. */
export async function sendTestEvent(db: Tx, scope: Scope, input: { endpointId: string }) {
  return inTransaction(db, async (tx) => {
    const endpoint = await endpointOf(tx, scope, input.endpointId);
    if (!endpoint.enabled)
      throw new AppError("CONFLICT", "This endpoint is off. Turn it on, then send a test event.", {
        reason: "webhook_disabled",
      });
    const eventId = await emitEvent(
      tx,
      scope.workspaceId,
      TEST_EVENT,
      { endpointId: endpoint.id, message: "If this arrived, the endpoint receives Loopwise events." },
      { endpointIds: [endpoint.id] },
    );
    return { eventId: eventId! };
  });
}

/** One page of an endpoint's delivery log, newest first. */
export async function listDeliveries(
  db: Tx,
  scope: Scope,
  input: { endpointId: string; cursor?: string; limit: number; status?: (typeof DELIVERY_STATUSES)[number] },
) {
  await endpointOf(db, scope, input.endpointId);
  const rows = await db.webhookDelivery.findMany({
    where: {
      workspaceId: scope.workspaceId,
      endpointId: input.endpointId,
      ...(input.status ? { status: input.status } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...after(input.cursor),
    select: {
      id: true,
      eventId: true,
      status: true,
      attempts: true,
      maxAttempts: true,
      responseStatus: true,
      durationMs: true,
      lastError: true,
      lastAttemptAt: true,
      nextAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
      event: { select: { type: true } },
    },
  });
  const page = pageOf(rows, input.limit);
  return { ...page, items: page.items.map(({ event, ...row }) => ({ ...row, type: event.type })) };
}

/** The latest attempts of a delivery (ATTEMPTS_SHOWN at most), newest first, and how many there are. */
export async function listDeliveryAttempts(db: Tx, scope: Scope, input: { deliveryId: string }) {
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: input.deliveryId, workspaceId: scope.workspaceId },
    select: { id: true },
  });
  if (!delivery) throw notFound("That delivery");
  const where = { workspaceId: scope.workspaceId, deliveryId: delivery.id };
  const [items, total] = await Promise.all([
    db.webhookAttempt.findMany({
      where,
      orderBy: { number: "desc" },
      take: ATTEMPTS_SHOWN,
      select: {
        id: true,
        number: true,
        startedAt: true,
        durationMs: true,
        statusCode: true,
        errorClass: true,
        errorMessage: true,
        responseExcerpt: true,
      },
    }),
    db.webhookAttempt.count({ where }),
  ]);
  return { items, total };
}

/**
 * Sends a finished delivery again (the same event id, so a receiver that already has it can tell). A
 * delivery still waiting or being sent is left alone.
 */
export async function resendDelivery(db: Tx, scope: Scope, input: { deliveryId: string }, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: input.deliveryId, workspaceId: scope.workspaceId },
      include: { endpoint: { select: { enabled: true, url: true } } },
    });
    if (!delivery) throw notFound("That delivery");
    if (delivery.status === "pending" || delivery.status === "sending")
      throw new AppError("CONFLICT", "This delivery is still under way; it cannot be resent yet.");
    if (!delivery.endpoint.enabled)
      throw new AppError("CONFLICT", "This endpoint is off. Turn it on, then resend.", { reason: "webhook_disabled" });
    await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, status: delivery.status },
      data: { status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null, deliveredAt: null },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "webhook.resent",
      targetType: "webhook",
      targetId: delivery.endpointId,
      data: { deliveryId: delivery.id, eventId: delivery.eventId },
    });
    return { id: delivery.id, status: "pending" as const };
  });
}
