// The export worker: runs queued workspace exports (./run.ts) in the background. It goes where the
// calibration worker goes (its own process against a PostgreSQL server, else the web server); any number may
// run at once (claims are SKIP LOCKED). EXPORT_POLL_MS sets how often it looks for work.
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { startPoller, stopPoller } from "@/server/poller";
import { runDueExports } from "./run";

export function startExportWorker(): void {
  startPoller("exports", {
    firstDelayMs: 200,
    intervalMs: getEnv().EXPORT_POLL_MS,
    failure: "export worker tick failed; will retry",
    run: async () => {
      const started = Date.now();
      const report = await runDueExports(getDb(), { max: 5 });
      if (report.succeeded.length || report.failed.length || report.retrying.length)
        logger.info({ exports: report, ms: Date.now() - started }, "workspace exports run");
    },
  });
}

/** Stops polling and waits for the export in hand to finish. */
export const stopExportWorker = () => stopPoller("exports");
