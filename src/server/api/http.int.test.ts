// The tRPC endpoint under load: a batch larger than the limit is refused up front with a readable 400,
// and a database that is out of connections answers 503 with Retry-After, never 500.
import { afterEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { serverAdapter } from "@/server/db";
import { resetEnvForTests } from "@/server/env";
import { logger } from "@/server/logger";
import { PEER_ADDRESS_HEADER } from "@/server/peer-address";
import { resetRateLimitsForTests } from "@/server/rate-limit";
import { createWorkspaceWithRoles, db, uniqueEmail } from "@/test/factories";
import { handleTrpcRequest } from "./http";

describe("tRPC over HTTP", () => {
  it("refuses a batch over TRPC_MAX_BATCH_SIZE (default 10) with a 400 that says so, and serves one of 10", async () => {
    const ws = await createWorkspaceWithRoles("batch");
    const actor = ws.members.owner.actor;
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => "member.list").join(",");
      const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: { workspaceId: ws.id } }]));
      return new Request(
        `http://localhost/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
      );
    };
    const context = () => Promise.resolve({ db, actor, requestId: "batch", log: logger });

    const ok = await handleTrpcRequest(batch(10), context);
    expect(ok.status).toBe(200);
    expect((await ok.json()) as unknown[]).toHaveLength(10);

    const started = performance.now();
    const tooMany = await handleTrpcRequest(batch(900), context);
    expect(tooMany.status).toBe(400);
    const body = JSON.stringify(await tooMany.json());
    expect(body).toContain(
      "Too many calls in one request: at most 10 may be batched together. Send them in smaller batches.",
    );
    // Refused before any procedure runs.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it.each(["constructor", "prototype"])(
    "answers 400 (not 500) to an input with an unknown key named %s",
    async (key) => {
      const ws = await createWorkspaceWithRoles("pollution");
      const context = () => Promise.resolve({ db, actor: ws.members.coach.actor, requestId: "pollution", log: logger });
      // The text check refuses the value and names its key as the field; the error must still be writable.
      const body = `{"json":{"workspaceId":${JSON.stringify(ws.id)},${JSON.stringify(key)}:"nul \\u0000 here"}}`;
      const res = await handleTrpcRequest(
        new Request(`http://localhost/api/trpc/loop.templates?input=${encodeURIComponent(body)}`),
        context,
      );
      const text = await res.text();
      expect(`${res.status} ${text}`).toMatch(/^400 /);
      expect(text).not.toContain("prototype pollution");
    },
  );

  it.each([
    ["a query waits longer than DATABASE_POOL_TIMEOUT_MS for a connection", { max: 1, timeoutMs: 300 }],
    ["a transaction cannot start in Prisma's maxWait", { max: 1, timeoutMs: 10_000 }],
  ])("answers 503 with Retry-After when %s", async (_label, pool) => {
    // A pool of one connection, held by a long transaction: the next request cannot get one in time.
    const tiny = new PrismaClient({ adapter: serverAdapter({ kind: "server", url: process.env.DATABASE_URL!, pool }) });
    const owner = (await createWorkspaceWithRoles("busy")).members.owner.actor;
    try {
      const holder = tiny.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT 1 AS held FROM pg_sleep(3)`;
        },
        { timeout: 10_000 },
      );
      await new Promise((r) => setTimeout(r, 200));
      const req = new Request("http://localhost/api/trpc/workspace.create", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          json: { name: "Busy workspace", slug: `busy-${Date.now().toString(36)}`, timeZone: "UTC" },
        }),
      });
      const res = await handleTrpcRequest(req, () =>
        Promise.resolve({ db: tiny, actor: owner, requestId: "busy", log: logger }),
      );
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

describe("API rate limits", () => {
  afterEach(() => {
    for (const key of ["RATE_LIMIT_API_PER_USER", "RATE_LIMIT_API_PER_IP", "RATE_LIMIT_INVITES_PER_USER"])
      delete process.env[key];
    resetEnvForTests();
    resetRateLimitsForTests();
  });
  function limits(values: Record<string, string>) {
    Object.assign(process.env, values);
    resetEnvForTests();
    resetRateLimitsForTests();
  }
  const list = (workspaceId: string, ip: string, calls = 1) => {
    const paths = Array.from({ length: calls }, () => "member.list").join(",");
    const input = Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, { json: { workspaceId } }]));
    return new Request(
      `http://localhost/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
      { headers: { [PEER_ADDRESS_HEADER]: ip } },
    );
  };

  it("limits calls per user (each call of a batch counts) with 429 and Retry-After", async () => {
    limits({ RATE_LIMIT_API_PER_USER: "4", RATE_LIMIT_API_PER_IP: "1000" });
    const ws = await createWorkspaceWithRoles("apilimit");
    const context = () => Promise.resolve({ db, actor: ws.members.owner.actor, requestId: "limit", log: logger });
    expect((await handleTrpcRequest(list(ws.id, "198.51.100.10", 3), context)).status).toBe(200);
    expect((await handleTrpcRequest(list(ws.id, "198.51.100.11", 1), context)).status).toBe(200);
    const res = await handleTrpcRequest(list(ws.id, "198.51.100.12", 1), context);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await res.json()) as { error: { json: { message: string; data: { code: string } } } }[];
    expect(body[0]!.error.json.data.code).toBe("TOO_MANY_REQUESTS");
    expect(body[0]!.error.json.message).toMatch(/^Too many requests\. Try again in \d+ seconds\.$/);
    // Another user from the same address is not affected.
    const coach = () => Promise.resolve({ db, actor: ws.members.coach.actor, requestId: "limit", log: logger });
    expect((await handleTrpcRequest(list(ws.id, "198.51.100.12", 1), coach)).status).toBe(200);
  });

  it("limits calls per client address, signed in or not", async () => {
    limits({ RATE_LIMIT_API_PER_USER: "1000", RATE_LIMIT_API_PER_IP: "2" });
    const ws = await createWorkspaceWithRoles("iplimit");
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
    const as = (actor: typeof ws.members.owner.actor | null) => () =>
      Promise.resolve({ db, actor, requestId: "limit", log: logger });
    expect((await handleTrpcRequest(list(ws.id, ip), as(ws.members.owner.actor))).status).toBe(200);
    expect((await handleTrpcRequest(list(ws.id, ip), as(ws.members.coach.actor))).status).toBe(200);
    const res = await handleTrpcRequest(list(ws.id, ip), as(null));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("limits invitation sends per sender with 429 and Retry-After", async () => {
    limits({ RATE_LIMIT_INVITES_PER_USER: "2" });
    const ws = await createWorkspaceWithRoles("invitelimit");
    const context = () => Promise.resolve({ db, actor: ws.members.owner.actor, requestId: "invite", log: logger });
    const invite = (email: string) =>
      handleTrpcRequest(
        new Request("http://localhost/api/trpc/invitation.create", {
          method: "POST",
          headers: { "content-type": "application/json", [PEER_ADDRESS_HEADER]: "198.51.100.30" },
          body: JSON.stringify({ json: { workspaceId: ws.id, email, role: "interviewer" } }),
        }),
        context,
      );
    expect((await invite(uniqueEmail("i1"))).status).toBe(200);
    expect((await invite(uniqueEmail("i2"))).status).toBe(200);
    const before = await db.invitation.count({ where: { workspaceId: ws.id } });
    const res = await invite(uniqueEmail("i3"));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(60);
    const body = (await res.json()) as { error: { json: { message: string } } };
    expect(body.error.json.message).toMatch(
      /^You have sent too many invitations in the last hour\. Try again in \d+ minutes\.$/,
    );
    expect(await db.invitation.count({ where: { workspaceId: ws.id } })).toBe(before);
  });
});
