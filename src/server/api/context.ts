import { randomUUID } from "node:crypto";
import { acceptRequestId } from "@/domain/request-id";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { findSessionActor, sessionCookieName } from "@/server/services/session";
import type { Context } from "./trpc";

function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** Builds the tRPC context from request headers: the session cookie names the actor. */
export async function createContextFromHeaders(headers: Headers): Promise<Context> {
  const db = getDb();
  // The proxy has already vetted the id; checked again for callers that bypass it.
  const requestId = acceptRequestId(headers.get("x-request-id"), randomUUID);
  const token = readCookie(headers.get("cookie"), sessionCookieName(getEnv().appUrl));
  const actor = await findSessionActor(db, token);
  return { db, actor, requestId, log: logger.child({ requestId, userId: actor?.userId }) };
}
