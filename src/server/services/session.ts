// Sessions are rows in the database (next-auth's database strategy), so signing out or removing access
// takes effect on the next request.
import { randomBytes } from "node:crypto";
import { driverPool, type Db } from "@/server/db";
import type { Actor } from "./scope";

export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

export function sessionCookieName(appUrl: string): string {
  return appUrl.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export async function findSessionActor(
  db: Db,
  sessionToken: string | undefined,
  now = new Date(),
): Promise<Actor | null> {
  if (!sessionToken) return null;
  // One statement on every request (an include would be two): the session and its user. On a server it is a
  // prepared statement on the pool, without Prisma, whose compile step cost more CPU than the lookup (issue #16).
  // `expires` holds UTC without a zone, as Prisma writes it.
  const values = [sessionToken, now.toISOString()];
  const pool = driverPool(db);
  const rows = pool
    ? (await pool.query<SessionRow>({ name: "session-actor", text: SESSION_ACTOR_SQL, values })).rows
    : await db.$queryRawUnsafe<SessionRow[]>(SESSION_ACTOR_SQL, ...values);
  const row = rows[0];
  return row ? { userId: row.userId, email: row.email, name: row.name, timeZone: row.timeZone } : null;
}

type SessionRow = { userId: string; email: string | null; name: string | null; timeZone: string | null };
const SESSION_ACTOR_SQL = `
  SELECT u."id" AS "userId", u."email", u."name", u."timeZone"
  FROM "sessions" s JOIN "users" u ON u."id" = s."userId"
  WHERE s."sessionToken" = $1 AND s."expires" > $2::timestamp`;

/** Issues a database session for a user (the demo sign-in). */
export async function createSessionFor(db: Db, userId: string, now = new Date()) {
  const sessionToken = randomBytes(32).toString("hex");
  const expires = new Date(now.getTime() + SESSION_MAX_AGE_S * 1000);
  await db.session.create({ data: { sessionToken, userId, expires } });
  return { sessionToken, expires };
}
