import "server-only";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { createContextFromHeaders } from "@/server/api/context";
import { appRouter, createCaller } from "@/server/api/root";
import { makeQueryClient } from "./query-client";
import type { Served } from "./light-query";

/** The context of the current request, for React Server Components (one per request). */
export const getRequestContext = cache(async () => createContextFromHeaders(new Headers(await headers())));

/** A server-side caller of the app router, with the current request's session. */
export const getServerCaller = cache(async () => createCaller(await getRequestContext()));

/** One QueryClient per request: what a page prefetches is sent to that page's browser only. */
export const getQueryClient = cache(() => makeQueryClient());

/**
 * The same options as `useTRPC()` in client components, for prefetching in server components:
 * `await getQueryClient().prefetchQuery(trpc.loop.board.queryOptions(input))`. Each call goes through the
 * router with the request's context, so its procedure checks access exactly as over HTTP; a call that fails
 * is not sent, and the client component fetches it and shows the error as before.
 */
export const trpc = createTRPCOptionsProxy({ router: appRouter, ctx: getRequestContext, queryClient: getQueryClient });

type ServerCaller = Awaited<ReturnType<typeof getServerCaller>>;

/**
 * A light component's first view (src/trpc/light-query.ts), read while the page renders:
 * `await serve(input, (api) => api.audit.list)`. The call checks access exactly as over HTTP; one that fails
 * gives null, and the component reads it from the browser and shows the error where the data would be.
 */
export async function serve<TInput, TOutput>(
  input: TInput,
  procedure: (api: ServerCaller) => (input: TInput) => Promise<TOutput>,
): Promise<Served<TInput, TOutput> | null> {
  try {
    return { input, data: await procedure(await getServerCaller())(input) };
  } catch {
    return null;
  }
}
