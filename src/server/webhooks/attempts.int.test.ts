// Every attempt of a webhook delivery is in its log (the delivery row keeps only the last): HTTP codes,
// timeouts, answers cut to an excerpt, resends counting on, only the owner's own workspace, and attempts
// past their retention period deleted by the retention job.
import { afterEach, describe, expect, it } from "vitest";
import { ATTEMPT_EXCERPT_CHARS, WEBHOOK_ATTEMPT_RETENTION_DAYS } from "@/domain/webhooks";
import { createWorkspaceWithRoles, db, outcome } from "@/test/factories";
import { drain, endpointFor, testClock, testEvents } from "@/test/webhook-fixtures";
import { LONG_ANSWER, startReceiver, type ReceiverBehaviour } from "@/test/webhook-receiver";
import { purgeOldWebhookAttempts } from "./attempts";

let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const DAY = 24 * 60 * 60_000;

async function scripted(label: string, script: ReceiverBehaviour[]) {
  receiver = await startReceiver((_id, attempt) => script[attempt - 1] ?? "ok");
  const ws = await createWorkspaceWithRoles(label);
  const { endpoint } = await endpointFor(ws, receiver.url);
  await testEvents(ws, endpoint.id, 1);
  const clock = testClock();
  await drain(ws, clock);
  const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { workspaceId: ws.id } });
  const log = () => ws.members.owner.caller.webhook.attempts({ workspaceId: ws.id, deliveryId: delivery.id });
  return { ws, delivery, clock, log };
}

describe("webhook attempt log", () => {
  it("records a 500 and then a 200 as two attempts, with their codes and answers", async () => {
    const { delivery, log } = await scripted("attempt-500", ["500", "ok"]);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 2, responseStatus: 200 });
    const { items, total } = await log();
    expect(total).toBe(2);
    expect(items.map((a) => [a.number, a.statusCode, a.errorClass, a.errorMessage, a.responseExcerpt])).toEqual([
      [2, 200, null, null, "ok"],
      [1, 500, "http_status", "The endpoint answered HTTP 500.", "500"],
    ]);
    expect(items[0]!.startedAt.getTime()).toBeGreaterThan(items[1]!.startedAt.getTime());
    for (const a of items) expect(a.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("records a timeout as an attempt without a status, with its error", async () => {
    const { log } = await scripted("attempt-timeout", ["hang", "ok"]);
    const [second, first] = (await log()).items;
    expect(first).toMatchObject({ number: 1, statusCode: null, errorClass: "timeout", responseExcerpt: null });
    expect(first!.errorMessage).toMatch(/^No answer within/);
    expect(first!.durationMs).toBeGreaterThanOrEqual(250);
    expect(second).toMatchObject({ number: 2, statusCode: 200, errorClass: null });
  });

  it("keeps only the start of a long answer", async () => {
    const { log } = await scripted("attempt-long", ["long500", "ok"]);
    const first = (await log()).items.find((a) => a.number === 1)!;
    expect(first.responseExcerpt).toBe(LONG_ANSWER.slice(0, ATTEMPT_EXCERPT_CHARS));
    expect(first.responseExcerpt).toHaveLength(ATTEMPT_EXCERPT_CHARS);
  });

  it("adds a resend's attempts to the same delivery, numbered on", async () => {
    const { ws, delivery, clock, log } = await scripted("attempt-resend", ["500", "ok", "ok"]);
    await ws.members.owner.caller.webhook.resend({ workspaceId: ws.id, deliveryId: delivery.id });
    await drain(ws, clock);
    expect(await db.webhookDelivery.count({ where: { workspaceId: ws.id } })).toBe(1);
    const { items, total } = await log();
    expect(total).toBe(3);
    expect(items.map((a) => [a.number, a.statusCode])).toEqual([
      [3, 200],
      [2, 200],
      [1, 500],
    ]);
    // The delivery's own counter starts over with a resend; the log does not.
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ attempts: 1 });
  });

  it("shows the latest 20 of a long log, and another workspace's delivery is not found", async () => {
    const { ws, delivery, log } = await scripted("attempt-many", ["ok"]);
    const base = Date.now() - 60_000;
    await db.webhookAttempt.createMany({
      data: Array.from({ length: 24 }, (_, i) => ({
        workspaceId: ws.id,
        deliveryId: delivery.id,
        number: i + 2,
        startedAt: new Date(base + i * 1000),
        durationMs: 5,
        statusCode: 500,
        errorClass: "http_status",
      })),
    });
    const { items, total } = await log();
    expect(total).toBe(25);
    expect(items.map((a) => a.number)).toEqual(Array.from({ length: 20 }, (_, i) => 25 - i));

    const other = await createWorkspaceWithRoles("attempt-other");
    for (const workspaceId of [ws.id, other.id])
      expect(await outcome(other.members.owner.caller.webhook.attempts({ workspaceId, deliveryId: delivery.id }))).toBe(
        "NOT_FOUND",
      );
    // Only owners read the log.
    expect(
      await outcome(ws.members.coach.caller.webhook.attempts({ workspaceId: ws.id, deliveryId: delivery.id })),
    ).toBe("FORBIDDEN");
  });

  it(`deletes attempts older than ${WEBHOOK_ATTEMPT_RETENTION_DAYS} days and keeps the rest`, async () => {
    const { ws, delivery } = await scripted("attempt-purge", ["ok"]);
    const now = new Date();
    await db.webhookAttempt.createMany({
      data: [31, 30.5, 29].map((days, i) => ({
        workspaceId: ws.id,
        deliveryId: delivery.id,
        number: i + 2,
        startedAt: new Date(now.getTime() - days * DAY),
        durationMs: 1,
        statusCode: 200,
      })),
    });
    // Small batches, so the purge runs several statements.
    await purgeOldWebhookAttempts(db, now, 1);
    const left = await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { number: "asc" } });
    expect(left.map((a) => a.number)).toEqual([1, 4]);
  });
});
