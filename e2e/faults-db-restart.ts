// Fault test: PostgreSQL restarts under a running app (`npm run test:faults:db-restart`, a step of
// `npm test` after the build). A throwaway cluster (initdb/pg_ctl in a temporary directory) serves the
// production build (`scripts/server.mjs`; without an up-to-date build, the /api/health route handler in this
// process). A health request is held inside a query (the table it reads is locked) when the server is
// stopped with `pg_ctl stop -m immediate`, so every connection is cut mid-request. While the database is
// gone, health must answer 503 promptly; once it is back, the same app process must answer 200 and run
// normal queries within RECOVER_WITHIN_MS, without a restart; its outbox worker must deliver again.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createCluster } from "./faults/pg-cluster";

const root = path.resolve(import.meta.dirname, "..");
const BASE = Number(process.env.FAULTS_PORT_BASE ?? 3511);
const APP_PORT = BASE;
const PG_PORT = BASE + 1;
const RECOVER_WITHIN_MS = 10_000;
const DOWN_FOR_MS = 2_000;
const TOKEN = "faults-health-token-0123456789";
const buildId = path.join(root, ".next", "BUILD_ID");
// A build older than the sources would test old code: then the route handler runs in this process.
const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (m, e) => Math.max(m, e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs),
    0,
  );
const buildFresh =
  existsSync(buildId) &&
  ["src", "emails", "prisma"].every((d) => newest(path.join(root, d)) <= statSync(buildId).mtimeMs);
const useBuild = buildFresh && process.env.FAULTS_IN_PROCESS !== "1";

