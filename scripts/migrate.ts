// `npm run db:migrate`: applies prisma/migrations to the database named by DATABASE_URL (or the
// embedded one). Safe to run while the app runs; migrations are advisory-locked.
import { openSqlConnection } from "@/server/db";
import { applyMigrations } from "@/server/db/migrate";
import { databaseConfig } from "@/server/env";

const database = databaseConfig();
const conn = await openSqlConnection();
try {
  const result = await applyMigrations(conn);
  console.log(
    `Database (${database.kind}): applied ${result.applied.length} migration(s)` +
      (result.applied.length ? `: ${result.applied.join(", ")}` : "") +
      `; ${result.alreadyApplied} already applied.`,
  );
} catch (err) {
  console.error(`Migration failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await conn.close();
}
process.exit();
