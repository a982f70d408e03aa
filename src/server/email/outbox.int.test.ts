import { afterEach, describe, expect, it } from "vitest";
import { createWorkspaceWithRoles, db } from "@/test/factories";
import { startFakeResend, type FakeBehaviour } from "@/test/fake-resend";
import { enqueueEmail, processOutbox } from "./outbox";
import { ResendSender, type EmailSender } from "./sender";

// Other test files enqueue mail into the same database at the same time, and processOutbox claims any
// due message; so batches are large and every assertion looks only at this test's own messages.
const BATCH = 1000;
const email = (n: number) => ({
  template: "test",
  subject: `Message ${n}`,
  html: `<p>Body ${n}</p>`,
  text: `Body ${n}`,
});
let fake: Awaited<ReturnType<typeof startFakeResend>> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A clock the test moves forward, so backoff delays pass without waiting. */
function testClock() {
  let now = Date.now();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

async function drain(workspaceId: string, sender: ResendSender, clock: ReturnType<typeof testClock>, maxRounds = 40) {
  for (let round = 0; round < maxRounds; round++) {
    await processOutbox(db, {
      sender,
      from: "Loopwise <test@loopwise.test>",
      now: clock.now,
      backoff: { baseMs: 1000, maxMs: 8000 },
      random: () => 0.5,
      claimMs: 60_000,
      batchSize: BATCH,
    });
    const open = await db.emailOutbox.count({ where: { workspaceId, status: { in: ["pending", "sending"] } } });
    if (open === 0) return round + 1;
    clock.advance(10_000);
  }
  throw new Error("outbox did not drain");
}

describe("outbox delivery under provider faults", () => {
  it("delivers every message exactly once through 500s, 429 with Retry-After, and hangs", async () => {
    const script: FakeBehaviour[] = ["500", "429", "hang", "ok"];
    const mine = new Set<string>();
    // The faults are scripted for this test's messages; mail of other test files passes straight through.
    fake = await startFakeResend((key, attempt) => (key && mine.has(key) ? (script[attempt - 1] ?? "ok") : "ok"));
    const sender = new ResendSender("re_test", { baseUrl: fake.url, timeoutMs: 300 });
    const ws = await createWorkspaceWithRoles("faults");
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) {
      ids.push((await enqueueEmail(db, { workspaceId: ws.id, to: `r${n}@example.test`, email: email(n) })).id);
    }
    for (const row of await db.emailOutbox.findMany({ where: { id: { in: ids } } })) mine.add(row.idempotencyKey);
    const clock = testClock();

    // First pass: every message meets a 500 and is rescheduled, not lost.
    await processOutbox(db, {
      sender,
      from: "t@loopwise.test",
      now: clock.now,
      backoff: { baseMs: 1000, maxMs: 8000 },
      random: () => 0.5,
      batchSize: BATCH,
    });
    const afterFirst = await db.emailOutbox.findMany({ where: { id: { in: ids } } });
    expect(afterFirst.every((m) => m.status === "pending" && m.attempts === 1 && m.lastError?.startsWith("500"))).toBe(
      true,
    );

    // Second pass: 429 with Retry-After: 2 s; the next attempt waits at least that long.
    clock.advance(10_000);
    const at429 = clock.now().getTime();
    await processOutbox(db, {
      sender,
      from: "t@loopwise.test",
      now: clock.now,
      backoff: { baseMs: 100, maxMs: 200 },
      random: () => 0,
      batchSize: BATCH,
    });
    for (const m of await db.emailOutbox.findMany({ where: { id: { in: ids } } })) {
      expect(m.lastError).toMatch(/^429/);
      expect(m.nextAttemptAt.getTime() - at429).toBeGreaterThanOrEqual(2000);
    }

    clock.advance(10_000);
    await drain(ws.id, sender, clock);
    const rows = await db.emailOutbox.findMany({ where: { id: { in: ids } } });
    expect(rows.map((r) => r.status)).toEqual(Array(5).fill("sent"));
    expect(rows.every((r) => r.attempts === 4)).toBe(true);
    // Exactly once: one accepted idempotency key per message, and every key is a message's own key.
    const keys = new Set(rows.map((r) => r.idempotencyKey));
    expect(keys.size).toBe(5);
    expect(new Set([...fake.deliveredKeys()].filter((k) => keys.has(k)))).toEqual(keys);
    expect(fake.requests.filter((r) => r.behaviour === "ok" && keys.has(r.key ?? ""))).toHaveLength(5);
  });

  it("dead-letters a message that always fails, and an owner's retry delivers it", async () => {
    let outage = true;
    let key = "";
    fake = await startFakeResend((k) => (outage && k === key ? "500" : "ok"));
    const sender = new ResendSender("re_test", { baseUrl: fake.url, timeoutMs: 300 });
    const ws = await createWorkspaceWithRoles("dead");
    const { id } = await enqueueEmail(db, { workspaceId: ws.id, to: "dead@example.test", email: email(1) });
    key = (await db.emailOutbox.findUniqueOrThrow({ where: { id } })).idempotencyKey;
    await db.emailOutbox.update({ where: { id }, data: { maxAttempts: 3 } });
    const clock = testClock();
    await drain(ws.id, sender, clock);
    const dead = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(dead).toMatchObject({ status: "dead", attempts: 3 });
    expect(fake.requests.filter((r) => r.key === dead.idempotencyKey)).toHaveLength(3);

    outage = false;
    await ws.members.owner.caller.email.retry({ workspaceId: ws.id, messageId: id });
    await drain(ws.id, sender, clock);
    const sent = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(sent.status).toBe("sent");
    expect(fake.requests.filter((r) => r.key === dead.idempotencyKey && r.behaviour === "ok")).toHaveLength(1);
    const audit = await db.auditEvent.findFirst({
      where: { workspaceId: ws.id, action: "email.requeued", targetId: id },
    });
    expect(audit).not.toBeNull();
  });

  it("dead-letters at once when the provider rejects the message itself", async () => {
    let key = "";
    fake = await startFakeResend((k) => (k === key ? "422" : "ok"));
    const sender = new ResendSender("re_test", { baseUrl: fake.url, timeoutMs: 300 });
    const ws = await createWorkspaceWithRoles("invalid");
    const { id } = await enqueueEmail(db, { workspaceId: ws.id, to: "bad@example.test", email: email(1) });
    key = (await db.emailOutbox.findUniqueOrThrow({ where: { id } })).idempotencyKey;
    await drain(ws.id, sender, testClock());
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "dead", attempts: 1 });
  });

  it("two workers running at once never send a message twice", async () => {
    fake = await startFakeResend(() => "ok");
    const sender = new ResendSender("re_test", { baseUrl: fake.url, timeoutMs: 2000 });
    const ws = await createWorkspaceWithRoles("workers");
    for (let n = 0; n < 12; n++)
      await enqueueEmail(db, { workspaceId: ws.id, to: `w${n}@example.test`, email: email(n) });
    const run = () => processOutbox(db, { sender, from: "t@loopwise.test", batchSize: 4 });
    for (let i = 0; i < 30; i++) {
      await Promise.all([run(), run()]);
      if ((await db.emailOutbox.count({ where: { workspaceId: ws.id, status: { not: "sent" } } })) === 0) break;
    }
    const rows = await db.emailOutbox.findMany({ where: { workspaceId: ws.id } });
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    const mine = fake.requests.filter((r) => rows.some((row) => row.idempotencyKey === r.key));
    expect(mine).toHaveLength(12);
  });

  it("takes over a message whose worker died mid-send, keeping its idempotency key", async () => {
    fake = await startFakeResend(() => "ok");
    const sender = new ResendSender("re_test", { baseUrl: fake.url, timeoutMs: 2000 });
    const ws = await createWorkspaceWithRoles("crash");
    const { id } = await enqueueEmail(db, { workspaceId: ws.id, to: "crash@example.test", email: email(1) });
    const clock = testClock();
    // A worker claimed it and vanished.
    await db.emailOutbox.update({
      where: { id },
      data: { status: "sending", attempts: 1, lockedUntil: new Date(clock.now().getTime() + 60_000) },
    });
    await processOutbox(db, { sender, from: "t@loopwise.test", now: clock.now, batchSize: BATCH });
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id } })).status).toBe("sending");
    clock.advance(61_000);
    await processOutbox(db, { sender, from: "t@loopwise.test", now: clock.now, batchSize: BATCH });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
    expect(fake.requests.filter((r) => r.key === row.idempotencyKey)).toHaveLength(1);
  });

  it("does not send a message whose claim another worker took over while the batch was in hand", async () => {
    fake = await startFakeResend(() => "ok");
    const resend = new ResendSender("re_test", { baseUrl: fake.url, timeoutMs: 2000 });
    const ws = await createWorkspaceWithRoles("takeover");
    const first = await enqueueEmail(db, { workspaceId: ws.id, to: "first@example.test", email: email(1) });
    const second = await enqueueEmail(db, { workspaceId: ws.id, to: "second@example.test", email: email(2) });
    // Oldest first, so both are claimed in one batch with the first one ahead. Both are due only on this
    // test's clock (an hour ahead): an outbox worker running elsewhere on the shared test database (a suite
    // that boots the app) cannot claim them first.
    const later = Date.now() + 3_600_000;
    await db.emailOutbox.update({ where: { id: first.id }, data: { nextAttemptAt: new Date(later - 2000) } });
    await db.emailOutbox.update({ where: { id: second.id }, data: { nextAttemptAt: new Date(later - 1000) } });
    // The first send outlasts the batch's claim, and meanwhile another worker claims the second message.
    const sender: EmailSender = {
      transport: "resend",
      send: async (message, options) => {
        if (message.to === "first@example.test") {
          await db.emailOutbox.updateMany({
            where: { id: second.id, status: "sending" },
            data: { attempts: { increment: 1 }, lockedUntil: new Date(Date.now() + 60_000) },
          });
        }
        return resend.send(message, options);
      },
    };
    // Only this workspace's messages: on its clock every other suite's pending message is due too.
    const report = await processOutbox(db, {
      sender,
      from: "t@loopwise.test",
      batchSize: BATCH,
      workspaceId: ws.id,
      now: () => new Date(later),
    });
    expect(report).toMatchObject({ takenOver: 1 });
    const [firstRow, secondRow] = await Promise.all(
      [first.id, second.id].map((id) => db.emailOutbox.findUniqueOrThrow({ where: { id } })),
    );
    expect(firstRow).toMatchObject({ status: "sent", attempts: 1 });
    // The other worker's claim stands, and only it may send the message.
    expect(secondRow).toMatchObject({ status: "sending", attempts: 2 });
    expect(fake.requests.filter((r) => r.key === secondRow!.idempotencyKey)).toHaveLength(0);
  });
});
