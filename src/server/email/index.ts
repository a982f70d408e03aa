import { getEnv } from "@/server/env";
import { DevMailboxSender, ResendSender, type EmailSender } from "./sender";

export function createSender(): EmailSender {
  const env = getEnv();
  return env.RESEND_API_KEY
    ? new ResendSender(env.RESEND_API_KEY, { baseUrl: env.RESEND_BASE_URL, timeoutMs: env.EMAIL_SEND_TIMEOUT_MS })
    : new DevMailboxSender();
}

/** True when mail is kept in the local dev mailbox instead of being sent. */
export function usesDevMailbox(): boolean {
  return !getEnv().RESEND_API_KEY;
}
