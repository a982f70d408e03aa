// Health for load balancers and operators. Anyone learns only whether the app can serve ("ok"/"down");
// the details (mode, uptime, database kind and latency, outbox backlog) are for a workspace owner or a
// monitor holding HEALTH_TOKEN.
import { createHash, timingSafeEqual } from "node:crypto";
import { getDb, type Db } from "@/server/db";
import { getEnv } from "@/server/env";

/**
 * How long the anonymous probe reuses this process's last "up" (a load balancer, or many of them, polling
 * every process must not cost a query each). A failed check is never reused, nor are the details.
 */
export const HEALTH_PROBE_REUSE_MS = 1_000;
let lastUp: { at: number; latencyMs: number } | null = null;

/**
 * One query for the status (none when this process saw the database up within HEALTH_PROBE_REUSE_MS and
 * the caller reads no details); the outbox backlog (a second query) only when the caller may read the
 * details, so the load balancer's probe stays as cheap as it can be.
 */
export async function checkHealth({ details = true }: { details?: boolean } = {}) {
  const env = getEnv();
  const started = Date.now();
  let database: { status: "up" | "down"; latencyMs?: number; error?: string };
  let pending: number | null = null;
  try {
    if (details || !lastUp || started - lastUp.at >= HEALTH_PROBE_REUSE_MS) {
      await getDb().$queryRaw`SELECT 1`;
      lastUp = { at: started, latencyMs: Date.now() - started };
    }
    database = { status: "up", latencyMs: lastUp.latencyMs };
    // Inside the try: the database can go away between the two queries, and health must then say
    // "down" (503), not fail the request.
    if (details) pending = await getDb().emailOutbox.count({ where: { status: { in: ["pending", "sending"] } } });
  } catch (err) {
    lastUp = null;
    database = { status: "down", error: (err as Error).message.slice(0, 200) };
    pending = null;
  }
  return {
    status: database.status === "up" ? ("ok" as const) : ("down" as const),
    app: { mode: env.demo ? "demo" : "deployment", pid: process.pid, uptimeS: Math.round(process.uptime()) },
    database: { ...database, kind: env.database.kind },
    outbox: { pending },
    time: new Date().toISOString(),
  };
}

/** Whether the caller may see the details: `Authorization: Bearer $HEALTH_TOKEN`, or a signed-in owner. */
export async function mayReadHealthDetails(
  db: Db,
  request: { authorization: string | null; userId: string | null },
  token = getEnv().HEALTH_TOKEN,
): Promise<boolean> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.authorization ?? "")?.[1];
  if (bearer && token && sameSecret(bearer, token)) return true;
  if (!request.userId) return false;
  return (await db.membership.count({ where: { userId: request.userId, role: "owner" } })) > 0;
}

function sameSecret(a: string, b: string): boolean {
  // Compared as digests: constant time, whatever the lengths.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
