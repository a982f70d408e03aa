// The tRPC HTTP endpoint: batch size limit, status codes and headers that tRPC's defaults leave out.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContextFromHeaders } from "@/server/api/context";
import type { Context } from "@/server/api/trpc";
import { getEnv } from "@/server/env";

/** Seconds a client should wait after a 503 (database busy) before trying again. */
export const BUSY_RETRY_AFTER_S = 5;

export function handleTrpcRequest(req: Request, createContext: () => Promise<Context> = () => createContextFromHeaders(req.headers)) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext,
    // One request may not bundle hundreds of calls (it held the database for seconds and failed most).
    maxBatchSize: getEnv().TRPC_MAX_BATCH_SIZE,
    responseMeta({ errors }) {
      const busy = errors.some((e) => e.code === "SERVICE_UNAVAILABLE");
      return busy ? { headers: { "retry-after": String(BUSY_RETRY_AFTER_S) } } : {};
    },
  });
}
