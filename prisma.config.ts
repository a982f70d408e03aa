// Prisma CLI configuration. The CLI only generates the client (`postinstall`) and diffs datamodels to
// author migrations (`npm run db:new-migration`). Prisma 6.19 needs a driver adapter and the JS engine to
// run without downloading engine binaries, so the CLI gets a throwaway in-memory PGlite. Migrations are
// applied by src/server/db/migrate.ts (at start-up and by `npm run db:migrate`).
import path from "node:path";
import type { PrismaConfig } from "prisma";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

// The schema's datasource reads DATABASE_URL; any postgresql:// string will do for generation.
process.env.DATABASE_URL ??= "postgresql://localhost/loopwise";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    // pglite-prisma-adapter 0.6.1 bundles older driver-adapter types than prisma 6.19: cast.
    return new PrismaPGlite(new PGlite()) as unknown as never;
  },
} satisfies PrismaConfig;
