// The tRPC HTTP endpoint: batch size limit, per-user and per-IP rate limits, and the status codes and
// headers that tRPC's defaults leave out.
import type { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { appRouter } from "@/server/api/root";
import { createContextFromHeaders } from "@/server/api/context";
import type { Context } from "@/server/api/trpc";
import { getEnv } from "@/server/env";
import { AppError, tooManyRequests } from "@/server/errors";
import { clientAddress } from "@/server/peer-address";
import { getRateLimits, type RateLimitVerdict } from "@/server/rate-limit";

/** Seconds a client should wait after a 503 (database busy) before trying again. */
export const BUSY_RETRY_AFTER_S = 5;

export async function handleTrpcRequest(
  req: Request,
  createContext: () => Promise<Context> = () => createContextFromHeaders(req.headers),
) {
  const env = getEnv();
  const url = new URL(req.url);
  const path = url.pathname.replace(/^.*\/api\/trpc\/?/, "");
  const isBatch = url.searchParams.get("batch") === "1";
  // A batch over the limit is refused by tRPC below (400), before it counts against anyone's limit.
  const calls = isBatch ? path.split(",").length : 1;
  const counted = calls <= env.TRPC_MAX_BATCH_SIZE ? calls : 0;

  const limits = getRateLimits();
  let ctx: Context | undefined;
  if (counted) {
    // The session first, so the per-address and per-user counts are one round trip to the store.
    ctx = await createContext();
    const verdict = await limits.consumeAll(
      [
        { name: "apiPerIp", key: clientAddress(req.headers, env.TRUST_PROXY === true) },
        ...(ctx.actor ? [{ name: "apiPerUser" as const, key: ctx.actor.userId }] : []),
      ],
      counted,
    );
    if (!verdict.allowed) return tooManyResponse(verdict, calls, isBatch);
  }
  const context = ctx;

  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: context ? () => Promise.resolve(context) : createContext,
    // One request may not bundle hundreds of calls (it held the database for seconds and failed most).
    maxBatchSize: env.TRPC_MAX_BATCH_SIZE,
    responseMeta({ errors }) {
      const retryAfter = Math.max(0, ...errors.map(retryAfterOf));
      return retryAfter ? { headers: { "retry-after": String(retryAfter) } } : {};
    },
  });
}

/** Seconds to send in Retry-After for an error (0: none), over tRPC and the REST API alike. */
export function retryAfterOf(error: TRPCError): number {
  if (error.code === "SERVICE_UNAVAILABLE") return BUSY_RETRY_AFTER_S;
  if (error.cause instanceof AppError && error.cause.retryAfterS) return error.cause.retryAfterS;
  return 0;
}

/** A 429 in tRPC's response shape (one error per call of a batch), so the client shows the message. */
function tooManyResponse(
  verdict: Extract<RateLimitVerdict, { allowed: false }>,
  calls: number,
  isBatch: boolean,
): Response {
  const { message } = tooManyRequests("Too many requests.", verdict.retryAfterS);
  const error = {
    error: superjson.serialize({ message, code: -32029, data: { code: "TOO_MANY_REQUESTS", httpStatus: 429 } }),
  };
  return Response.json(isBatch ? Array.from({ length: calls }, () => error) : error, {
    status: 429,
    headers: { "retry-after": String(verdict.retryAfterS) },
  });
}
