// The one error type services throw. The tRPC layer maps it to a transport code in one place
// (src/server/api/trpc.ts); messages are for the user: what went wrong and what to do.

export type AppErrorCode =
  | "UNAUTHORIZED" // no session
  | "NOT_FOUND" // does not exist, or the caller may not know it exists
  | "FORBIDDEN" // exists and visible, but the caller's role may not do this
  | "BAD_REQUEST" // the input breaks a rule
  | "CONFLICT" // the state changed or already is what was asked
  | "TOO_MANY_REQUESTS";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** For TOO_MANY_REQUESTS: seconds until trying again may succeed (sent as Retry-After). */
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** A rate limit was reached: a 429 with Retry-After, and a message that says when to try again. */
export function tooManyRequests(what: string, retryAfterS: number): AppError {
  const wait = retryAfterS >= 90 ? `${Math.ceil(retryAfterS / 60)} minutes` : `${retryAfterS} seconds`;
  return new AppError("TOO_MANY_REQUESTS", `${what} Try again in ${wait}.`, retryAfterS);
}

export const notFound = (what: string) =>
  new AppError("NOT_FOUND", `${what} was not found, or you do not have access to it.`);
