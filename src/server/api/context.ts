import { randomUUID } from "node:crypto";
import { acceptRequestId } from "@/domain/request-id";
import { isSafeText } from "@/domain/text";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { findSessionActor, sessionCookieName } from "@/server/services/session";
import type { Context } from "./trpc";

/**
 * A cookie's value, or undefined. A value that is not valid percent-encoding (decodeURIComponent throws),
 * or decodes to text the database cannot compare (a NUL byte, a broken character), names no session: the
 * request goes on signed out instead of failing with a 500.
 */
function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    let value: string;
    try {
      value = decodeURIComponent(rest.join("="));
    } catch {
      return undefined;
    }
    return isSafeText(value) ? value : undefined;
  }
  return undefined;
}

/**
 * Builds the tRPC context from request headers: the session cookie names the actor. `requestId`: the id
 * the request was screened with (src/server/request-screen.ts), else the request's (the proxy has vetted
 * it; checked again for callers that bypass it).
 */
export async function createContextFromHeaders(
  headers: Headers,
  requestId = acceptRequestId(headers.get("x-request-id"), randomUUID),
): Promise<Context> {
  const db = getDb();
  const token = readCookie(headers.get("cookie"), sessionCookieName(getEnv().appUrl));
  const actor = await findSessionActor(db, token);
  return { db, actor, requestId, log: logger.child({ requestId, userId: actor?.userId }) };
}
