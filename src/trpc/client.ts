// The browser's tRPC client and query cache, one of each per tab. Pages mount the data layer themselves
// (src/trpc/data-layer.tsx), so each page's provider finds the same cache the previous page filled, and code
// without a provider (the zone detector) can call the same client after importing this module on demand.
import { MutationCache, type QueryClient } from "@tanstack/react-query";
import type { TRPCClient } from "@trpc/client";
import { toast } from "@/components/toast";
import type { AppRouter } from "@/server/api/root";
import { makeQueryClient } from "./query-client";
import { makeTRPCClient } from "./vanilla";

let queryClient: QueryClient | undefined;
let trpcClient: TRPCClient<AppRouter> | undefined;

/** One error policy for every mutation: what the server said, as a toast (forms also show field errors next
 * to their fields, src/components/errors.ts). Query errors are shown where the data would be. */
export function browserQueryClient(): QueryClient {
  return (queryClient ??= makeQueryClient({
    mutationCache: new MutationCache({
      onError: (err, _variables, _context, mutation) => {
        if (mutation.meta?.errorToast === false) return;
        toast.error(err.message);
      },
    }),
  }));
}

/** `maxBatchSize` is the server's TRPC_MAX_BATCH_SIZE: a larger batch would be refused. */
export function browserTRPCClient(maxBatchSize: number): TRPCClient<AppRouter> {
  return (trpcClient ??= makeTRPCClient(maxBatchSize));
}
