// The one place that reads process.env. Parsed lazily (so `next build` needs no secrets) and validated
// with zod; a deployment without its secrets refuses to boot with a message that says what to set.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "on", "off", "yes", "no", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : ["1", "true", "on", "yes"].includes(v)));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  LOOPWISE_DATA_DIR: z.string().default(".loopwise-data"),
  LOOPWISE_DEMO: flag,
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be an absolute URL such as https://loopwise.example.com").optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  /** Read by scripts/start.mjs (the listen address); declared here so it is documented and validated. */
  HOST: z.string().trim().min(1).optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().default("Loopwise <no-reply@loopwise.local>"),
  EMAIL_SEND_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  OUTBOX_WORKER: flag,
  /** The background calibration worker (refits a workspace's cohort after its ratings change). */
  CALIBRATION_WORKER: flag,
  /** How often it looks for a workspace whose stored fit is behind its ratings. */
  CALIBRATION_POLL_MS: z.coerce.number().int().positive().default(500),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1_000),
  /** How often the export worker (which runs where the calibration worker runs) looks for queued exports. */
  EXPORT_POLL_MS: z.coerce.number().int().positive().default(1_000),
  /** How long a worker's claim on a message lasts; renewed before each send, so it must outlast one send. */
  OUTBOX_CLAIM_MS: z.coerce.number().int().positive().default(60_000),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /** Pause between two sends of one worker (Resend allows 2 requests/s by default). */
  OUTBOX_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(550),
  OUTBOX_BACKOFF_BASE_MS: z.coerce.number().int().positive().default(5_000),
  OUTBOX_BACKOFF_MAX_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(60 * 60_000),
  /** How long one webhook delivery may take (connect, send, answer) before it counts as failed. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /**
   * Key for the webhook signing secrets stored in the database (AES-256-GCM). Unset: derived from
   * NEXTAUTH_SECRET. Changing it (or NEXTAUTH_SECRET when unset) makes stored secrets unreadable: rotate them.
   */
  WEBHOOK_SECRET_KEY: z.string().min(32, "WEBHOOK_SECRET_KEY must be at least 32 characters").optional(),
  /** Tests of a production build only: lets webhooks go to http://127.0.0.1 / localhost. */
  WEBHOOKS_ALLOW_LOOPBACK: flag,
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  AZURE_AD_CLIENT_ID: z.string().optional(),
  AZURE_AD_CLIENT_SECRET: z.string().optional(),
  AZURE_AD_TENANT_ID: z.string().optional(),
  HEALTH_TOKEN: z.string().min(16, "HEALTH_TOKEN must be at least 16 characters").optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// or rediss:// URL")
    .optional(),
  RATE_LIMIT_SIGN_IN_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  RATE_LIMIT_SIGN_IN_PER_IP: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_INVITES_PER_USER: z.coerce.number().int().min(1).default(50),
  RATE_LIMIT_API_PER_USER: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_API_PER_IP: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_API_PER_KEY: z.coerce.number().int().min(1).default(300),
  TRUST_PROXY: flag,
  TRPC_MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema> & {
  /** Demo mode: demo data, demo sign-in and the public dev mail page. */
  demo: boolean;
  /** Embedded PGlite (no DATABASE_URL) or a PostgreSQL server. */
  database: DatabaseConfig;
  secret: string;
  appUrl: string;
};

export type DatabaseConfig =
  { kind: "embedded"; dataDir: string } | { kind: "server"; url: string; pool: { max: number; timeoutMs: number } };

export class EnvError extends Error {}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= loadEnv(process.env);
  return cached;
}

/**
 * Which database the environment selects (the test databaseConfig makes), without validating the rest: cheap enough for
 * every request to ask (row-level security applies on a server).
 */
export function databaseKind(source: Record<string, string | undefined> = process.env): Env["database"]["kind"] {
  return source.DATABASE_URL?.trim() ? "server" : "embedded";
}

/**
 * Only the database settings: enough for the migration command and the database client, which must not
 * require the web secrets.
 */
