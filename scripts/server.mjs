// One web process: Next.js's documented custom server (`next({...}).getRequestHandler()`), so that a
// request the app answers before Next.js never pays for Next.js's routing. The app installs that handler at
// boot (src/server/early-answers.ts: the load balancer's anonymous GET /api/health and the tRPC calls) under
// a global name, because this script cannot import the app's TypeScript; every other request, and every
// request before boot, goes to Next.js as `next start` would send it. PORT and HOST as for `next start -p/-H`.
import http from "node:http";
import path from "node:path";
import next from "next";

const EARLY_ANSWER_KEY = "__loopwiseAnswerEarly"; // the same name as in src/server/early-answers.ts

const port = Number.parseInt(process.env.PORT ?? "3000", 10);
const host = process.env.HOST?.trim() || undefined;
const dir = path.resolve(import.meta.dirname, "..");

const app = next({ dev: false, dir, hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const answerEarly = globalThis[EARLY_ANSWER_KEY];
  if (typeof answerEarly === "function" && answerEarly(req, res)) return;
  handle(req, res).catch((err) => {
    console.error(`Failed to handle request for ${req.url}`, err);
    if (!res.headersSent) res.statusCode = 500;
    res.end("Internal Server Error");
  });
});
server.listen(port, host, () => console.log(`Loopwise web process ${process.pid} listening on port ${port}.`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    // Stop taking connections, let the requests in hand finish (at most 10 s), then exit.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
