// prisma/schema.prisma (what the code is generated from) must describe exactly the database the migrations
// build. Prisma replays every migration into a scratch database and diffs the result with the schema
// (prisma/shadow.config.ts explains the adapter it needs offline); `--exit-code` answers 0 for no difference
// and 2 for a difference.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { dropDatabase, recreateDatabase } from "../../../scripts/test-database.mjs";

const root = path.resolve(import.meta.dirname, "../../..");
const run = promisify(execFile);
const scratch = mkdtempSync(path.join(tmpdir(), "loopwise-schema-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Diffs the migrations with a schema file; answers Prisma's exit code and what it printed. */
async function diffWithMigrations(database: string, schemaFile: string) {
  const shadow = await recreateDatabase(database);
  try {
    const { stdout } = await run(
      path.join(root, "node_modules/.bin/prisma"),
      [
        "migrate",
        "diff",
        "--config",
        "prisma/shadow.config.ts",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema-datamodel",
        schemaFile,
        "--exit-code",
      ],
      { cwd: root, env: { ...process.env, PRISMA_SHADOW_URL: shadow }, encoding: "utf8" },
    );
    return { exitCode: 0, output: stdout };
  } catch (err) {
    const { code, stdout, stderr } = err as { code?: unknown; stdout?: string; stderr?: string };
    return { exitCode: code, output: `${stdout ?? ""}${stderr ?? ""}` };
  } finally {
    await dropDatabase(database);
  }
}

describe("prisma/schema.prisma and the migrations", () => {
  it("describe the same database", async () => {
    const { exitCode, output } = await diffWithMigrations("loopwise_test_schema_diff", "prisma/schema.prisma");
    expect(
      exitCode,
      `the schema and the migrations differ; write a migration (npm run db:new-migration):\n${output}`,
    ).toBe(0);
    expect(output).toMatch(/No difference detected/);
  }, 120_000);

  it("a field the migrations never created is a difference", async () => {
    const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const withExtra = schema.replace(/^model Workspace \{\n/m, (head) => `${head}  notMigrated String?\n`);
    expect(withExtra).not.toBe(schema);
    const file = path.join(scratch, "schema.prisma");
    writeFileSync(file, withExtra);
    const { exitCode, output } = await diffWithMigrations("loopwise_test_schema_diff_extra", file);
    expect(exitCode, output).toBe(2);
    expect(output).toMatch(/notMigrated/);
  }, 120_000);
});
