// The migrations are written from the difference between prisma/schema.prisma and the snapshot of the
// schema as of the last migration (`npm run db:new-migration`). If the two differ, someone changed the
// schema without writing its migration, and a real database would not match the code.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

describe("schema and migrations", () => {
  it("prisma/schema.prisma is exactly the schema of the last migration", () => {
    const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const snapshot = readFileSync(path.join(root, "prisma/migrations/schema-snapshot.prisma"), "utf8");
    expect(
      schema === snapshot,
      "prisma/schema.prisma changed without a migration: run `npm run db:new-migration -- <name>`",
    ).toBe(true);
  });
});
