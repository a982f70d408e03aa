// The in-process outbox worker: polls for due messages and delivers them. Safe to run in every app
// process at once (claims are SKIP LOCKED); OUTBOX_WORKER=off disables it in a process.
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { createSender } from "./index";
import { processOutbox } from "./outbox";

const state = globalThis as unknown as { __loopwiseWorker?: { stop: () => void } };

export function startOutboxWorker(): void {
  if (state.__loopwiseWorker) return;
  const env = getEnv();
  const sender = createSender();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      for (;;) {
        const report = await processOutbox(getDb(), {
          sender,
          from: env.EMAIL_FROM,
          minIntervalMs: sender.transport === "resend" ? 550 : 0,
        });
        if (report.claimed > 0) logger.info({ outbox: report }, "outbox batch processed");
        if (report.claimed === 0 || stopped) break;
      }
    } catch (err) {
      logger.error({ err }, "outbox worker tick failed; will retry");
    }
    if (!stopped) timer = setTimeout(tick, env.OUTBOX_POLL_MS);
  };
  timer = setTimeout(tick, 50);
  state.__loopwiseWorker = {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
  logger.info({ transport: sender.transport }, "outbox worker started");
}
