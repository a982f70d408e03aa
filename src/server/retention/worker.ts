// The retention job (docs/privacy.md): once an hour, erases the personal data of candidates whose
// workspace's retention period has passed since their last loop (src/server/services/retention.ts), and
// deletes webhook attempts older than their retention period (src/server/webhooks/attempts.ts). Runs
// wherever the calibration worker runs (its own process against a PostgreSQL server, else the web server);
// several at once are safe, since an erasure locks the workspace and skips a candidate already erased.
import { getDb } from "@/server/db";
import { logger } from "@/server/logger";
import { startPoller, stopPoller } from "@/server/poller";
import { purgeExpiredCandidates } from "@/server/services/retention";
import { purgeOldWebhookAttempts } from "@/server/webhooks/attempts";

/** How often the job looks for candidates due; retention is counted in months, so hourly is plenty. */
export const RETENTION_INTERVAL_MS = 60 * 60_000;

export function startRetentionWorker(): void {
  startPoller("retention", {
    // A minute after start, so a boot's migrations and first requests come first.
    firstDelayMs: 60_000,
    intervalMs: RETENTION_INTERVAL_MS,
    failure: "retention job failed; will retry",
    run: async () => {
      try {
        const report = await purgeExpiredCandidates(getDb());
        if (report.erased || report.failed) logger.info({ retention: report }, "retention: candidates' data erased");
      } catch (err) {
        logger.error({ err }, "retention job failed; will retry");
      }
      // The attempts' purge runs even when the erasures failed.
      const attempts = await purgeOldWebhookAttempts(getDb());
      if (attempts) logger.info({ attempts }, "retention: old webhook attempts deleted");
    },
  });
}

/** Stops the job and waits for the run in hand to finish. */
export const stopRetentionWorker = () => stopPoller("retention");
