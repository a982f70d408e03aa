import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createContextFromHeaders } from "@/server/api/context";
import { createCaller } from "@/server/api/root";

/** The context of the current request, for React Server Components (one per request). */
export const getRequestContext = cache(async () => createContextFromHeaders(new Headers(await headers())));

/** A server-side caller of the app router, with the current request's session. */
export const getServerCaller = cache(async () => createCaller(await getRequestContext()));
