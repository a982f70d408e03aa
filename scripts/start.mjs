// `npm start`: builds the app when there is no build yet (or it is older than the sources), then serves
// it with scripts/server.mjs (Next.js's custom server: what `next start` does, plus the load balancer's
// health probe and the tRPC calls answered before Next.js; see src/server/early-answers.ts). With no configuration this is demo mode on the embedded database, listening on
// 127.0.0.1 only (HOST overrides; see bind-host.mjs). Against a PostgreSQL server it runs one web process per
// core but one, at least one (WEB_CONCURRENCY overrides), sharing the port through Node's cluster module, plus
// the calibration worker.
import { spawn, spawnSync } from "node:child_process";
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { bindHost } from "./bind-host.mjs";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const serverScript = path.join(root, "scripts", "server.mjs");
const buildId = path.join(root, ".next", "BUILD_ID");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ["src", "emails", "prisma"].map((d) => path.join(root, d)).filter(existsSync);
const stale = !existsSync(buildId) || sources.some((d) => newestMtime(d) > statSync(buildId).mtimeMs);
if (stale && process.env.LOOPWISE_SKIP_BUILD !== "1") {
  console.log("Building Loopwise (first start, or the sources changed)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
const host = bindHost(process.env);

// Against a PostgreSQL server, the background calibration fits run in a process of their own, so a fit never
// holds up the web server's event loop. (The embedded database lives inside the web server's process, so in
// demo mode the web server fits in-process.) Without tsx (an install that omitted dev dependencies), too.
let worker = null;
const separateWorker =
  !!process.env.DATABASE_URL &&
  process.env.CALIBRATION_WORKER !== "off" &&
  existsSync(path.join(root, "node_modules", "tsx"));
if (separateWorker) {
  worker = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "calibration-worker.ts")], {
    cwd: root,
    stdio: "inherit",
    env: { NODE_ENV: "production", ...process.env },
  });
  worker.on("exit", (code) => {
    if (code)
      console.error(
        `The calibration worker stopped (exit ${code}); pages keep serving the last fit, marked as updating.`,
      );
  });
}

const webEnv = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  ...process.env,
  PORT: port,
  ...(host ? { HOST: host } : {}),
  ...(separateWorker ? { CALIBRATION_WORKER: "off" } : {}),
};
const processes = webProcessCount(process.env);

/**
 * How many web processes: WEB_CONCURRENCY when set, else one per core but one (at least one) against a
 * PostgreSQL server: the core left over is for the calibration worker and, often on the same machine, the
 * database. On 2 cores bench:load measured one process as fast as two (board 348 vs 350 req/s, debrief 427
 * vs 375, report 795 vs 1,001) in 160 MiB less (README, WEB_CONCURRENCY). The embedded database lives inside one process, so
 * demo mode always runs one. Everything shared between processes is in PostgreSQL (sessions, rate limits,
 * the outbox and calibration claims, which are SKIP LOCKED).
 */
function webProcessCount(env) {
  if (!env.DATABASE_URL) return 1;
  const asked = Number.parseInt(env.WEB_CONCURRENCY ?? "", 10);
  return Number.isInteger(asked) && asked > 0 ? asked : Math.max(1, availableParallelism() - 1);
}

let stopping = false;
const stopWorker = (signal) => worker?.kill(signal);

if (processes === 1) {
  const child = spawn(process.execPath, [serverScript], { cwd: root, stdio: "inherit", env: webEnv });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      child.kill(signal);
      stopWorker(signal);
    });
  }
  child.on("exit", (code, signal) => {
    stopWorker("SIGTERM");
    process.exit(code ?? (signal ? 1 : 0));
  });
} else {
  // Each worker runs the server script; its listen() on the port is shared by the cluster's primary (this
  // process), which hands connections to the workers in turn.
  cluster.setupPrimary({ exec: serverScript, cwd: root });
  const crashes = [];
  const fork = () => cluster.fork(webEnv);
  for (let i = 0; i < processes; i++) fork();
  console.log(
    `Loopwise: ${processes} web processes on port ${port}${separateWorker ? " and the calibration worker" : ""}.`,
  );
  cluster.on("exit", (dead, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        stopWorker("SIGTERM");
        process.exit(0);
      }
      return;
    }
    // A web process that dies is replaced; five deaths within a minute mean something is wrong: stop.
    const now = Date.now();
    crashes.push(now);
    while (crashes.length && crashes[0] < now - 60_000) crashes.shift();
    console.error(`A web process (pid ${dead.process.pid}) exited (${signal ?? code}); starting another.`);
    if (crashes.length >= 5) {
      console.error("Web processes keep exiting; stopping.");
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
      stopWorker("SIGTERM");
      process.exit(1);
    }
    fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
      stopWorker(signal);
    });
  }
}
