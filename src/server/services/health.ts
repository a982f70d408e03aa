import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";

export async function checkHealth() {
  const env = getEnv();
  const started = Date.now();
  let database: { status: "up" | "down"; latencyMs?: number; error?: string };
  try {
    await getDb().$queryRaw`SELECT 1`;
    database = { status: "up", latencyMs: Date.now() - started };
  } catch (err) {
    database = { status: "down", error: (err as Error).message.slice(0, 200) };
  }
  const pending = database.status === "up" ? await getDb().emailOutbox.count({ where: { status: { in: ["pending", "sending"] } } }) : null;
  return {
    status: database.status === "up" ? ("ok" as const) : ("degraded" as const),
    app: { mode: env.demo ? "demo" : "deployment", uptimeS: Math.round(process.uptime()) },
    database: { ...database, kind: env.database.kind },
    outbox: { pending },
    time: new Date().toISOString(),
  };
}
