"use client";

import { MutationCache, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, loggerLink } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import { toast } from "@/components/toast";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** What each procedure answers, for components that take a query's data as a prop. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

declare module "@tanstack/react-query" {
  interface Register {
    mutationMeta: {
      /** false: the mutation shows its own errors (inline), so the default error toast stays away. */
      errorToast?: boolean;
    };
  }
}

/** For a mutation that shows its errors itself: `mutationOptions({ meta: ownErrors, onError })`. */
export const ownErrors = { errorToast: false } as const;

/** One error policy for every mutation: what the server said, as a toast (forms also show field errors next
 * to their fields, src/components/errors.ts). Query errors are shown where the data would be. */
function makeBrowserQueryClient() {
  return makeQueryClient({
    mutationCache: new MutationCache({
      onError: (err, _variables, _context, mutation) => {
        if (mutation.meta?.errorToast === false) return;
        toast.error(err.message);
      },
    }),
  });
}

/** `maxBatchSize` is the server's TRPC_MAX_BATCH_SIZE: a larger batch would be refused. */
export function TRPCReactProvider({ children, maxBatchSize }: { children: ReactNode; maxBatchSize: number }) {
  const [queryClient] = useState(makeBrowserQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({
          enabled: (op) =>
            process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error,
        }),
        httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: maxBatchSize }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
