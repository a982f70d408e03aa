// The load balancer's probe, answered before Next.js. An anonymous `GET /api/health` (no cookie, no
// Authorization) always gets the same small answer (the status, the database checked at most once a second),
// yet Next.js's routing, the proxy and the route handler cost it ten times what the answer costs (profiled
// under bench:load). The app's server (scripts/server.mjs) offers every request to this first (through
// src/server/early-answers.ts); anything else, and every probe before boot installed it, goes on to Next.js
// and src/app/api/health/route.ts. The response carries what the proxy would give it: the request id and the
// security headers.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { securityHeadersFor } from "@/domain/request";
import { acceptRequestId } from "@/domain/request-id";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { checkHealth } from "@/server/services/health";

/** True when `req` is the anonymous probe: then it is answered here and Next.js must not see it. */
export function answerHealthProbe(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" || req.headers.cookie !== undefined || req.headers.authorization !== undefined) return false;
  const url = req.url ?? "";
  if (url !== "/api/health" && !url.startsWith("/api/health?")) return false;
  respond(req, res).catch((err: unknown) => {
    logger.error({ err }, "health probe failed");
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("Internal Server Error");
  });
  return true;
}

async function respond(req: IncomingMessage, res: ServerResponse) {
  const env = getEnv();
  const headers = { get: (name: string) => single(req.headers[name]) };
  const requestId = acceptRequestId(headers.get("x-request-id"), randomUUID);
  const security = securityHeadersFor(headers, {
    protocol: "http:", // this server speaks plain HTTP; TLS ends in front of it
    appUrl: env.appUrl,
    development: env.NODE_ENV === "development",
  });
  const { status } = await checkHealth({ details: false });
  const body = JSON.stringify({ status });
  res.writeHead(status === "ok" ? 200 : 503, {
    ...security,
    "x-request-id": requestId,
    "cache-control": "no-store",
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

function single(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value.join(", ") : value) ?? null;
}
