// The tRPC client on its own (links and superjson, no react-query): what the data layer's provider uses, and
// what forms without data hooks load when they first need the server (src/trpc/action.ts).
import { createTRPCClient, httpBatchLink, loggerLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

export type ApiClient = TRPCClient<AppRouter>;

/** `maxBatchSize` is the server's TRPC_MAX_BATCH_SIZE: a larger batch would be refused. */
export function makeTRPCClient(maxBatchSize: number): ApiClient {
  return createTRPCClient<AppRouter>({
    links: [
      loggerLink({
        enabled: (op) =>
          process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error,
      }),
      httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: maxBatchSize }),
    ],
  });
}

let actionClient: ApiClient | undefined;

/**
 * The tab's client for single calls made by forms (src/trpc/action.ts): each call is one request, so it
 * never batches more than one (well within any TRPC_MAX_BATCH_SIZE).
 */
export function browserActionClient(): ApiClient {
  return (actionClient ??= makeTRPCClient(1));
}
