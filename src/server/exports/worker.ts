// The export worker: runs queued workspace exports (./run.ts) in the background. It goes where the
// calibration worker goes (its own process against a PostgreSQL server, else the web server); any number may
// run at once (claims are SKIP LOCKED). EXPORT_POLL_MS sets how often it looks for work.
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { runDueExports } from "./run";

const state = globalThis as unknown as { __loopwiseExportWorker?: { stop: () => Promise<void> } };

export function startExportWorker(): void {
  if (state.__loopwiseExportWorker) return;
  const env = getEnv();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      const started = Date.now();
      const report = await runDueExports(getDb(), { max: 5 });
      if (report.succeeded.length || report.failed.length || report.retrying.length)
        logger.info({ exports: report, ms: Date.now() - started }, "workspace exports run");
    } catch (err) {
      logger.error({ err }, "export worker tick failed; will retry");
    }
    if (!stopped)
      timer = setTimeout(() => {
        running = tick();
      }, env.EXPORT_POLL_MS);
  };
  timer = setTimeout(() => {
    running = tick();
  }, 200);
  state.__loopwiseExportWorker = {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Stops polling and waits for the export in hand to finish. */
export async function stopExportWorker(): Promise<void> {
  const worker = state.__loopwiseExportWorker;
  state.__loopwiseExportWorker = undefined;
  await worker?.stop();
}
