// Prisma CLI configuration. The CLI is used only to generate the client and to author migrations
// (`npm run db:diff`); applying migrations is done by src/server/db/migrate.ts at start-up and by
// `npm run db:migrate`, so no engine binary is ever downloaded.
import path from "node:path";
import { mkdirSync } from "node:fs";
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
    // Migrations are authored against a scratch embedded database.
    const dir = path.join(".loopwise-data", "prisma-cli");
    mkdirSync(dir, { recursive: true });
    // pglite-prisma-adapter 0.6.1 bundles older driver-adapter types than prisma 6.19: cast.
    return new PrismaPGlite(new PGlite(dir)) as unknown as never;
  },
} satisfies PrismaConfig;
