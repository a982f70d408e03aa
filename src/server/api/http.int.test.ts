// The tRPC endpoint under load: a batch larger than the limit is refused up front with a readable 400,
// and a database that is out of connections answers 503 with Retry-After, never 500.
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { serverAdapter } from "@/server/db";
import { logger } from "@/server/logger";
import { createWorkspaceWithRoles, db } from "@/test/factories";
import { handleTrpcRequest } from "./http";

describe("tRPC over HTTP", () => {
  it("refuses a batch over TRPC_MAX_BATCH_SIZE (default 10) with a 400 that says so, and serves one of 10", async () => {
    const ws = await createWorkspaceWithRoles("batch");
    const actor = ws.members.owner.actor;
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => "member.list").join(",");
      const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: { workspaceId: ws.id } }]));
      return new Request(`http://localhost/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
    };
    const context = () => Promise.resolve({ db, actor, requestId: "batch", log: logger });

    const ok = await handleTrpcRequest(batch(10), context);
    expect(ok.status).toBe(200);
    expect((await ok.json()) as unknown[]).toHaveLength(10);

    const started = performance.now();
    const tooMany = await handleTrpcRequest(batch(900), context);
    expect(tooMany.status).toBe(400);
    const body = JSON.stringify(await tooMany.json());
    expect(body).toContain("Too many calls in one request: at most 10 may be batched together. Send them in smaller batches.");
    // Refused before any procedure runs.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it.each([
    ["a query waits longer than DATABASE_POOL_TIMEOUT_MS for a connection", { max: 1, timeoutMs: 300 }],
    ["a transaction cannot start in Prisma's maxWait", { max: 1, timeoutMs: 10_000 }],
  ])("answers 503 with Retry-After when %s", async (_label, pool) => {
    // A pool of one connection, held by a long transaction: the next request cannot get one in time.
    const tiny = new PrismaClient({ adapter: serverAdapter({ kind: "server", url: process.env.DATABASE_URL!, pool }) });
    const owner = (await createWorkspaceWithRoles("busy")).members.owner.actor;
    try {
      const holder = tiny.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 AS held FROM pg_sleep(3)`;
      }, { timeout: 10_000 });
      await new Promise((r) => setTimeout(r, 200));
      const req = new Request("http://localhost/api/trpc/workspace.create", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { name: "Busy workspace", slug: `busy-${Date.now().toString(36)}`, timeZone: "UTC" } }),
      });
      const res = await handleTrpcRequest(req, () => Promise.resolve({ db: tiny, actor: owner, requestId: "busy", log: logger }));
      const body = (await res.json()) as { error?: { json?: { message?: string; data?: { code?: string } } } };
      expect([res.status, body.error?.json?.data?.code]).toEqual([503, "SERVICE_UNAVAILABLE"]);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(body.error?.json?.message).toBe("The server is busy right now. Please try again in a few seconds.");
      await holder;
    } finally {
      await tiny.$disconnect();
    }
  });
});
