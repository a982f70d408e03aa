// Applies the committed migrations in prisma/migrations. Used at start-up and by `npm run db:migrate`.
// It keeps Prisma's own bookkeeping table (_prisma_migrations, same columns and SHA-256 checksums), so
// `prisma migrate status` agrees with it, and it takes a PostgreSQL advisory lock so several app
// processes starting at once apply each migration exactly once. Writing our own runner also avoids the
// adapter-pg 6.19 bug that breaks `prisma migrate deploy` against a server (prisma/orm#27403).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SqlConnection } from "@/server/db";

// An arbitrary constant that identifies "Loopwise migrations" among advisory locks.
const MIGRATION_LOCK_KEY = 728_431_907;

export function migrationsDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.LOOPWISE_MIGRATIONS_DIR ?? path.join(process.cwd(), "prisma", "migrations"),
  );
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export async function applyMigrations(conn: SqlConnection, dir = migrationsDir()): Promise<MigrationResult> {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) throw new Error(`No migrations folder at ${dir}`);
  const migrations = readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(/*turbopackIgnore: true*/ path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();

  await conn.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await conn.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await conn.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    const applied: string[] = [];
    for (const name of migrations) {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const previous = done.get(name);
      if (previous) {
        if (!previous.finished_at) {
          throw new Error(
            `Migration ${name} started earlier but never finished; inspect the database and fix it by hand.`,
          );
        }
        if (previous.checksum !== checksum) {
          throw new Error(`Migration ${name} was edited after it was applied; add a new migration instead.`);
        }
        continue;
      }
      await conn.exec("BEGIN");
      try {
        await conn.exec(sql);
        await conn.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await conn.exec("COMMIT");
      } catch (err) {
        await conn.exec("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${(err as Error).message}`, { cause: err });
      }
      applied.push(name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await conn.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}
