// The built app for a bench's request figures: scripts/start.mjs (what `npm start` runs; it builds first when
// `.next` is missing or older than the sources) with one web process on `port` against the bench's database,
// and requests made as bench:load and the tRPC client make them: GET /api/trpc/<procedure>?input=<superjson>
// with a session cookie, over a kept-alive connection. The app runs in its own process group (detached), so
// `stop` ends start.mjs, the web server and the calibration worker it spawns together, and nothing else.
import { spawn } from "node:child_process";
import path from "node:path";
import superjson from "superjson";

export const sessionCookie = (sessionToken: string) => `next-auth.session-token=${sessionToken}`;

export async function startApp(url: string, port: number, env: Record<string, string> = {}) {
  const root = path.resolve(import.meta.dirname, "..");
  const app = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      LOOPWISE_DEMO: "0",
      WEB_CONCURRENCY: "1",
      // Sequential requests of a few users, thousands in all: the per-user and per-address limits would answer 429.
      RATE_LIMIT_API_PER_USER: "100000000",
      RATE_LIMIT_API_PER_IP: "100000000",
      ...env,
    },
  });
  let exited = false;
  app.on("exit", () => (exited = true));
  const stop = async () => {
    if (exited || !app.pid) return;
    try {
      process.kill(-app.pid, "SIGTERM");
    } catch {
      return; // the group is gone already
    }
    for (let i = 0; i < 50 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
    if (!exited) process.kill(-app.pid, "SIGKILL");
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    const until = Date.now() + 600_000;
    for (;;) {
      if (exited) throw new Error("the app exited before it answered");
      if (Date.now() > until) throw new Error("the app did not answer within 600 s");
      try {
        await (await fetch(`${base}/api/health`)).text(); // any answer: the server is up
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } catch (err) {
    await stop();
    throw err;
  }
  /** A function making one request (the whole answer read); anything but 200 throws. */
  const request = (cookie: string, procedure: string, input: unknown) => {
    const target = `${base}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    const headers = { cookie };
    return async () => {
      const res = await fetch(target, { headers });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${procedure}: HTTP ${res.status} ${body.slice(0, 300)}`);
      return body;
    };
  };
  /** The procedure's answer, deserialized. */
  const data = <T>(body: string) =>
    superjson.deserialize<T>((JSON.parse(body) as { result: { data: never } }).result.data);
  return { stop, request, data, pid: app.pid };
}
