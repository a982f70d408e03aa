// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql from the
// difference between the schema as of the last migration (prisma/migrations/schema-snapshot.prisma) and
// prisma/schema.prisma. It diffs two datamodels, so it needs no database and no engine download (the
// PGlite adapter cannot run a shadow database for `prisma migrate dev`).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>, e.g. add_rubrics");
  process.exit(2);
}
const snapshot = path.join(root, "prisma/migrations/schema-snapshot.prisma");
const schema = path.join(root, "prisma/schema.prisma");
const sql = execFileSync(
  path.join(root, "node_modules/.bin/prisma"),
  ["migrate", "diff", "--from-schema-datamodel", snapshot, "--to-schema-datamodel", schema, "--script"],
  { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
  console.log("The schema has not changed since the last migration; nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, "prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
copyFileSync(schema, snapshot);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql; review it and commit it with the schema.`);
