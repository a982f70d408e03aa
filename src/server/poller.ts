// One home for the background workers' polling loop (outbox, calibration, retention, exports): a run after a
// first delay, then the next one an interval after each run ends (never two at once in a process), once per
// process whatever the number of module copies (kept on globalThis), and a stop that waits for the run in hand.
// What a run does and how it reports its work belong to the worker; a run that throws is logged and retried at
// the next interval, never lost.
import { logger } from "@/server/logger";

type Running = { stop: () => Promise<void> };
const state = globalThis as unknown as { __loopwisePollers?: Map<string, Running> };
const pollers = (state.__loopwisePollers ??= new Map<string, Running>());

export type PollerOptions = {
  /** Wait before the first run (a boot's migrations and first requests come first). */
  firstDelayMs: number;
  /** Wait after each run before the next. */
  intervalMs: number;
  /** The log line when a run throws. */
  failure: string;
  /** One run; `stopped()` turns true when a stop is asked for, so a run that loops can end early. */
  run: (stopped: () => boolean) => Promise<void>;
};

/** Starts the named poller unless it already runs in this process; returns whether it started. */
export function startPoller(name: string, options: PollerOptions): boolean {
  if (pollers.has(name)) return false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await options.run(() => stopped);
    } catch (err) {
      logger.error({ err }, options.failure);
    }
    if (!stopped) timer = setTimeout(schedule, options.intervalMs);
  };
  const schedule = () => {
    running = tick();
  };
  timer = setTimeout(schedule, options.firstDelayMs);
  pollers.set(name, {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  });
  return true;
}

/** Stops the named poller and waits for the run in hand to finish. */
export async function stopPoller(name: string): Promise<void> {
  const poller = pollers.get(name);
  pollers.delete(name);
  await poller?.stop();
}
