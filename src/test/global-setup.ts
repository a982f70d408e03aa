// Integration tests: one fresh database per run, migrated with the same runner the app uses.
// Tests isolate themselves by creating their own workspaces, so files run in parallel.
import { applyMigrations } from "@/server/db/migrate";
import { connectServer } from "@/server/db";
import { checkServer, recreateDatabase } from "../../scripts/test-database.mjs";

export default async function setup() {
  await checkServer();
  const url = await recreateDatabase("loopwise_test");
  const conn = await connectServer(url);
  try {
    await applyMigrations(conn);
  } finally {
    await conn.close();
  }
}
