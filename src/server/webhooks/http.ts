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

export interface PostResult {
  /** HTTP status, or null when no answer came (network error, refused address, timeout). */
  status: number | null;
  durationMs: number;
  error: string | null;
  retryAfter: string | null;
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
  const done = (status: number | null, error: string | null, retryAfter: string | null = null): PostResult => ({
    status,
    durationMs: Math.round(performance.now() - started),
    error,
    retryAfter,
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
        // The answer's body is not kept; reading it to the end lets the connection close cleanly.
        res.resume();
        res.on("end", () => {
          const status = res.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          const retryAfter = typeof res.headers["retry-after"] === "string" ? res.headers["retry-after"] : null;
          finish(done(status, ok ? null : `The endpoint answered HTTP ${status}.`, retryAfter));
        });
        res.on("error", (err) => finish(done(res.statusCode ?? null, err.message)));
      },
    );
    const timer = setTimeout(() => {
      finish(done(null, `No answer within ${Math.round(options.timeoutMs / 1000)} s.`));
      req.destroy();
    }, options.timeoutMs);
    req.on("error", (err) => finish(done(null, err.message || "The connection failed.")));
    req.end(body);
  });
}
