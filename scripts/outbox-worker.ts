// `npm run worker`: the outbox worker on its own, for deployments that keep mail delivery out of the web
// processes (set OUTBOX_WORKER=off there). Any number may run against one database. The schema must be
// migrated already (the app does it at boot, or `npm run db:migrate`). SIGTERM/SIGINT finish the batch in
// hand and exit; a worker killed outright leaves claims that another worker takes over after OUTBOX_CLAIM_MS.
import { getDb } from "@/server/db";
import { startOutboxWorker, stopOutboxWorker } from "@/server/email/worker";
import { EnvError, getEnv } from "@/server/env";

try {
  getEnv();
} catch (err) {
  if (err instanceof EnvError) {
    console.error(`\n${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
startOutboxWorker();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stopOutboxWorker()
      .then(() => getDb().$disconnect())
      .finally(() => process.exit(0));
  });
}
