import type { ReactNode } from "react";
import { maxBatchSize } from "./batch-size";
import { TRPCReactProvider } from "./provider";

/**
 * The browser's data layer (react-query, the tRPC client and superjson: ~25 KiB gzip), mounted by the pages
 * whose components use it (HydrateClient mounts it around what a page prefetched; a page with data hooks and
 * nothing to prefetch wraps itself), not by a layout, so pages without data hooks do not load it. Every
 * page's provider shares the tab's one cache (src/trpc/client.ts).
 */
export function DataLayer({ children }: { children: ReactNode }) {
  return <TRPCReactProvider maxBatchSize={maxBatchSize()}>{children}</TRPCReactProvider>;
}
