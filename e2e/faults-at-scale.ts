// Fault-at-scale test of the email outbox (`npm run test:faults:outbox`, a step of `npm test`).
// 500 messages are enqueued through the real outbox API into a fresh database; three worker processes
// (scripts/outbox-worker.ts, the real worker loop) deliver them to a fake Resend that answers, per
// request and decided by a seeded hash, 20% 500, 10% 429 with Retry-After, 5% hangs (never answers), else
// 200. One worker is SIGKILLed twice and restarted: once while a send is open (the provider has nothing),
// once right after the provider accepted a message but before the worker heard back (the worst moment: the
// message is delivered, the database does not know). Exits non-zero unless every message was delivered,
// no email was sent twice, nothing was lost and no claim was left behind.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { checkServer, recreateDatabase } from "../scripts/test-database.mjs";
import { startFaultyProvider, type Intercept } from "./faults/fake-provider";

const root = path.resolve(import.meta.dirname, "..");
const MESSAGES = Number(process.env.FAULTS_MESSAGES ?? 500);
const SEED = Number(process.env.FAULTS_SEED ?? 20261203);
const WORKERS = 3;
const PORT = Number(process.env.FAULTS_PORT_BASE ?? 3511) + 2;
const DEADLINE_MS = 100_000;
// When to kill the victim worker, as a count of provider requests; ~770 requests are expected in all.
const KILLS = [
  { atRequest: Math.round(MESSAGES * 0.3), mode: "while-sending" as const },
  { atRequest: Math.round(MESSAGES * 0.8), mode: "after-accept" as const },
];

const started = Date.now();
const failures: string[] = [];
const check = (ok: boolean, message: string) => {
  if (!ok) failures.push(message);
};

await checkServer();
const databaseUrl = await recreateDatabase("loopwise_faults");
process.env.DATABASE_URL = databaseUrl;
process.env.NEXTAUTH_SECRET ??= "faults-secret-0123456789abcdef";
process.env.LOG_LEVEL = "silent";
const { connectServer, getDb } = await import("../src/server/db");
const { applyMigrations } = await import("../src/server/db/migrate");
const { enqueueEmail } = await import("../src/server/email/outbox");
const conn = await connectServer(databaseUrl);
await applyMigrations(conn);
await conn.close();
const db = getDb();

// ---- enqueue through the outbox API, in transactions as a domain change would ----
const address = (n: number) => `m${n}@faults.test`;
for (let from = 0; from < MESSAGES; from += 50) {
  await db.$transaction(async (tx) => {
    for (let n = from; n < Math.min(MESSAGES, from + 50); n++) {
      await enqueueEmail(tx, {
        workspaceId: null,
        to: address(n),
        email: { template: "faults", subject: `Message ${n}`, html: `<p>Body ${n}</p>`, text: `Body ${n}` },
      });
    }
  });
}

// ---- workers ----
interface Worker {
  slot: number;
  tag: string;
  child: ChildProcess;
  exited: Promise<void>;
}
const workers: Worker[] = [];
// Whatever ends this script (a failed check, a crash), no worker outlives it.
process.on("exit", () => {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
});
let incarnations = 0;
const killLog: { mode: string; tag: string; atRequest: number; key: string; ms: number }[] = [];
const afterAcceptKeys = new Set<string>();

