import { describe, expect, it } from "vitest";
import { connectServer } from "@/server/db";
import { applyMigrations, migrationsDir } from "./migrate";
import { recreateDatabase } from "../../../scripts/test-database.mjs";
import { readdirSync } from "node:fs";

describe("migrations", () => {
  it("apply exactly once when several processes start at the same moment", async () => {
    const url = await recreateDatabase("loopwise_test_migrate");
    const conns = await Promise.all([1, 2, 3, 4].map(() => connectServer(url)));
    try {
      const results = await Promise.all(conns.map((c) => applyMigrations(c)));
      const total = readdirSync(migrationsDir(), { withFileTypes: true }).filter((d) => d.isDirectory()).length;
      expect(results.reduce((n, r) => n + r.applied.length, 0)).toBe(total);
      const { rows } = await conns[0]!.query<{ n: string }>(`SELECT count(*) AS n FROM "_prisma_migrations"`);
      expect(Number(rows[0]!.n)).toBe(total);
      // Running again is a no-op.
      expect((await applyMigrations(conns[1]!)).applied).toEqual([]);
    } finally {
      await Promise.all(conns.map((c) => c.close()));
    }
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const url = await recreateDatabase("loopwise_test_migrate_edit");
    const conn = await connectServer(url);
    try {
      await applyMigrations(conn);
      await conn.query(`UPDATE "_prisma_migrations" SET checksum = 'tampered'`);
      await expect(applyMigrations(conn)).rejects.toThrow(/edited after it was applied/);
    } finally {
      await conn.close();
    }
  });
});
