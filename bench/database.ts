// A fresh, migrated database for a benchmark, and the app's client on it. Set before any module of the app
// is imported (they read DATABASE_URL and the secret when first loaded), so every bench imports the app
// dynamically after awaiting this.
import { recreateDatabase, testDatabaseUrl } from "../scripts/test-database.mjs";

/** `reuse`: the database as an earlier run left it (no drop; migrations still applied, they are idempotent). */
export async function benchDatabase(name: string, { reuse = false }: { reuse?: boolean } = {}) {
  const url = reuse ? testDatabaseUrl(name) : await recreateDatabase(name);
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= "bench-secret-0123456789abcdef0123456789";
  process.env.LOG_LEVEL = "silent";
  const { getDb, connectServer } = await import("../src/server/db");
  const { applyMigrations } = await import("../src/server/db/migrate");
  const conn = await connectServer(url);
  await applyMigrations(conn);
  await conn.close();
  return { url, db: getDb() };
}
