// How a message leaves: Resend when RESEND_API_KEY is set, otherwise the local dev mailbox (the message
// stays in the outbox table and the dev mail page shows it).
import { Resend } from "resend";
import { parseRetryAfter } from "@/domain/backoff";

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: { filename: string; content: string; contentType?: string }[];
}

export type SendResult =
  | { ok: true; providerId: string | null }
  | { ok: false; permanent: boolean; error: string; retryAfterMs: number | null };

export interface EmailSender {
  readonly transport: "resend" | "dev-mailbox";
  send(message: OutgoingEmail, options: { idempotencyKey: string }): Promise<SendResult>;
}

export class DevMailboxSender implements EmailSender {
  readonly transport = "dev-mailbox" as const;
  async send(): Promise<SendResult> {
    return { ok: true, providerId: null };
  }
}

// Statuses worth another try; any other 4xx means the message itself is wrong and will never pass.
const RETRYABLE_STATUS = new Set([408, 409, 425, 429]);

export class ResendSender implements EmailSender {
  readonly transport = "resend" as const;
  private readonly client: Resend;

  constructor(
    apiKey: string,
    private readonly options: { baseUrl?: string; timeoutMs: number },
  ) {
    this.client = new Resend(apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  }

  async send(message: OutgoingEmail, { idempotencyKey }: { idempotencyKey: string }): Promise<SendResult> {
    try {
      // The SDK never throws for HTTP failures: it returns { error }. A network failure or a timeout has
      // statusCode null. A hung provider is cut off by the signal; the retry reuses the idempotency key.
      const { data, error, headers } = await this.client.emails.send(
        {
          from: message.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          attachments: message.attachments?.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        },
        { idempotencyKey, signal: AbortSignal.timeout(this.options.timeoutMs) },
      );
      if (error) {
        const status = error.statusCode;
        const retryable =
          status === null ||
          status >= 500 ||
          (RETRYABLE_STATUS.has(status) && error.name !== "invalid_idempotent_request");
        return {
          ok: false,
          permanent: !retryable,
          error: `${status ?? "network"} ${error.name}: ${error.message}`,
          retryAfterMs: parseRetryAfter(headers?.["retry-after"], new Date()),
        };
      }
      return { ok: true, providerId: data?.id ?? null };
    } catch (err) {
      return { ok: false, permanent: false, error: `network: ${(err as Error).message}`, retryAfterMs: null };
    }
  }
}
