// The calibration worker on its own process: refits workspaces' cohorts in the background
// (src/server/services/cohort-fit.ts), so a fit (seconds for a large cohort) never holds up the event loop
// that serves pages. `npm start` runs one beside the web server when DATABASE_URL names a PostgreSQL server;
// any number may run against one database (claims are SKIP LOCKED). The schema must be migrated (the app
// does it at boot); until it is, ticks fail and are retried. SIGTERM/SIGINT finish the fit in hand and exit.
// The retention job (src/server/retention/worker.ts) and the export worker (src/server/exports/worker.ts) run
// here too: the process for background database work.
import { startCalibrationWorker, stopCalibrationWorker } from "@/server/calibration/worker";
import { startPassThreads } from "@/server/calibration/threads";
import { logger } from "@/server/logger";
import { startRetentionWorker, stopRetentionWorker } from "@/server/retention/worker";
import { startExportWorker, stopExportWorker } from "@/server/exports/worker";
import { runWorkerProcess } from "@/server/worker-process";

runWorkerProcess(
  () => {
    // Large fits run half of each pass on a second thread (src/server/calibration/threads.ts).
    startPassThreads((error) => logger.error({ err: error }, "calibration's second thread failed; fits run on one"));
    startCalibrationWorker();
    startRetentionWorker();
    startExportWorker();
  },
  () => Promise.all([stopCalibrationWorker(), stopRetentionWorker(), stopExportWorker()]).then(() => undefined),
);
