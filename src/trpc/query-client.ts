// One QueryClient configuration for the browser and for the server's prefetching, so data prefetched in a
// server component hydrates into the same cache entries the client components read (superjson carries
// Dates across, as on the wire).
import { QueryClient, type QueryClientConfig } from "@tanstack/react-query";
import superjson from "superjson";

function isClientError(err: unknown): boolean {
  const code = (err as { data?: { httpStatus?: number } })?.data?.httpStatus;
  return typeof code === "number" && code >= 400 && code < 500;
}

export function makeQueryClient(config: Pick<QueryClientConfig, "mutationCache"> = {}) {
  return new QueryClient({
    ...config,
    defaultOptions: {
      // Prefetched data is fresh for 15 s, so the client does not fetch it again right after hydrating.
      queries: { staleTime: 15_000, retry: (count, err) => count < 2 && !isClientError(err) },
      dehydrate: { serializeData: superjson.serialize },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
