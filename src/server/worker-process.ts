// A background worker as a process of its own (scripts/outbox-worker.ts, scripts/calibration-worker.ts):
// checks the environment (exits with the message when it is invalid), starts the worker, and on SIGTERM or
// SIGINT lets the work in hand finish, closes the database and exits.
import { getDb } from "@/server/db";
import { EnvError, getEnv } from "@/server/env";

export function runWorkerProcess(start: () => void, stop: () => Promise<void>): void {
  try {
    getEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(`\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  start();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void stop()
        .then(() => getDb().$disconnect())
        .finally(() => process.exit(0));
    });
  }
}
