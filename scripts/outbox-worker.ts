// `npm run worker`: the outbox worker on its own, for deployments that keep mail delivery out of the web
// processes (set OUTBOX_WORKER=off there). Any number may run against one database. The schema must be
// migrated already (the app does it at boot, or `npm run db:migrate`). SIGTERM/SIGINT finish the batch in
// hand and exit; a worker killed outright leaves claims that another worker takes over after OUTBOX_CLAIM_MS.
import { startOutboxWorker, stopOutboxWorker } from "@/server/email/worker";
import { runWorkerProcess } from "@/server/worker-process";

runWorkerProcess(startOutboxWorker, stopOutboxWorker);
