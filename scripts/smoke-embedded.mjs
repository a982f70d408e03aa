// Smoke test of the zero-configuration default: no DATABASE_URL, a fresh data directory (whose parent
// does not exist yet), the production build. Checks /api/health and the demo sign-in, prints timings.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.SMOKE_PORT ?? "3212";
const base = `http://localhost:${port}`;
const scratch = mkdtempSync(path.join(tmpdir(), "loopwise-smoke-"));
const dataDir = path.join(scratch, "nested", "data");

const healthToken = "smoke-health-token-0123456789";
const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  LOOPWISE_DATA_DIR: dataDir,
  HEALTH_TOKEN: healthToken,
};
for (const key of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "LOOPWISE_DEMO", "RESEND_API_KEY"])
  delete env[key];

const started = Date.now();
const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port], {
  cwd: root,
  env,
  detached: true, // its own process group, so it and its children stop together
  stdio: ["ignore", "pipe", "pipe"],
});
let output = "";
server.stdout.on("data", (d) => (output += d));
server.stderr.on("data", (d) => (output += d));

const checks = [];
function check(name, ok, detail = "") {
  checks.push({ name, ok });
  console.log(`${ok ? "✓" : "✗"} ${name}${detail ? ` (${detail})` : ""}`);
}

async function waitForHealth(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/api/health`, { headers: { authorization: `Bearer ${healthToken}` } });
      if (res.status === 200) return res.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

try {
  const health = await waitForHealth(60_000);
  const readyMs = Date.now() - started;
  check(
    "/api/health answers 200 on the embedded default",
    !!health && health.database?.kind === "embedded" && health.app?.mode === "demo",
    `${readyMs} ms from start`,
  );

  const first = Date.now();
  await fetch(`${base}/api/health`);
  const warmMs = Date.now() - first;

  const form = new URLSearchParams({ email: "olivia.owner@demo.loopwise.dev", callbackUrl: "/w" });
  const anonymous = await (await fetch(`${base}/api/health`)).json();
  check("anonymous /api/health says only the status", JSON.stringify(anonymous) === '{"status":"ok"}');

  // Posted the way the sign-in page's form is: same origin.
  const signIn = await fetch(`${base}/api/demo/sign-in`, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { origin: base },
  });
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0];
  const session = cookie ? await (await fetch(`${base}/api/auth/session`, { headers: { cookie } })).json() : {};
  check(
    "demo sign-in issues a session",
    signIn.status === 303 && session?.user?.email === "olivia.owner@demo.loopwise.dev",
  );

  // An API call over HTTP: counted by the rate limits, whose store here is the embedded database.
  const api = cookie ? await fetch(`${base}/api/trpc/workspace.listMine`, { headers: { cookie } }) : null;
  check(
    "an API call over HTTP answers 200 (rate limits on the embedded database)",
    api?.status === 200,
    `status ${api?.status}`,
  );

  const page = cookie ? await fetch(`${base}/w`, { headers: { cookie } }) : null;
  check(
    "the signed-in demo owner sees the demo workspace",
    !!page && page.status === 200 && (await page.text()).includes("Demo Interview Academy"),
  );

  console.log(
    `smoke figures: ready in ${readyMs} ms (start → /api/health 200, incl. embedded database start, migrations, demo seed); warm /api/health ${warmMs} ms`,
  );
} finally {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
  rmSync(scratch, { recursive: true, force: true });
}

// A deployment (DATABASE_URL set) without NEXTAUTH_SECRET must refuse to boot and say why.
{
  const deployEnv = {
    ...env,
    DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres",
    PORT: String(Number(port) + 1),
  };
  const refused = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", deployEnv.PORT],
    {
      cwd: root,
      env: deployEnv,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let said = "";
  refused.stdout.on("data", (d) => (said += d));
  refused.stderr.on("data", (d) => (said += d));
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-refused.pid, "SIGKILL");
      } catch {
        // gone
      }
      resolve("still running after 30 s");
    }, 30_000);
    refused.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  check(
    "a deployment without NEXTAUTH_SECRET refuses to boot, saying why",
    code === 1 && said.includes("NEXTAUTH_SECRET is not set"),
    `exit ${code}`,
  );
}

const failed = checks.filter((c) => !c.ok).length;
if (failed) console.log(`server output:\n${output}`);
console.log(`smoke: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
