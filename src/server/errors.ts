// The one error type services throw. The tRPC layer maps it to a transport code in one place
// (src/server/api/trpc.ts); messages are for the user: what went wrong and what to do.

export type AppErrorCode =
  | "UNAUTHORIZED" // no session
  | "NOT_FOUND" // does not exist, or the caller may not know it exists
  | "FORBIDDEN" // exists and visible, but the caller's role may not do this
  | "BAD_REQUEST" // the input breaks a rule
  | "CONFLICT" // the state changed or already is what was asked
  | "TOO_MANY_REQUESTS";

export interface AppErrorDetails {
  /** The input field the error is about (a top-level key of the procedure's input): forms show it there. */
  field?: string;
  /** A stable code for the domain rule that was broken (snake_case), for clients that branch on it. */
  reason?: string;
  /** For TOO_MANY_REQUESTS: seconds until trying again may succeed (sent as Retry-After). */
  retryAfterS?: number;
}

export class AppError extends Error {
  readonly field?: string;
  readonly reason?: string;
  readonly retryAfterS?: number;
  constructor(
    readonly code: AppErrorCode,
    message: string,
    details: AppErrorDetails = {},
  ) {
    super(message);
    this.name = "AppError";
    this.field = details.field;
    this.reason = details.reason;
    this.retryAfterS = details.retryAfterS;
  }
}

/** A rate limit was reached: a 429 with Retry-After, and a message that says when to try again. */
export function tooManyRequests(what: string, retryAfterS: number): AppError {
  const wait = retryAfterS >= 90 ? `${Math.ceil(retryAfterS / 60)} minutes` : `${retryAfterS} seconds`;
  return new AppError("TOO_MANY_REQUESTS", `${what} Try again in ${wait}.`, { reason: "rate_limited", retryAfterS });
}

export const notFound = (what: string) =>
  new AppError("NOT_FOUND", `${what} was not found, or you do not have access to it.`, { reason: "not_found" });
