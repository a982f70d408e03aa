// Start-up: validate the environment, apply migrations (advisory-locked, so several processes may boot at
// once), seed demo data in demo mode, start the outbox and calibration workers. Called from src/instrumentation.ts.
import { getDb, openSqlConnection } from "@/server/db";
import { applyMigrations } from "@/server/db/migrate";
import { startCalibrationWorker } from "@/server/calibration/worker";
import { startRetentionWorker } from "@/server/retention/worker";
import { startExportWorker } from "@/server/exports/worker";
import { startOutboxWorker } from "@/server/email/worker";
import { EnvError, getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { installEarlyAnswers } from "@/server/early-answers";
import { recordPeerAddresses } from "@/server/peer-address";
import { DEMO_USERS, seedDemoData } from "@/server/services/demo";
import { backfillLibraries } from "@/server/services/library";

export async function boot(): Promise<void> {
  // Before anything else: requests that arrive while migrations run must carry their peer address too.
  recordPeerAddresses();
  installEarlyAnswers();
  let env;
  try {
    env = getEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(`\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const started = Date.now();
  const conn = await openSqlConnection();
  try {
    const result = await applyMigrations(conn);
    logger.info(
      { applied: result.applied, alreadyApplied: result.alreadyApplied, database: env.database.kind },
      "migrations up to date",
    );
  } finally {
    await conn.close();
  }
  const backfilled = await backfillLibraries(getDb());
  if (backfilled) logger.info({ workspaces: backfilled }, "seeded the rubric library into existing workspaces");
  if (env.demo) {
    const { created } = await seedDemoData(getDb());
    logger.info({ created }, "demo data ready");
  }
  if (env.OUTBOX_WORKER !== false) startOutboxWorker();
  if (env.CALIBRATION_WORKER !== false) {
    startCalibrationWorker();
    // The other background jobs on the database go where the calibration worker goes.
    startRetentionWorker();
    startExportWorker();
  }
  logger.info(
    { ms: Date.now() - started, mode: env.demo ? "demo" : "deployment", database: env.database.kind },
    "loopwise ready",
  );
  if (env.demo) {
    const lines = [
      "",
      `  Loopwise is running in demo mode at ${env.appUrl}`,
      `  Sign in at ${env.appUrl}/sign-in and pick a demo user:`,
      ...DEMO_USERS.map((u) => `    - ${u.name} <${u.email}>: ${u.blurb}`),
      `  Or sign in with any email: the link appears at ${env.appUrl}/dev/mail`,
      "  (Demo sign-in and the dev mailbox answer only requests from this machine.)",
      "",
    ];
    console.log(lines.join("\n"));
  }
}
