// The in-process outbox worker: polls for due messages and webhook deliveries and delivers them (the two
// queues side by side, so a slow webhook receiver never holds up mail). Safe to run in every app process at
// once (claims are SKIP LOCKED); OUTBOX_WORKER=off disables it in a process, and scripts/outbox-worker.ts
// runs it on its own.
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { startPoller, stopPoller } from "@/server/poller";
import { createSender } from "./index";
import { processWebhooks } from "@/server/webhooks/delivery";
import { processOutbox } from "./outbox";

export function startOutboxWorker(): void {
  const env = getEnv();
  const sender = createSender();
  const started = startPoller("outbox", {
    firstDelayMs: 50,
    intervalMs: env.OUTBOX_POLL_MS,
    failure: "outbox worker tick failed; will retry",
    // Batch after batch while there is work, then wait for the next poll.
    run: async (stopped) => {
      for (;;) {
        const [report, webhooks] = await Promise.all([
          processOutbox(getDb(), {
            sender,
            from: env.EMAIL_FROM,
            claimMs: env.OUTBOX_CLAIM_MS,
            batchSize: env.OUTBOX_BATCH_SIZE,
            backoff: { baseMs: env.OUTBOX_BACKOFF_BASE_MS, maxMs: env.OUTBOX_BACKOFF_MAX_MS },
            minIntervalMs: sender.transport === "resend" ? env.OUTBOX_MIN_INTERVAL_MS : 0,
          }),
          processWebhooks(getDb(), { claimMs: env.OUTBOX_CLAIM_MS, batchSize: env.OUTBOX_BATCH_SIZE }),
        ]);
        if (report.claimed > 0) logger.info({ outbox: report }, "outbox batch processed");
        if (webhooks.claimed > 0) logger.info({ webhooks }, "webhook batch processed");
        if ((report.claimed === 0 && webhooks.claimed === 0) || stopped()) break;
      }
    },
  });
  if (started) logger.info({ transport: sender.transport }, "outbox worker started");
}

/** Stops polling and waits for the batch in hand to finish (its claims are then released or done). */
export const stopOutboxWorker = () => stopPoller("outbox");
