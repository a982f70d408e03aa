// tRPC calls answered before Next.js. Through Next.js every call paid ~1.5–2 ms of CPU for its routing and
// its Request/Response conversion before the endpoint ran (profiled under bench:load); here the app's server
// (scripts/server.mjs, through src/server/early-answers.ts) converts the request itself and runs the same
// function as the route (src/server/api/endpoint.ts). What Next.js adds around a route's response is done
// here too: the same compression, and the request's URL and headers as the route would see them.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { TLSSocket } from "node:tls";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import compression from "next/dist/compiled/compression";
import { releaseCompressionStream } from "next/dist/server/lib/release-compression-stream";
import { answerTrpc } from "@/server/api/endpoint";
import { logger } from "@/server/logger";

/**
 * The paths the route (/api/trpc/[trpc]) serves as they are: procedure names, comma-separated. Anything else
 * under /api/trpc (another slash, percent-encoding, a trailing slash) goes on to Next.js, which normalises,
 * redirects or refuses it, as do methods other than GET and POST.
 */
const TRPC_PATH = /^\/api\/trpc\/[\w.,-]+(?:\?|$)/;

const compress = compression();

/** True when `req` is a tRPC call: then it is answered here and Next.js must not see it. */
export function answerTrpcEarly(req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.method !== "GET" && req.method !== "POST") || !TRPC_PATH.test(req.url ?? "")) return false;
  respond(req, res).catch((err: unknown) => {
    // A client that left is no failure (its connection is gone, and with it the response).
    if (res.destroyed && !res.writableFinished) return;
    // As Next.js answers a route that throws: logged, then an empty 500 (or a cut connection mid-body).
    logger.error({ err, url: req.url }, "tRPC request failed");
    if (res.headersSent) return void res.destroy();
    res.statusCode = 500;
    res.end();
  });
  return true;
}

async function respond(req: IncomingMessage, res: ServerResponse) {
  compress(req, res, () => {});
  // A client that leaves mid-response would leave the compressor's zlib stream open; Next.js's router
  // releases it the same way.
  res.once("close", () => {
    if (!res.writableFinished) releaseCompressionStream(res);
  });
  const response = await answerTrpc(requestFrom(req, res));
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  if (!response.body) return void res.end();
  // Chunk by chunk, waiting when the client reads slowly; a client that leaves cancels the body.
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream), res);
}

/**
 * The request as the route receives it from Next.js: the headers as sent, except the peer address, which
 * the server stamped over whatever the client sent (src/server/peer-address.ts); https when the connection
 * is TLS or X-Forwarded-Proto says so, as Next.js builds the URL; a placeholder host (the endpoint reads the
 * Host header, not the URL's); the body (bodyOf); aborted when the client leaves before the response is
 * complete.
 */
function requestFrom(req: IncomingMessage, res: ServerResponse): Request {
  const forwardedProto = req.headers["x-forwarded-proto"];
  const https = (req.socket as TLSSocket).encrypted === true || String(forwardedProto ?? "").includes("https");
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const left = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) left.abort();
  });
  const body = req.method === "POST" ? bodyOf(req) : null;
  return new Request(`${https ? "https" : "http"}://localhost${req.url}`, {
    method: req.method,
    headers,
    signal: left.signal,
    body,
    ...(body ? { duplex: "half" } : {}),
  });
}

/**
 * The request's body, read from the socket only when the endpoint reads it: a body nobody reads (a refused
 * request) is left to the server, which discards it and keeps the connection for the next request.
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  const chunks = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