function startWorker(slot: number): Worker {
  const tag = `w${slot}.${incarnations++}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/outbox-worker.ts"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: "3",
      LOOPWISE_DEMO: "0",
      RESEND_API_KEY: "re_faults",
      RESEND_BASE_URL: `${provider.url}/${tag}`,
      EMAIL_SEND_TIMEOUT_MS: "600",
      WEBHOOK_TIMEOUT_MS: "1000",
      OUTBOX_CLAIM_MS: "2500",
      OUTBOX_POLL_MS: "100",
      OUTBOX_BATCH_SIZE: "10",
      OUTBOX_MIN_INTERVAL_MS: "0",
      OUTBOX_BACKOFF_BASE_MS: "200",
      OUTBOX_BACKOFF_MAX_MS: "1600",
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const worker = { slot, tag, child, exited };
  workers[slot] = worker;
  return worker;
}

// The provider decides when to kill: at the first suitable request of the victim (slot 0) after the mark.
const intercept: Intercept = ({ tag, key, behaviour }) => {
  const next = KILLS[killLog.length];
  const victim = workers[0];
  if (!next || !victim || tag !== victim.tag || provider.stats.requests < next.atRequest) return "answer";
  // While sending: a request the provider will not accept. After accept: one it accepts.
  if ((next.mode === "after-accept") !== (behaviour === "ok")) return "answer";
  killLog.push({ mode: next.mode, tag, atRequest: provider.stats.requests, key, ms: Date.now() - started });
  if (next.mode === "after-accept") afterAcceptKeys.add(key);
  victim.child.kill("SIGKILL");
  void victim.exited.then(() => startWorker(0));
  return "kill-before-answer";
};

const provider = await startFaultyProvider({
  port: PORT,
  seed: SEED,
  rates: { "500": 0.2, "429": 0.1, hang: 0.05 },
  maxFaultsPerMessage: 5,
  retryAfterSeconds: 1,
  messageOf: (to) => {
    const n = /^m(\d+)@faults\.test$/.exec(to)?.[1];
    return n === undefined ? null : Number(n);
  },
  intercept,
});

const deliveryStarted = Date.now();
for (let slot = 0; slot < WORKERS; slot++) startWorker(slot);

// ---- wait until the outbox is drained (and both kills have happened) ----
let drained = false;
while (Date.now() - started < DEADLINE_MS) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  const open = await db.emailOutbox.count({ where: { status: { in: ["pending", "sending"] } } });
  if (open === 0 && killLog.length === KILLS.length) {
    drained = true;
    break;
  }
}
const deliveryMs = Date.now() - deliveryStarted;
await Promise.all(
  workers.map((w) => {
    w.child.kill("SIGTERM");
    return w.exited;
  }),
);
check(drained, `the outbox did not drain within ${DEADLINE_MS / 1000} s`);

// ---- verdict ----
const rows = await db.emailOutbox.findMany({
  select: { to: true, idempotencyKey: true, status: true, attempts: true, providerMessageId: true },
});
const byStatus = (status: string) => rows.filter((r) => r.status === status).length;
const sentRows = rows.filter((r) => r.status === "sent");
let delivered = 0;
let wrongId = 0;
for (const row of sentRows) {
  const state = provider.keys.get(row.idempotencyKey);
  if (state?.accepted) delivered++;
  // The row records the provider's id, the first answer's (also for a replayed request).
  if (state?.accepted?.id !== row.providerMessageId) wrongId++;
}
// An email sent twice: one message accepted under more than one key (the fake never accepts a key twice).
const keysPerMessage = new Map<number, number>();
for (const state of provider.keys.values())
  if (state.accepted) keysPerMessage.set(state.message, (keysPerMessage.get(state.message) ?? 0) + 1);
const sentTwice = [...keysPerMessage.values()].filter((k) => k > 1).length;
const lost = MESSAGES - delivered;
const replayedKeys = [...provider.keys.entries()].filter(([, s]) => s.replays > 0).map(([k]) => k);
const stats = provider.stats;

check(rows.length === MESSAGES, `${rows.length} outbox rows, expected ${MESSAGES}`);
check(
  sentRows.length === MESSAGES,
  `${sentRows.length} rows sent, expected ${MESSAGES} (pending ${byStatus("pending")}, sending ${byStatus("sending")}, dead ${byStatus("dead")})`,
);
check(byStatus("sending") === 0, `${byStatus("sending")} messages left claimed`);
check(
  delivered === MESSAGES && stats.accepted === MESSAGES,
  `provider accepted ${stats.accepted} keys, ${delivered} of them outbox messages; expected ${MESSAGES}`,
);
check(sentTwice === 0, `${sentTwice} messages were accepted under two idempotency keys`);
check(wrongId === 0, `${wrongId} sent rows do not carry the provider's message id`);
check(
  stats.concurrent === 0,
  `${stats.concurrent} requests overlapped another request with the same key (two workers sending one message)`,
);
check(
  stats.mismatched === 0 && stats.malformed === 0,
  `${stats.mismatched} key/payload mismatches, ${stats.malformed} malformed requests`,
);
// A replay is a request for an already-accepted key. The only one allowed is the re-send of the message
// accepted at the instant its worker was killed (the database could not know); any other means a worker
// sent a message the outbox already had as sent, or two workers held one claim.
check(
  replayedKeys.length === afterAcceptKeys.size &&
    replayedKeys.every((k) => afterAcceptKeys.has(k)) &&
    stats.replays === afterAcceptKeys.size,
  `replayed keys ${JSON.stringify(replayedKeys)} (${stats.replays} replays), expected exactly the key(s) accepted when the worker was killed ${JSON.stringify([...afterAcceptKeys])}`,
);
check(killLog.length === KILLS.length, `${killLog.length} kills happened, expected ${KILLS.length}`);
for (const f of ["500", "429", "hang"] as const) check(stats.injected[f] > 0, `no ${f} was injected`);

const totalAttempts = rows.reduce((s, r) => s + r.attempts, 0);
const line = (label: string, value: string | number) => console.log(`  ${label.padEnd(34)} ${value}`);
console.log(`\nFaults at scale: outbox (seed ${SEED}, ${WORKERS} worker processes, one PostgreSQL)`);
line("messages", MESSAGES);
line("provider requests (attempts)", `${stats.requests} (outbox attempt counts sum to ${totalAttempts})`);
line(
  "injected 500 / 429 / hang",
  `${stats.injected["500"]} / ${stats.injected["429"]} / ${stats.injected.hang} (${pct(stats.injected["500"])} / ${pct(stats.injected["429"])} / ${pct(stats.injected.hang)} of requests)`,
);
line("delivered (keys accepted once)", delivered);
line("duplicates (an email sent twice)", sentTwice);
line(
  "idempotent replays (same key, no send)",
  `${stats.replays}${stats.replays ? " — the message accepted as its worker was killed, re-sent with its key after the claim expired" : ""}`,
);
line("overlapping sends of one key", stats.concurrent);
line("lost (not delivered)", lost);
line("left claimed / pending / dead", `${byStatus("sending")} / ${byStatus("pending")} / ${byStatus("dead")}`);
line(
  "kills (SIGKILL) and restarts",
  `${killLog.length}: ${killLog.map((k) => `${k.mode} at request ${k.atRequest} (${(k.ms / 1000).toFixed(1)} s)`).join(", ")}`,
);
line(
  "delivery time / wall time",
  `${(deliveryMs / 1000).toFixed(1)} s / ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

await provider.close();
await db.$disconnect();
if (failures.length) {
  console.error(`\n✗ ${failures.length} check(s) failed:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
console.log("\n✓ every message delivered exactly once; none lost, none duplicated, no claim left behind");
process.exit(0);

function pct(n: number) {
  return `${((100 * n) / Math.max(1, stats.requests)).toFixed(1)}%`;
}
