// A fresh, migrated database for a benchmark, and the app's client on it. Set before any module of the app
// is imported (they read DATABASE_URL and the secret when first loaded), so every bench imports the app
// dynamically after awaiting this.
import { recreateDatabase } from "../scripts/test-database.mjs";

export async function benchDatabase(name: string) {
  const url = await recreateDatabase(name);
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
