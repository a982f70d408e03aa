// The in-process calibration worker: refits a workspace's cohort in the background after its ratings
// change (src/server/services/cohort-fit.ts), so no request ever fits. Safe in every app process at once
// (claims are SKIP LOCKED); CALIBRATION_WORKER=off disables it in a process.
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { startPoller, stopPoller } from "@/server/poller";
import { runDueCohortFits } from "@/server/services/cohort-fit";

export function startCalibrationWorker(): void {
  const started = startPoller("calibration", {
    firstDelayMs: 100,
    intervalMs: getEnv().CALIBRATION_POLL_MS,
    failure: "calibration worker tick failed; will retry",
    run: async () => {
      const started = Date.now();
      const report = await runDueCohortFits(getDb(), { max: 10 });
      if (report.fitted.length || report.failed.length)
        logger.info({ calibration: report, ms: Date.now() - started }, "cohort fits refreshed");
      if (report.failed.length)
        logger.error({ workspaces: report.failed }, "cohort fit failed; will retry with backoff");
    },
  });
  if (started) logger.info("calibration worker started");
}

/** Stops polling and waits for the fit in hand to finish. */
export const stopCalibrationWorker = () => stopPoller("calibration");
