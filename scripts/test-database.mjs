// Where the tests find PostgreSQL: TEST_DATABASE_URL (a server URL; its database name is replaced per
// suite), else the local server on 127.0.0.1:5432 as user postgres.
import pg from "pg";

export function serverUrl() {
  return process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

/** LOOPWISE_TEST_DB_SUFFIX lets two checkouts run their suites against one server at the same time. */
export function testDatabaseName(name) {
  return `${name}${process.env.LOOPWISE_TEST_DB_SUFFIX ?? ""}`;
}

export function testDatabaseUrl(name) {
  const url = new URL(serverUrl());
  url.pathname = `/${testDatabaseName(name)}`;
  return url.toString();
}

/** Drops and recreates a database for one suite, so every run starts clean. */
export async function recreateDatabase(baseName) {
  const name = testDatabaseName(baseName);
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return testDatabaseUrl(baseName);
}

/** Resolves when the server answers, or rejects with an instruction a person can follow. */
export async function checkServer() {
  const client = new pg.Client({ connectionString: serverUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    throw new Error(
      `Cannot reach PostgreSQL at ${serverUrl().replace(/:[^:@/]*@/, ":***@")} (${err.message}).\n` +
        "  Start a local server (e.g. `pg_ctlcluster 15 main start` on Debian), or set TEST_DATABASE_URL to\n" +
        "  a server where this user may create databases, e.g. postgresql://postgres@127.0.0.1:5432/postgres",
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Drops a database made by recreateDatabase (for suites that leave nothing behind). */
export async function dropDatabase(baseName) {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${testDatabaseName(baseName)}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
