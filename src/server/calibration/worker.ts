// The in-process calibration worker: refits a workspace's cohort in the background after its ratings
// change (src/server/services/cohort-fit.ts), so no request ever fits. Safe in every app process at once
// (claims are SKIP LOCKED); CALIBRATION_WORKER=off disables it in a process.
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { runDueCohortFits } from "@/server/services/cohort-fit";

const state = globalThis as unknown as { __loopwiseCalibrationWorker?: { stop: () => Promise<void> } };

export function startCalibrationWorker(): void {
  if (state.__loopwiseCalibrationWorker) return;
  const env = getEnv();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      const started = Date.now();
      const report = await runDueCohortFits(getDb(), { max: 10 });
      if (report.fitted.length || report.failed.length)
        logger.info({ calibration: report, ms: Date.now() - started }, "cohort fits refreshed");
      if (report.failed.length)
        logger.error({ workspaces: report.failed }, "cohort fit failed; will retry with backoff");
    } catch (err) {
      logger.error({ err }, "calibration worker tick failed; will retry");
    }
    if (!stopped)
      timer = setTimeout(() => {
        running = tick();
      }, env.CALIBRATION_POLL_MS);
  };
  timer = setTimeout(() => {
    running = tick();
  }, 100);
  state.__loopwiseCalibrationWorker = {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
  logger.info("calibration worker started");
}

/** Stops polling and waits for the fit in hand to finish. */
export async function stopCalibrationWorker(): Promise<void> {
  const worker = state.__loopwiseCalibrationWorker;
  state.__loopwiseCalibrationWorker = undefined;
  await worker?.stop();
}