const started = Date.now();
const failures: string[] = [];
const check = (ok: boolean, message: string) => {
  if (!ok) failures.push(message);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const cluster = createCluster(PG_PORT);
let app: ChildProcess | undefined;
const logDir = path.join(root, ".test-reports");
mkdirSync(logDir, { recursive: true });
const appLog = path.join(logDir, "faults-db-restart-app.log");

async function main() {
  cluster.start();
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  await admin.query('CREATE DATABASE "loopwise"');
  await admin.end();
  const databaseUrl = cluster.url("loopwise");
  const appEnv = {
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_TIMEOUT_MS: "3000",
    NEXTAUTH_SECRET: "faults-secret-0123456789abcdef",
    NEXTAUTH_URL: `http://localhost:${APP_PORT}`,
    LOOPWISE_DEMO: "0",
    // The in-app outbox worker runs too (into the dev mailbox): it must also pick up again by itself.
    OUTBOX_POLL_MS: "200",
    HEALTH_TOKEN: TOKEN,
    LOG_LEVEL: "warn",
    RESEND_API_KEY: "",
  };

  // ---- the app: the production build over HTTP, else the route handler in this process ----
  type Probe = {
    status: number;
    body: {
      status?: string;
      database?: { status?: string };
      outbox?: { pending?: number | null };
      app?: { uptimeS?: number };
    };
    ms: number;
  };
  let probe: (details: boolean) => Promise<Probe>;
  if (useBuild) {
    const out = createWriteStream(appLog);
    app = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
      cwd: root,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...appEnv, PORT: String(APP_PORT), HOST: "127.0.0.1" },
    });
    app.stdout!.pipe(out);
    app.stderr!.pipe(out);
    probe = async (details) => {
      const t = Date.now();
      const res = await fetch(`http://127.0.0.1:${APP_PORT}/api/health`, {
        headers: details ? { authorization: `Bearer ${TOKEN}` } : {},
        signal: AbortSignal.timeout(20_000),
      });
      return { status: res.status, body: await res.json().catch(() => ({})), ms: Date.now() - t };
    };
  } else {
    // The outbox worker's expected errors during the outage would flood this test's output.
    Object.assign(process.env, appEnv, { LOG_LEVEL: "silent" });
    const { connectServer } = await import("../src/server/db");
    const { applyMigrations } = await import("../src/server/db/migrate");
    const conn = await connectServer(databaseUrl);
    await applyMigrations(conn);
    await conn.close();
    const { GET } = await import("../src/app/api/health/route");
    const { startOutboxWorker } = await import("../src/server/email/worker");
    startOutboxWorker();
    probe = async (details) => {
      const t = Date.now();
      const res = await GET(
        new Request(`http://localhost:${APP_PORT}/api/health`, {
          headers: details ? { authorization: `Bearer ${TOKEN}` } : {},
        }),
      );
      return { status: res.status, body: await res.json(), ms: Date.now() - t };
    };
  }
  const appStarted = Date.now();
  const appPid = app?.pid ?? process.pid;
  let ready: Probe | undefined;
  while (Date.now() - appStarted < 90_000) {
    ready = await probe(false).catch(() => undefined);
    if (ready?.status === 200) break;
    if (app && app.exitCode !== null)
      throw new Error(`the app exited during start-up (code ${app.exitCode}); see ${appLog}`);
    await sleep(250);
  }
  if (ready?.status !== 200) throw new Error("the app never became healthy");
  const before = await probe(true);
  check(
    before.status === 200 && before.body.database?.status === "up",
    `health before the outage: ${before.status} ${JSON.stringify(before.body)}`,
  );

  // ---- the database goes away during a request ----
  // A request held inside a query: the table its outbox count reads is locked by another session.
  const locker = new pg.Client({ connectionString: databaseUrl });
  locker.on("error", () => {}); // Cut by the stop below, as intended.
  await locker.connect();
  await locker.query("BEGIN");
  await locker.query('LOCK TABLE "email_outbox" IN ACCESS EXCLUSIVE MODE');
  const held = probe(true);
  let heldSettled = false;
  void held.then(
    () => (heldSettled = true),
    () => (heldSettled = true),
  );
  await sleep(700);
  check(!heldSettled, "the health request was not held inside its query (the lock did not block it)");
  const stoppedAt = Date.now();
  cluster.stop("immediate");
  const stopMs = Date.now() - stoppedAt;
  const during = await held.catch((err: Error) => ({
    status: 0,
    body: { status: `request failed: ${err.message}` },
    ms: Date.now() - stoppedAt,
  }));
  check(
    during.status === 503,
    `the request in flight when the database stopped answered ${during.status} ${JSON.stringify(during.body)}, expected 503`,
  );

  // ---- while it is down ----
  const down: Probe[] = [];
  while (Date.now() - stoppedAt < stopMs + DOWN_FOR_MS) {
    down.push(
      await probe(down.length % 2 === 1).catch((err: Error) => ({ status: 0, body: { status: err.message }, ms: 0 })),
    );
    await sleep(150);
  }
  const downStatuses = [...new Set(down.map((p) => p.status))];
  check(
    down.length > 0 && down.every((p) => p.status === 503 && p.body.status === "down"),
    `health while the database was down: ${JSON.stringify(downStatuses)}, expected only 503 "down"`,
  );
  const maxDownMs = Math.max(...down.map((p) => p.ms));
  check(maxDownMs < 5_000, `a health check took ${maxDownMs} ms while the database was down; it must fail fast`);

  // ---- back again ----
  const restartAt = Date.now();
  cluster.start();
  const upAt = Date.now();
  const after: Probe[] = [];
  let recovered: number | null = null;
  while (Date.now() - upAt < RECOVER_WITHIN_MS) {
    const p = await probe(false).catch((err: Error) => ({ status: 0, body: { status: err.message }, ms: 0 }));
    after.push(p);
    if (p.status === 200) {
      recovered = Date.now() - upAt;
      break;
    }
    await sleep(100);
  }
  check(
    recovered !== null,
    `the app did not answer 200 within ${RECOVER_WITHIN_MS / 1000} s of the database's return (saw ${JSON.stringify([...new Set(after.map((p) => p.status))])})`,
  );
  // Normal queries through the same pool: the details count the outbox table.
  const normal = await probe(true);
  check(
    normal.status === 200 && normal.body.database?.status === "up" && typeof normal.body.outbox?.pending === "number",
    `a normal query after recovery: ${normal.status} ${JSON.stringify(normal.body)}`,
  );
  // The app's outbox worker, cut off mid-poll by the stop, delivers a message written after the return.
  const writer = new pg.Client({ connectionString: databaseUrl });
  await writer.connect();
  await writer.query(
    `INSERT INTO "email_outbox" ("id", "template", "to", "subject", "html", "text", "idempotencyKey") VALUES ('faults-after-restart', 'faults', 'after@faults.test', 'After the restart', '<p>x</p>', 'x', 'faults-after-restart')`,
  );
  const writtenAt = Date.now();
  let workerMs: number | null = null;
  while (Date.now() - writtenAt < 10_000) {
    const { rows } = await writer.query<{ status: string }>(
      `SELECT "status" FROM "email_outbox" WHERE "id" = 'faults-after-restart'`,
    );
    if (rows[0]?.status === "sent") {
      workerMs = Date.now() - writtenAt;
      break;
    }
    await sleep(100);
  }
  await writer.end();
  check(workerMs !== null, "the app's outbox worker did not deliver a message within 10 s of the database's return");
  const sameProcess = app ? app.exitCode === null && app.signalCode === null && app.pid === appPid : true;
  const uptime = normal.body.app?.uptimeS ?? 0;
  check(sameProcess, "the app process exited during the outage");
  check(uptime >= Math.floor((Date.now() - appStarted) / 1000) - 1, `the app's uptime (${uptime} s) says it restarted`);

  const line = (label: string, value: string | number) => console.log(`  ${label.padEnd(40)} ${value}`);
  console.log(
    `\nFaults: PostgreSQL restart under a running app (${useBuild ? "production build over HTTP" : `the /api/health route handler in this process${buildFresh ? "" : ": no build, or one older than the sources"}`}, throwaway cluster on port ${PG_PORT})`,
  );
  line("health before", `${before.status} (database up, ${before.ms} ms)`);
  line(
    "request held in a query at the stop",
    `${during.status} ${JSON.stringify(during.body.status)}, ${during.ms} ms after it began (0.7 s before the stop)`,
  );
  line("pg_ctl stop -m immediate took", `${stopMs} ms`);
  line(`health while down (${down.length} probes)`, `${downStatuses.join(", ")}; slowest ${maxDownMs} ms`);
  line("pg_ctl start took", `${upAt - restartAt} ms`);
  line(
    "first 200 after the database was back",
    recovered === null ? "never" : `${recovered} ms (${after.length - 1} probe(s) answered non-200 first)`,
  );
  line(
    "outage seen by clients (stop to first 200)",
    recovered === null ? "—" : `${((upAt + recovered - stoppedAt) / 1000).toFixed(1)} s`,
  );
  line("normal query afterwards", `${normal.status}, outbox pending ${normal.body.outbox?.pending}`);
  line(
    "app's outbox worker delivers again",
    workerMs === null ? "no" : `yes, ${workerMs} ms after the message was written`,
  );
  line("same app process (pid, uptime)", `${sameProcess ? "yes" : "NO"} (pid ${appPid}, uptime ${uptime} s)`);
  line("wall time", `${((Date.now() - started) / 1000).toFixed(1)} s`);
}

let crashed: unknown;
try {
  await main();
} catch (err) {
  crashed = err;
} finally {
  if (!app) await import("../src/server/email/worker").then((w) => w.stopOutboxWorker()).catch(() => {});
  if (app?.pid && app.exitCode === null) {
    try {
      process.kill(-app.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
  cluster.destroy();
}
if (crashed) failures.push(`the test could not run: ${(crashed as Error).stack ?? String(crashed)}`);
if (failures.length) {
  console.error(`\n✗ ${failures.length} check(s) failed:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  if (useBuild && existsSync(appLog))
    console.error(
      `\nApp log (${appLog}), last lines:\n${readFileSync(appLog, "utf8").split("\n").slice(-30).join("\n")}`,
    );
  process.exit(1);
}
console.log("\n✓ 503 while PostgreSQL was down, 200 again from the same process once it was back");
process.exit(0);
