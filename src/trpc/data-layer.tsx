import type { ReactNode } from "react";
import { getEnv } from "@/server/env";
import { TRPCReactProvider } from "./react";

/**
 * The browser's data layer (react-query, the tRPC client and superjson: ~25 KiB gzip), mounted by the layouts
 * whose pages use it (/w, /invite) rather than the root layout, so pages without it (home, sign-in, docs, not
 * found) do not load it.
 */
export function DataLayer({ children }: { children: ReactNode }) {
  // The server's TRPC_MAX_BATCH_SIZE: a larger batch would be refused.
  const { TRPC_MAX_BATCH_SIZE } = getEnv();
  return <TRPCReactProvider maxBatchSize={TRPC_MAX_BATCH_SIZE}>{children}</TRPCReactProvider>;
}
