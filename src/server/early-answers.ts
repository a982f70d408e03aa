// What the app answers before Next.js: the load balancer's anonymous probe (src/server/health-probe.ts) and
// the tRPC calls (src/server/api/early-endpoint.ts). The app's server (scripts/server.mjs) offers every
// request to the handler installed here first; it cannot import the app's TypeScript, so the handler waits
// under a global name. Anything else, and every request before boot installed it, goes on to Next.js.
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerTrpcEarly } from "@/server/api/early-endpoint";
import { answerHealthProbe } from "@/server/health-probe";

/** Where scripts/server.mjs looks for the handler. */
export const EARLY_ANSWER_KEY = "__loopwiseAnswerEarly";

/** True when the request was answered (or is being answered) here: then Next.js must not see it. */
export type EarlyAnswer = (req: IncomingMessage, res: ServerResponse) => boolean;

export const answerEarly: EarlyAnswer = (req, res) => answerHealthProbe(req, res) || answerTrpcEarly(req, res);

/** Called once at boot (src/server/boot.ts). */
export function installEarlyAnswers(): void {
  (globalThis as Record<string, unknown>)[EARLY_ANSWER_KEY] = answerEarly;
}
