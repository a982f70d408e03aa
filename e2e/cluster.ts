// `npm start` against a PostgreSQL server runs one web process per core (a step of `npm test` after the build):
// with WEB_CONCURRENCY=2 both processes must answer on the one port, a process that dies must be replaced
// while the other keeps serving, and SIGTERM must stop every process. Reads the build in .next.
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { recreateDatabase } from "../scripts/test-database.mjs";

const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.CLUSTER_PORT ?? 3521);
const TOKEN = "cluster-health-token-0123456789";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failures: string[] = [];
const check = (ok: boolean, message: string) => {
  if (!ok) failures.push(message);
  console.log(`${ok ? "✓" : "✗"} ${message}`);
};

/** The pid behind each of `requests` health calls, each on a new connection (the cluster balances connections). */
async function pidsAnswering(requests: number): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < requests; i++) {
    const pid = await new Promise<number | null>((resolve) => {
      const req = http.get(
        {
          host: "127.0.0.1",
          port: PORT,
          path: "/api/health",
          agent: false,
          headers: { authorization: `Bearer ${TOKEN}` },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => {
            try {
              resolve(
                res.statusCode === 200 ? ((JSON.parse(text) as { app?: { pid?: number } }).app?.pid ?? null) : null,
              );
            } catch {
              resolve(null);
            }
          });
        },
      );
      req.on("error", () => resolve(null)); // not listening yet
      // A connection the cluster handed to a process at the moment it was killed is never answered (Node's
      // primary keeps it waiting for that process's acceptance): a client's timeout ends it, as a browser's would.
      req.setTimeout(3_000, () => req.destroy());
    });
    if (pid) pids.add(pid);
  }
  return pids;
}

async function until<T>(what: () => Promise<T>, ok: (value: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await what();
  while (!ok(value) && Date.now() < deadline) {
    await sleep(250);
    value = await what();
  }
  return value;
}

// However the app behaves, this step ends: after 3 minutes it fails and stops what it started.
let started: ReturnType<typeof spawn> | undefined;
const watchdog = setTimeout(() => {
  console.error("✗ cluster: no verdict within 3 minutes");
  started?.kill("SIGKILL");
  process.exit(1);
}, 180_000);

const databaseUrl = await recreateDatabase("loopwise_cluster");
const server = (started = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: "cluster-secret-0123456789abcdef",
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    PORT: String(PORT),
    HOST: "127.0.0.1",
    WEB_CONCURRENCY: "2",
    HEALTH_TOKEN: TOKEN,
    LOOPWISE_SKIP_BUILD: "1",
    LOG_LEVEL: "warn",
    RESEND_API_KEY: "",
  },
}));
const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));

try {
  const first = await until(
    () => pidsAnswering(20),
    (p) => p.size >= 2,
    60_000,
  );
  check(first.size === 2, `two web processes answer on one port (pids seen: ${[...first].join(", ") || "none"})`);

  const victim = [...first][0] ?? -1;
  if (victim > 0) process.kill(victim, "SIGKILL");
  const meanwhile = await pidsAnswering(10);
  check(meanwhile.size >= 1 && !meanwhile.has(victim), "the other process keeps answering while one is down");
  const after = await until(
    () => pidsAnswering(20),
    (p) => p.size >= 2 && !p.has(victim),
    60_000,
  );
  check(after.size === 2 && !after.has(victim), `the dead process is replaced (pids now: ${[...after].join(", ")})`);

  server.kill("SIGTERM");
  const code = await Promise.race([exited, sleep(20_000).then(() => "timeout" as const)]);
  check(code !== "timeout", `SIGTERM stops npm start (exit ${String(code)})`);
  await sleep(500);
  const stillThere = [...after].filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
  check(stillThere.length === 0, `no web process is left behind (${stillThere.join(", ") || "none"})`);
} finally {
  server.kill("SIGKILL");
}

clearTimeout(watchdog);
if (failures.length) {
  console.error(`\n${failures.length} check(s) failed.`);
  process.exit(1);
}
console.log("\ncluster: all checks passed");
