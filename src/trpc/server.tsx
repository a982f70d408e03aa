import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { cache } from "react";
import { createContextFromHeaders } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import type { Served } from "./light-query";

/** The context of the current request, for React Server Components (one per request). */
export const getRequestContext = cache(async () => createContextFromHeaders(new Headers(await headers())));

/** A server-side caller of the app router, with the current request's session. */
export const getServerCaller = cache(async () => createCaller(await getRequestContext()));

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
    return { input, data: await procedure(await getServerCaller())(input), render: randomUUID() };
  } catch {
    return null;
  }
}
