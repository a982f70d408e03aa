import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { DataLayer } from "./data-layer";
import { getQueryClient } from "./server";

/**
 * Mounts the data layer and hands it what this request prefetched, for the client components below it. Apart
 * from @/trpc/server, which every signed-in page reaches through the session: a module a page's server code
 * imports puts the client components it imports into that page's first load, whether rendered or not.
 */
export function HydrateClient({ children }: { children: ReactNode }) {
  return (
    <DataLayer>
      <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>
    </DataLayer>
  );
}
