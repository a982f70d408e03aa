// Sign-in emails are limited per address (nobody's inbox is flooded) and per client address, before
// next-auth creates a token and queues the mail.
import { getEnv } from "@/server/env";
import { tooManyRequests } from "@/server/errors";
import { clientAddress } from "@/server/peer-address";
import { getRateLimits } from "@/server/rate-limit";

/**
 * Counts a request for a sign-in email (`POST /api/auth/signin/email`); null when it may go on, else the
 * 429 to answer. Its body carries a `url`, which next-auth's client follows: back to the sign-in page,
 * which says why.
 */
export async function limitSignInEmail(req: Request): Promise<Response | null> {
  const env = getEnv();
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = String(form?.get("email") ?? "")
    .trim()
    .toLowerCase();
  const limits = getRateLimits();
  const verdicts = await Promise.all([
    limits.consume("signInPerIp", clientAddress(req.headers, env.TRUST_PROXY === true)),
    email ? limits.consume("signInPerEmail", email) : Promise.resolve({ allowed: true } as const),
  ]);
  const retryAfterS = Math.max(0, ...verdicts.map((v) => (v.allowed ? 0 : v.retryAfterS)));
  if (!retryAfterS) return null;
  const { message } = tooManyRequests("Too many sign-in emails were requested.", retryAfterS);
  return Response.json(
    { error: message, url: `${env.appUrl}/sign-in?error=RateLimited` },
    { status: 429, headers: { "retry-after": String(retryAfterS) } },
  );
}
