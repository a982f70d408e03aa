// One HTTP POST of a webhook, with a hard time limit on the whole exchange and, in production, a check of
// the address the connection actually goes to: the URL's host is resolved inside the request (the `lookup`
// hook), and a private, loopback or link-local address fails the attempt. Checking the name once at
// registration would not be enough: DNS can answer differently later (rebinding). Redirects are not
// followed (a 3xx counts as a failure), for the same reason.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isPrivateAddress } from "@/domain/webhook-url";
import { ATTEMPT_EXCERPT_CHARS, type WebhookErrorClass } from "@/domain/webhooks";

export interface PostResult {
  /** HTTP status, or null when no answer came (network error, refused address, timeout). */
  status: number | null;
  durationMs: number;
  error: string | null;
  /** Why it failed; null when it succeeded. */
  errorClass: WebhookErrorClass | null;
  retryAfter: string | null;
  /** The start of the answer's body (ATTEMPT_EXCERPT_CHARS at most), when an answer came. */
  excerpt: string | null;
}

/** Bytes of an answer kept for the excerpt: enough for ATTEMPT_EXCERPT_CHARS characters of UTF-8. */
const EXCERPT_BYTES = ATTEMPT_EXCERPT_CHARS * 4;

function excerptOf(chunks: Buffer[]): string {
  // NUL cannot be stored in a PostgreSQL text column.
  return Buffer.concat(chunks).toString("utf8").replaceAll("\u0000", "").slice(0, ATTEMPT_EXCERPT_CHARS);
}

export class PrivateAddressError extends Error {}

/** A DNS lookup that refuses private addresses. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 0);
    const list = addresses;
    const bad = list.find((a) => isPrivateAddress(a.address));
    if (bad)
      return callback(
        new PrivateAddressError(`${hostname} resolves to a private address (${bad.address}); not sent.`),
        "",
        0,
      );
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};

export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; blockPrivate: boolean },
): Promise<PostResult> {
  const started = performance.now();
  const done = (
    status: number | null,
    failure: { error: string; errorClass: WebhookErrorClass } | null,
    answer: { retryAfter?: string | null; excerpt?: string | null } = {},
  ): PostResult => ({
    status,
    durationMs: Math.round(performance.now() - started),
    error: failure?.error ?? null,
    errorClass: failure?.errorClass ?? null,
    retryAfter: answer.retryAfter ?? null,
    excerpt: answer.excerpt ?? null,
  });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const target = new URL(url);
    const client = target.protocol === "https:" ? https : http;
    const req = client.request(
      target,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Loopwise-Webhooks/1",
          "content-length": Buffer.byteLength(body),
          ...headers,
        },
        ...(options.blockPrivate ? { lookup: guardedLookup } : {}),
      },
      (res) => {
        // The start of the answer is kept for the attempt log; the rest is read and dropped, so the
        // connection closes cleanly.
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on("data", (chunk: Buffer) => {
          if (kept >= EXCERPT_BYTES) return;
          chunks.push(chunk.subarray(0, EXCERPT_BYTES - kept));
          kept += chunk.length;
        });
        res.on("end", () => {
          const status = res.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          const retryAfter = typeof res.headers["retry-after"] === "string" ? res.headers["retry-after"] : null;
          const failure = ok
            ? null
            : { error: `The endpoint answered HTTP ${status}.`, errorClass: "http_status" as const };
          finish(done(status, failure, { retryAfter, excerpt: excerptOf(chunks) }));
        });
        res.on("error", (err) =>
          finish(
            done(res.statusCode ?? null, { error: err.message, errorClass: "network" }, { excerpt: excerptOf(chunks) }),
          ),
        );
      },
    );
    const timer = setTimeout(() => {
      finish(
        done(null, { error: `No answer within ${Math.round(options.timeoutMs / 1000)} s.`, errorClass: "timeout" }),
      );
      req.destroy();
    }, options.timeoutMs);
    req.on("error", (err) =>
      finish(
        done(null, {
          error: err.message || "The connection failed.",
          errorClass: err instanceof PrivateAddressError ? "private_address" : "network",
        }),
      ),
    );
    req.end(body);
  });
}
