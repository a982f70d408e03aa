// Rate limits are counted in a shared store: two app processes (or two clients in one) see the same
// counts, on PostgreSQL by default and on Redis when REDIS_URL is set.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { sqlStatements } from "@/test/statements";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { RateLimits, storeFromEnv, type RateLimitRules, type RateLimitVerdict } from "./rate-limit";

const run = promisify(execFile);
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const rule = { points: 3, durationS: 60 };
const rules: RateLimitRules = {
  signInPerEmail: rule,
  signInPerIp: rule,
  invitesPerUser: rule,
  apiPerUser: rule,
  apiPerIp: rule,
  apiPerKey: rule,
};

const pools: pg.Pool[] = [];
const redises: Redis[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  redises.forEach((r) => r.disconnect());
});

function postgresLimits() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  pools.push(pool);
  return new RateLimits({ kind: "postgres", client: pool }, rules);
}

function redisLimits() {
  const client = new Redis(REDIS_URL, { enableOfflineQueue: true, maxRetriesPerRequest: 1 });
  redises.push(client);
  return new RateLimits({ kind: "redis", client }, rules);
}

/** In a separate Node process, with the app's own store selection from the environment. */
async function consumeInProcess(env: Record<string, string>, key: string, calls: number): Promise<RateLimitVerdict[]> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "src/test/consume-rate-limit.ts", key, String(calls)],
    {
      env: { ...process.env, RATE_LIMIT_API_PER_USER: "3", ...env },
      timeout: 60_000,
    },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as RateLimitVerdict[];
}

describe.each([
  ["PostgreSQL", postgresLimits],
  ["Redis", redisLimits],
])("rate limits on %s", (_store, makeLimits) => {
  it("two clients share one count; past the limit they answer with a retry time", async () => {
    const [a, b] = [makeLimits(), makeLimits()];
    const key = `user-${randomUUID()}`;
    expect(await a.consume("apiPerUser", key)).toEqual({ allowed: true });
    expect(await b.consume("apiPerUser", key)).toEqual({ allowed: true });
    expect(await a.consume("apiPerUser", key)).toEqual({ allowed: true });
    const refused = await b.consume("apiPerUser", key);
    expect(refused).toMatchObject({ allowed: false });
    expect((refused as { retryAfterS: number }).retryAfterS).toBeGreaterThan(0);
    expect((refused as { retryAfterS: number }).retryAfterS).toBeLessThanOrEqual(60);
    expect((await a.consume("apiPerUser", key)).allowed).toBe(false);
    // Another key and another rule are counted apart.
    expect(await a.consume("apiPerUser", `user-${randomUUID()}`)).toEqual({ allowed: true });
    expect(await a.consume("apiPerIp", key)).toEqual({ allowed: true });
  });
});

describe.each([
  ["PostgreSQL", postgresLimits],
  ["Redis", redisLimits],
])("several rules at once on %s", (_store, makeLimits) => {
  it("counts every rule, shares its counts with consume, and refuses when any rule is over", async () => {
    const [a, b] = [makeLimits(), makeLimits()];
    const [ip, user] = [`ip-${randomUUID()}`, `user-${randomUUID()}`];
    const both = [
      { name: "apiPerIp", key: ip },
      { name: "apiPerUser", key: user },
    ] as const;
    expect(await b.consume("apiPerUser", user)).toEqual({ allowed: true });
    expect(await a.consumeAll(both)).toEqual({ allowed: true });
    // A batch of calls counts each: the user is at 3 of 3, the address at 2.
    expect(await b.consume("apiPerUser", user)).toEqual({ allowed: true });
    const refused = await a.consumeAll(both);
    expect(refused).toMatchObject({ allowed: false });
    expect((refused as { retryAfterS: number }).retryAfterS).toBeGreaterThan(0);
    expect((refused as { retryAfterS: number }).retryAfterS).toBeLessThanOrEqual(60);
    // The refused round was counted against the address too (2 of 3): one more, then it is over.
    expect(await b.consume("apiPerIp", ip)).toEqual({ allowed: true });
    expect((await b.consume("apiPerIp", ip)).allowed).toBe(false);
    const fresh = `ip-${randomUUID()}`;
    expect(await a.consumeAll([{ name: "apiPerIp", key: fresh }], 3)).toEqual({ allowed: true });
    expect((await a.consumeAll([{ name: "apiPerIp", key: fresh }])).allowed).toBe(false);
  });
});

describe("several rules at once on PostgreSQL", () => {
  it("is one statement", async () => {
    const limits = postgresLimits();
    const counts = [
      { name: "apiPerIp", key: `ip-${randomUUID()}` },
      { name: "apiPerUser", key: `user-${randomUUID()}` },
    ] as const;
    await limits.consumeAll(counts); // the pool's connection is made outside the count
    const sent = await sqlStatements(() => limits.consumeAll(counts));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^INSERT INTO rate_limits/);
  });

  it("counts in this process when the store fails", async () => {
    const failing = new RateLimits(
      { kind: "postgres", client: { query: () => Promise.reject(new Error("connection refused")) } },
      rules,
    );
    const counts = [
      { name: "apiPerIp", key: "198.51.100.1" },
      { name: "apiPerUser", key: "someone" },
    ] as const;
    for (let i = 0; i < 3; i++) expect(await failing.consumeAll(counts)).toEqual({ allowed: true });
    expect(await failing.consumeAll(counts)).toMatchObject({ allowed: false });
  });
});

describe.each([
  ["PostgreSQL (the default)", {}],
  ["Redis (REDIS_URL)", { REDIS_URL }],
])("two app processes on %s", (_store, env: Record<string, string>) => {
  it("count against the same limit", async () => {
    const key = `user-${randomUUID()}`;
    const [first, second] = await Promise.all([consumeInProcess(env, key, 2), consumeInProcess(env, key, 2)]);
    const all = [...first, ...second];
    expect(all.filter((v) => v.allowed)).toHaveLength(3);
    expect(all.filter((v) => !v.allowed)).toHaveLength(1);
    // And this process, a third, sees the window used up.
    const third = await consumeInProcess(env, key, 1);
    expect(third[0]).toMatchObject({ allowed: false });
  });
});

describe("the PostgreSQL store the environment selects", () => {
  it("commits counts without waiting for the disk, on its own connections only", async () => {
    const store = storeFromEnv({ ...getEnv(), REDIS_URL: undefined });
    if (store.kind !== "postgres") throw new Error(`expected the PostgreSQL store, got ${store.kind}`);
    const { rows } = await store.client.query({ text: "SHOW synchronous_commit" });
    expect(rows).toEqual([{ synchronous_commit: "off" }]);
    await (store.client as pg.Pool).end();
    expect(await getDb().$queryRaw`SHOW synchronous_commit`).toEqual([{ synchronous_commit: "on" }]);
  });
});
