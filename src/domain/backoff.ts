// Retry timing for outbound deliveries: exponential backoff with full jitter, capped, and honouring a
// provider's Retry-After when it asks for longer.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 60 * 60_000 };

/**
 * Delay before attempt number `attempt + 1`, after `attempt` failed attempts (attempt ≥ 1).
 * `random` is in [0, 1); passing it keeps the function pure and testable.
 */
export function retryDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: number,
  retryAfterMs?: number | null,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half jitter: never retries immediately, spreads a burst of failures.
  const delay = Math.round(ceiling / 2 + (ceiling / 2) * random);
  return Math.max(delay, retryAfterMs ?? 0);
}

/** Parses an HTTP Retry-After value (seconds or an HTTP date) relative to `now`. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now.getTime());
}

/**
 * What follows a failed attempt of a queued delivery (an email, a webhook): give up (`dead`) when the
 * failure is permanent or the attempts are used up, else try again after the backoff delay.
 */
export function afterFailure(
  failure: { attempts: number; maxAttempts: number; permanent?: boolean; retryAfterMs?: number | null },
  policy: BackoffPolicy,
  random: number,
  now: Date,
): { dead: true } | { dead: false; nextAttemptAt: Date } {
  if (failure.permanent || failure.attempts >= failure.maxAttempts) return { dead: true };
  return {
    dead: false,
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(failure.attempts, policy, random, failure.retryAfterMs)),
  };
}
