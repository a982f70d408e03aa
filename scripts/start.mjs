// `npm start`: builds the app when there is no build yet (or it is older than the sources), then serves
// it with `next start`. With no configuration this is demo mode on the embedded database, listening on
// 127.0.0.1 only (HOST overrides; see bind-host.mjs).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { bindHost } from "./bind-host.mjs";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
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

const child = spawn(
  process.execPath,
  [nextBin, "start", "-p", port, ...(host ? ["-H", host] : []), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...process.env,
      PORT: port,
      ...(separateWorker ? { CALIBRATION_WORKER: "off" } : {}),
    },
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    child.kill(signal);
    worker?.kill(signal);
  });
}
child.on("exit", (code, signal) => {
  worker?.kill("SIGTERM");
  process.exit(code ?? (signal ? 1 : 0));
});
