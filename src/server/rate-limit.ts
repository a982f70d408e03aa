// Rate limits, counted in a store that every app process shares: the PostgreSQL database by default
// (rate-limiter-flexible's PostgreSQL store, table `rate_limits`; the embedded database when there is no
// server, which is one process anyway), Redis when REDIS_URL is set. If the store fails, an in-process
// counter stands in (rate-limiter-flexible's insurance limiter), so an outage of the store does not turn
// into failed requests.
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { openPGlite } from "@/server/db";
import { getEnv, type Env } from "@/server/env";
import { logger } from "@/server/logger";

export type RateLimitName =
  "signInPerEmail" | "signInPerIp" | "invitesPerUser" | "apiPerUser" | "apiPerIp" | "apiPerKey";
export interface RateLimitRule {
  points: number;
  durationS: number;
}
export type RateLimitRules = Record<RateLimitName, RateLimitRule>;

export type RateLimitStore =
  | { kind: "memory" }
  | {
      kind: "postgres";
      client: {
        query(q: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
      };
    }
  | { kind: "redis"; client: Redis };

type Limiter = RateLimiterMemory | RateLimiterPostgres | RateLimiterRedis;

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterS: number };

/** The limits, from the environment (counts); the windows are fixed. */
export function rateLimitRules(env: Env): RateLimitRules {
  return {
    signInPerEmail: { points: env.RATE_LIMIT_SIGN_IN_PER_EMAIL, durationS: 15 * 60 },
    signInPerIp: { points: env.RATE_LIMIT_SIGN_IN_PER_IP, durationS: 15 * 60 },
    invitesPerUser: { points: env.RATE_LIMIT_INVITES_PER_USER, durationS: 60 * 60 },
    apiPerUser: { points: env.RATE_LIMIT_API_PER_USER, durationS: 60 },
    apiPerIp: { points: env.RATE_LIMIT_API_PER_IP, durationS: 60 },
    apiPerKey: { points: env.RATE_LIMIT_API_PER_KEY, durationS: 60 },
  };
}

/** One count for `consumeAll`: the rule and the key it counts against. */
export interface RateLimitCount {
  name: RateLimitName;
  key: string;
}

export class RateLimits {
  private readonly limiters: Record<RateLimitName, Limiter>;
  private readonly insurance = {} as Record<RateLimitName, RateLimiterMemory>;

  constructor(
    private readonly store: RateLimitStore,
    private readonly rules: RateLimitRules,
  ) {
    const entries = (Object.keys(rules) as RateLimitName[]).map((name) => {
      const { points, durationS: duration } = rules[name];
      const keyPrefix = `rl:${name}`;
      const insuranceLimiter = new RateLimiterMemory({ keyPrefix, points, duration });
      this.insurance[name] = insuranceLimiter;
      const common = { keyPrefix, points, duration, insuranceLimiter };
      const limiter =
        store.kind === "redis"
          ? new RateLimiterRedis({ ...common, storeClient: store.client })
          : store.kind === "postgres"
            ? // The table comes from a migration (prisma/migrations), not from the library.
              new RateLimiterPostgres({
                ...common,
                storeClient: store.client,
                storeType: "client",
                tableName: "rate_limits",
                tableCreated: true,
              })
            : new RateLimiterMemory({ keyPrefix, points, duration });
      return [name, limiter] as const;
    });
    this.limiters = Object.fromEntries(entries) as Record<RateLimitName, Limiter>;
  }

  /** Counts `points` against `key` under the rule `name`. */
  consume(name: RateLimitName, key: string, points = 1): Promise<RateLimitVerdict> {
    return verdictOf(this.limiters[name], name, key, points);
  }

