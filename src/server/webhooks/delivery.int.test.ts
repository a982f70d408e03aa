// Webhook delivery against a real receiver on this machine: signatures a receiver can verify on its own,
// retries through 500s and timeouts, one success per event and endpoint with several workers racing, and
// endpoints turned off (with the owners told) after failing again and again.
import { createHmac, timingSafeEqual } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/server/env";
import { createWorkspaceWithRoles, db } from "@/test/factories";
import { drain, endpointFor, testClock, testEvents } from "@/test/webhook-fixtures";
import { startReceiver, type ReceiverBehaviour } from "@/test/webhook-receiver";
import { processWebhooks } from "./delivery";
import { postWebhook } from "./http";

let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** The receiver's side of Standard Webhooks, written from the spec, not from the sender's code. */
function verify(secret: string, headers: Record<string, string | string[] | undefined>, body: string) {
  const id = headers["webhook-id"] as string;
  const timestamp = headers["webhook-timestamp"] as string;
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers["webhook-signature"])
    .split(" ")
    .some((sig) => {
      const [version, value] = sig.split(",");
      const given = Buffer.from(value ?? "", "base64");
      return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

describe("webhook delivery", () => {
  it("signs each request so that a receiver verifies it with the secret alone", async () => {
    receiver = await startReceiver();
    const ws = await createWorkspaceWithRoles("hook-sign");
    const { endpoint, secret } = await endpointFor(ws, receiver.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    // Stored encrypted: the database does not hold the secret.
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.secretCiphertext).not.toContain(secret!.slice(6));
    const { id: loopId } = await ws.members.coach.caller.loop.create({
      workspaceId: ws.id,
      candidateMemberId: ws.members.candidate.memberId,
      targetRole: "Data engineer",
    });
    const clock = testClock();
    await drain(ws, clock);
    expect(receiver.requests).toHaveLength(1);
    const request = receiver.requests[0]!;
    expect(verify(secret!, request.headers, request.body)).toBe(true);
    expect(Number(request.headers["webhook-timestamp"])).toBe(Math.floor(clock.now().getTime() / 1000));
    // Another secret, or a changed body, does not verify.
    expect(verify(`whsec_${Buffer.alloc(24, 7).toString("base64")}`, request.headers, request.body)).toBe(false);
    expect(verify(secret!, request.headers, request.body.replace("Data", "Date"))).toBe(false);
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({
      id: request.headers["webhook-id"],
      type: "loop.created",
      version: 1,
      workspaceId: ws.id,
      data: {
        loop: { id: loopId, targetRole: "Data engineer", candidate: { memberId: ws.members.candidate.memberId } },
        coach: { memberId: ws.members.coach.memberId, name: ws.members.coach.actor.name },
      },
    });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { workspaceId: ws.id } });
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 1, responseStatus: 200, lastError: null });
    expect(delivery.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("retries after a 500 and after a timeout, then succeeds, with the same webhook-id", async () => {
    const script: ReceiverBehaviour[] = ["500", "hang", "ok"];
    receiver = await startReceiver((_id, attempt) => script[attempt - 1] ?? "ok");
    const ws = await createWorkspaceWithRoles("hook-retry");
    const { endpoint } = await endpointFor(ws, receiver.url);
    const [eventId] = await testEvents(ws, endpoint.id, 1);
    const clock = testClock();
    const rounds = await drain(ws, clock);
    expect(rounds).toBeGreaterThanOrEqual(3);
    expect(receiver.requests.map((r) => [r.id, r.behaviour])).toEqual([
      [eventId, "500"],
      [eventId, "hang"],
      [eventId, "ok"],
    ]);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { workspaceId: ws.id } });
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 3, responseStatus: 200 });
    const endpointRow = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(endpointRow).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  });

  it("keeps the answer of a failed attempt in the log", async () => {
    receiver = await startReceiver(() => "500");
    const ws = await createWorkspaceWithRoles("hook-log");
    const { endpoint } = await endpointFor(ws, receiver.url);
    await testEvents(ws, endpoint.id, 1);
    const clock = testClock();
    await processWebhooks(db, { workspaceId: ws.id, now: clock.now, timeoutMs: 300, random: () => 0.5 });
    const page = await ws.members.owner.caller.webhook.deliveries({ workspaceId: ws.id, endpointId: endpoint.id });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      type: "webhook.test",
      status: "pending",
      attempts: 1,
      responseStatus: 500,
      lastError: "The endpoint answered HTTP 500.",
    });
    expect(page.items[0]!.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime());
  });

  it("delivers each event once per endpoint while several workers race for the same deliveries", async () => {
    receiver = await startReceiver(() => "ok", { delayMs: 20 });
    const ws = await createWorkspaceWithRoles("hook-race");
    const first = await endpointFor(ws, receiver.url);
    const second = await endpointFor(ws, `${receiver.url}?second`);
    const ids = [...(await testEvents(ws, first.endpoint.id, 12)), ...(await testEvents(ws, second.endpoint.id, 12))];
    const reports = await Promise.all(
      Array.from({ length: 5 }, () =>
        processWebhooks(db, { workspaceId: ws.id, batchSize: 4, timeoutMs: 5000, claimMs: 60_000 }).then(async (r) => [
          r,
          await processWebhooks(db, { workspaceId: ws.id, batchSize: 50, timeoutMs: 5000 }),
        ]),
      ),
    );
    const claimed = reports.flat().reduce((sum, r) => sum + r.claimed, 0);
    expect(claimed).toBe(24);
    const succeeded = receiver.succeeded();
    expect(succeeded.size).toBe(24);
    expect([...succeeded.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(succeeded.keys())).toEqual(new Set(ids));
    expect(await db.webhookDelivery.count({ where: { workspaceId: ws.id, status: "succeeded" } })).toBe(24);
  });

  it("turns an endpoint off after deliveries in a row fail every attempt, and emails the owners once", async () => {
    receiver = await startReceiver(() => "500");
    const ws = await createWorkspaceWithRoles("hook-off");
    const { endpoint } = await endpointFor(ws, receiver.url);
    await testEvents(ws, endpoint.id, 3);
    await db.webhookDelivery.updateMany({ where: { workspaceId: ws.id }, data: { maxAttempts: 2 } });
    const clock = testClock();
    await drain(ws, clock, { disableAfter: 2, batchSize: 1 });
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row).toMatchObject({ enabled: false, disabledReason: "failing", consecutiveFailures: 2 });
    const statuses = await db.webhookDelivery.groupBy({
      by: ["status"],
      where: { workspaceId: ws.id },
      _count: { _all: true },
    });
    // Two failed for good; the third waits for the endpoint to be turned on again.
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count._all]))).toEqual({ failed: 2, pending: 1 });
    const mail = await db.emailOutbox.findMany({ where: { workspaceId: ws.id, template: "webhook-disabled" } });
    expect(mail.map((m) => m.to)).toEqual([ws.members.owner.actor.email]);
    expect(mail[0]!.text).toContain(receiver.url);
    expect(mail[0]!.text).toContain("HTTP 500");
    // Nothing more is sent while it is off.
    const sent = receiver.requests.length;
    clock.advance(60_000);
    await processWebhooks(db, { workspaceId: ws.id, now: clock.now, timeoutMs: 300 });
    expect(receiver.requests).toHaveLength(sent);
    // Turned on again, the waiting delivery goes out and the count starts over.
    await ws.members.owner.caller.webhook.update({ workspaceId: ws.id, endpointId: endpoint.id, enabled: true });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      disabledAt: null,
    });
    await processWebhooks(db, { workspaceId: ws.id, now: clock.now, timeoutMs: 300 });
    expect(receiver.requests.length).toBe(sent + 1);
  });

  it("resends a finished delivery with the same webhook-id", async () => {
    receiver = await startReceiver();
    const ws = await createWorkspaceWithRoles("hook-resend");
    const { endpoint } = await endpointFor(ws, receiver.url);
    const [eventId] = await testEvents(ws, endpoint.id, 1);
    const clock = testClock();
    await drain(ws, clock);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { workspaceId: ws.id } });
    await ws.members.owner.caller.webhook.resend({ workspaceId: ws.id, deliveryId: delivery.id });
    await expect(
      ws.members.owner.caller.webhook.resend({ workspaceId: ws.id, deliveryId: delivery.id }),
    ).rejects.toThrow(/still under way/);
    await drain(ws, clock);
    expect(receiver.requests.map((r) => r.id)).toEqual([eventId, eventId]);
  });

  it("posts a message for people, unsigned, to a Slack endpoint", async () => {
    receiver = await startReceiver();
    const ws = await createWorkspaceWithRoles("hook-slack");
    const { endpoint, secret } = await ws.members.owner.caller.webhook.create({
      workspaceId: ws.id,
      kind: "slack",
      url: receiver.url,
      events: ["loop.created"],
    });
    expect(secret).toBeNull();
    await ws.members.coach.caller.loop.create({
      workspaceId: ws.id,
      candidateMemberId: ws.members.candidate.memberId,
      targetRole: "Designer",
    });
    await drain(ws, testClock());
    const request = receiver.requests[0]!;
    expect(request.headers["webhook-signature"]).toBeUndefined();
    const body = JSON.parse(request.body);
    expect(body.text).toBe(
      `Loop created for ${ws.members.candidate.actor.name} — Designer, coached by ${ws.members.coach.actor.name}`,
    );
    expect(body.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: body.text } });
    expect(endpoint.kind).toBe("slack");
  });

  it("refuses http and private-network URLs in production, saying why", async () => {
    const ws = await createWorkspaceWithRoles("hook-prod");
    const create = (url: string) =>
      ws.members.owner.caller.webhook.create({ workspaceId: ws.id, url, events: ["loop.created"] });
    // NODE_ENV is typed read-only; the environment is re-read after the change.
    const env = process.env as Record<string, string | undefined>;
    const before = env.NODE_ENV;
    env.NODE_ENV = "production";
    resetEnvForTests();
    try {
      await expect(create("https://10.0.0.5/hook")).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "That URL points at a private or reserved address. Use a public https:// address.",
      });
      await expect(create("http://127.0.0.1:9/hook")).rejects.toThrow(/Use an https:\/\/ URL/);
      expect(await db.webhookEndpoint.count({ where: { workspaceId: ws.id } })).toBe(0);
    } finally {
      env.NODE_ENV = before;
      resetEnvForTests();
    }
  });

  it("refuses to connect to a private address when private targets are blocked", async () => {
    receiver = await startReceiver();
    const blocked = await postWebhook(
      receiver.url.replace("127.0.0.1", "localhost"),
      "{}",
      {},
      {
        timeoutMs: 2000,
        blockPrivate: true,
      },
    );
    expect(blocked.status).toBeNull();
    expect(blocked.error).toMatch(/private address/);
    expect(receiver.requests).toHaveLength(0);
    const allowed = await postWebhook(receiver.url, "{}", {}, { timeoutMs: 2000, blockPrivate: false });
    expect(allowed.status).toBe(200);
  });
});
