// Shared by the webhook integration tests: a clock the test moves, an endpoint and test events of a
// workspace, and running the delivery worker until nothing is left to send.
import { processWebhooks, type WebhookProcessOptions } from "@/server/webhooks/delivery";
import { db, type TestWorkspace } from "./factories";

/** A clock the test moves forward, so backoff delays pass without waiting. */
export function testClock() {
  let now = Date.now();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

export async function endpointFor(ws: TestWorkspace, url: string, events = ["loop.created"] as const) {
  return ws.members.owner.caller.webhook.create({
    workspaceId: ws.id,
    url,
    events: [...events],
  });
}

export async function testEvents(ws: TestWorkspace, endpointId: string, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await ws.members.owner.caller.webhook.sendTest({ workspaceId: ws.id, endpointId })).eventId);
  return ids;
}

export async function drain(
  ws: TestWorkspace,
  clock: ReturnType<typeof testClock>,
  options: WebhookProcessOptions = {},
) {
  for (let round = 0; round < 40; round++) {
    await processWebhooks(db, {
      workspaceId: ws.id,
      now: clock.now,
      backoff: { baseMs: 1000, maxMs: 8000 },
      random: () => 0.5,
      timeoutMs: 300,
      claimMs: 60_000,
      ...options,
    });
    const open = await db.webhookDelivery.count({
      where: { workspaceId: ws.id, status: { in: ["pending", "sending"] }, endpoint: { enabled: true } },
    });
    if (open === 0) return round + 1;
    clock.advance(10_000);
  }
  throw new Error("webhook deliveries did not drain");
}