  /**
   * Counts `points` against every count's key under its rule, and refuses when any rule is over its limit
   * (with the longest of their waits). On PostgreSQL all counts are one statement (the rows and the
   * arithmetic of rate-limiter-flexible's own upsert, so both count the same rows); other stores count them
   * concurrently. Every count is made, refused or not. If the store fails, the in-process insurance
   * limiters count, as `consume` does. The rules must be distinct.
   */
  async consumeAll(counts: readonly RateLimitCount[], points = 1): Promise<RateLimitVerdict> {
    if (new Set(counts.map((c) => c.name)).size !== counts.length)
      throw new Error("consumeAll: each rule at most once");
    if (this.store.kind !== "postgres" || counts.length < 2)
      return worstOf(await Promise.all(counts.map((c) => this.consume(c.name, c.key, points))));
    const now = Date.now();
    const rows = counts.map((c) => ({
      key: this.limiters[c.name].getKey(storeKey(c.key)),
      expire: now + this.rules[c.name].durationS * 1000,
    }));
    let stored: Map<string, { points: number; expire: number }>;
    try {
      const values = rows.map((_, i) => `($${3 + 2 * i}, $1, $${4 + 2 * i})`).join(", ");
      const result = await this.store.client.query({
        name: `rl-consume-all-${rows.length}`,
        text: `INSERT INTO rate_limits (key, points, expire) VALUES ${values}
          ON CONFLICT (key) DO UPDATE SET
            points = CASE WHEN rate_limits.expire <= $2 THEN EXCLUDED.points ELSE rate_limits.points + EXCLUDED.points END,
            expire = CASE WHEN rate_limits.expire <= $2 THEN EXCLUDED.expire ELSE rate_limits.expire END
          RETURNING key, points, expire`,
        values: [points, now, ...rows.flatMap((r) => [r.key, r.expire])],
      });
      stored = new Map(result.rows.map((r) => [String(r.key), { points: Number(r.points), expire: Number(r.expire) }]));
    } catch (err) {
      logger.warn({ err }, "rate limit store failed; counting in this process");
      return worstOf(await Promise.all(counts.map((c) => this.consumeInsured(c.name, c.key, points))));
    }
    return worstOf(
      counts.map((c, i) => {
        const row = stored.get(rows[i]!.key);
        if (!row || row.points <= this.rules[c.name].points) return { allowed: true } as const;
        return { allowed: false, retryAfterS: Math.max(1, Math.ceil((row.expire - Date.now()) / 1000)) } as const;
      }),
    );
  }

  private consumeInsured(name: RateLimitName, key: string, points: number): Promise<RateLimitVerdict> {
    return verdictOf(this.insurance[name], name, key, points);
  }
}

/** Counts `points` against `key` on one limiter and says whether the request may go on. */
async function verdictOf(
  limiter: Limiter,
  name: RateLimitName,
  key: string,
  points: number,
): Promise<RateLimitVerdict> {
  try {
    await limiter.consume(storeKey(key), points);
    return { allowed: true };
  } catch (err) {
    if (err instanceof RateLimiterRes)
      return { allowed: false, retryAfterS: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
    // Neither the store nor its insurance limiter answered: let the request through, and say so.
    logger.error({ err, limit: name }, "rate limit store failed");
    return { allowed: true };
  }
}

/** Allowed when every verdict is; else refused with the longest wait. */
function worstOf(verdicts: RateLimitVerdict[]): RateLimitVerdict {
  const retryAfterS = Math.max(0, ...verdicts.map((v) => (v.allowed ? 0 : v.retryAfterS)));
  return retryAfterS ? { allowed: false, retryAfterS } : { allowed: true };
}

/** Keys may be email addresses: the store keeps only a digest. */
function storeKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

const holder = globalThis as unknown as { __loopwiseRateLimits?: RateLimits };

/** The process's limits, on the store the environment selects. */
export function getRateLimits(): RateLimits {
  if (holder.__loopwiseRateLimits) return holder.__loopwiseRateLimits;
  const env = getEnv();
  holder.__loopwiseRateLimits = new RateLimits(storeFromEnv(env), rateLimitRules(env));
  return holder.__loopwiseRateLimits;
}

/** For tests that change the limits between cases. */
export function resetRateLimitsForTests(): void {
  holder.__loopwiseRateLimits = undefined;
}

export function storeFromEnv(env: Env): RateLimitStore {
  if (env.REDIS_URL) {
    // Commands wait for the connection while it is being made (so a fresh process counts in Redis from
    // its first request), but a Redis that stays unreachable fails them after one retry and the
    // insurance limiter answers meanwhile.
    return { kind: "redis", client: new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2_000 }) };
  }
  if (env.database.kind === "server") {
    // Its own small pool, so counting requests never waits behind the app's queries. Its commits do not wait
    // for the write-ahead log to reach the disk (synchronous_commit off, on these connections only): a
    // server crash may forget the last fraction of a second of counts, which a limit can afford, and every
    // API call's count cost half the CPU here and a quarter in PostgreSQL (bench:fixed-cost, issue #16).
    const pool = new pg.Pool({
      connectionString: env.database.url,
      options: "-c synchronous_commit=off",
      max: 2,
      connectionTimeoutMillis: env.database.pool.timeoutMs,
    });
    return { kind: "postgres", client: pool };
  }
  return { kind: "postgres", client: pgliteClient(env.database.dataDir) };
}

/** The embedded database behind the node-postgres interface the PostgreSQL store uses. */
function pgliteClient(dataDir: string) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const { rows } = await openPGlite(dataDir).query<Record<string, unknown>>(q.text, q.values);
      // PGlite returns int8 as BigInt; the store does arithmetic with numbers.
      return {
        rows: rows.map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])),
        ),
      };
    },
  };
}