export function databaseConfig(source: Record<string, string | undefined> = process.env): Env["database"] {
  const url = source.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new EnvError("DATABASE_URL must be a postgresql:// connection string");
    const pool = EnvSchema.pick({ DATABASE_POOL_MAX: true, DATABASE_POOL_TIMEOUT_MS: true }).safeParse({
      DATABASE_POOL_MAX: source.DATABASE_POOL_MAX?.trim() || undefined,
      DATABASE_POOL_TIMEOUT_MS: source.DATABASE_POOL_TIMEOUT_MS?.trim() || undefined,
    });
    if (!pool.success)
      throw new EnvError(
        `Invalid database pool settings: ${pool.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    return {
      kind: "server",
      url,
      pool: { max: pool.data.DATABASE_POOL_MAX, timeoutMs: pool.data.DATABASE_POOL_TIMEOUT_MS },
    };
  }
  return {
    kind: "embedded",
    dataDir: path.resolve(/*turbopackIgnore: true*/ source.LOOPWISE_DATA_DIR || ".loopwise-data"),
  };
}

/** Log level, readable before the rest of the environment is validated (the logger starts first). */
export function logLevel(): string {
  return process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info");
}

/** For tests that change the environment between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}

export function loadEnv(source: Record<string, string | undefined>): Env {
  // An empty variable counts as unset (deployment tools often pass KEY= for "not configured").
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Loopwise cannot start: the environment is invalid.\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.OUTBOX_CLAIM_MS < e.EMAIL_SEND_TIMEOUT_MS * 2) {
    // A claim that expires while its send is still running lets a second worker send the same message.
    throw new EnvError(
      `Loopwise cannot start: OUTBOX_CLAIM_MS (${e.OUTBOX_CLAIM_MS}) must be at least twice EMAIL_SEND_TIMEOUT_MS (${e.EMAIL_SEND_TIMEOUT_MS}),\n` +
        "  so that a worker's claim on a message outlasts the send it covers.",
    );
  }
  if (e.OUTBOX_CLAIM_MS < e.WEBHOOK_TIMEOUT_MS * 2) {
    // The webhook deliveries are claimed for OUTBOX_CLAIM_MS too.
    throw new EnvError(
      `Loopwise cannot start: OUTBOX_CLAIM_MS (${e.OUTBOX_CLAIM_MS}) must be at least twice WEBHOOK_TIMEOUT_MS (${e.WEBHOOK_TIMEOUT_MS}).`,
    );
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ e.LOOPWISE_DATA_DIR);
  const database: Env["database"] = e.DATABASE_URL
    ? { kind: "server", url: e.DATABASE_URL, pool: { max: e.DATABASE_POOL_MAX, timeoutMs: e.DATABASE_POOL_TIMEOUT_MS } }
    : { kind: "embedded", dataDir };
  // Demo mode is the zero-config default; a deployment on a real server must opt in explicitly.
  const demo = e.LOOPWISE_DEMO ?? database.kind === "embedded";
  let secret = e.NEXTAUTH_SECRET;
  if (!secret) {
    if (database.kind === "server" && !demo) {
      throw new EnvError(
        "Loopwise cannot start: NEXTAUTH_SECRET is not set.\n" +
          "  A deployment on a PostgreSQL server (DATABASE_URL is set) needs a secret to sign sessions and\n" +
          "  hash sign-in tokens. Generate one with `openssl rand -base64 32` and set NEXTAUTH_SECRET.",
      );
    }
    secret = demoSecret(dataDir);
  }
  const appUrl = (e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  // next-auth reads NEXTAUTH_URL itself; give it the same origin the rest of the app uses.
  source.NEXTAUTH_URL ??= appUrl;
  return { ...e, demo, database, secret, appUrl };
}

/** Demo mode keeps a secret generated once in the data directory, so sessions survive restarts. */
function demoSecret(dataDir: string): string {
  const file = path.join(dataDir, "secret");
  if (existsSync(/*turbopackIgnore: true*/ file)) return readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
  mkdirSync(/*turbopackIgnore: true*/ dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(/*turbopackIgnore: true*/ file, secret, { mode: 0o600, flag: "w" });
  return secret;
}
