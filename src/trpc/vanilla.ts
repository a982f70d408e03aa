// The browser's tRPC client (links and superjson): what forms (src/trpc/action.ts) and light reads
// (src/trpc/light-query.ts) load once they have mounted, never part of a page's first load.
import { createTRPCClient, httpBatchLink, loggerLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

export type ApiClient = TRPCClient<AppRouter>;

let client: ApiClient | undefined;

/**
 * The tab's one client. Each call is its own request (a batch of one, well within any TRPC_MAX_BATCH_SIZE):
 * calls are made by separate components at separate moments, so there is nothing to batch.
 */
export function browserActionClient(): ApiClient {
  return (client ??= createTRPCClient<AppRouter>({
    links: [
      loggerLink({
        enabled: (op) =>
          process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error,
      }),
      httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: 1 }),
    ],
  }));
}
