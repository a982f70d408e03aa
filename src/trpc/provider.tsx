"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { browserQueryClient, browserTRPCClient } from "./client";
import { makeTRPCClient } from "./vanilla";
import { makeQueryClient } from "./query-client";
import { TRPCProvider } from "./react";

/** `maxBatchSize` is the server's TRPC_MAX_BATCH_SIZE: a larger batch would be refused. */
export function TRPCReactProvider({ children, maxBatchSize }: { children: ReactNode; maxBatchSize: number }) {
  // In the browser, the tab's one cache and client; on the server, one per render (never shared by requests).
  const server = typeof window === "undefined";
  const [queryClient] = useState(() => (server ? makeQueryClient() : browserQueryClient()));
  const [trpcClient] = useState(() => (server ? makeTRPCClient(maxBatchSize) : browserTRPCClient(maxBatchSize)));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
