import "server-only";
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { Opened } from "@/components/opened";
import { describeError } from "@/server/api/trpc";
import { getServerCaller } from "./server";

type ServerCaller = Awaited<ReturnType<typeof getServerCaller>>;

/**
 * Opens an editor's record while its page renders (`await openOnServer((api) => api.scorecard.open(input))`),
 * through the router with the request's session, so access is checked exactly as over HTTP. A refusal becomes
 * the message the editor shows in its place, as the browser's call would have shown it.
 */
export async function openOnServer<T>(open: (api: ServerCaller) => Promise<T>): Promise<Opened<T>> {
  const render = randomUUID();
  try {
    return { render, ok: true, data: await open(await getServerCaller()) };
  } catch (err) {
    if (err instanceof TRPCError) return { render, ok: false, message: describeError(err).message };
    throw err;
  }
}
