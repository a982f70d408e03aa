// What every request gets before its route runs, in one place for the two that apply it: the proxy
// (src/proxy.ts, every route but the tRPC endpoint) and the tRPC endpoint itself (src/app/api/trpc), which
// the proxy skips because Next.js's proxy machinery cost a call more than these few lines (profiled under
// bench:load: ~5% of a call's CPU). It gives the request an id (the caller's when it is a short plain token),
// refuses a state-changing request sent by another site (CSRF) with 403, and names the security headers for
// the response.
import { isStateChangingMethod, requestOrigin, securityHeadersFor } from "@/domain/request";
import { acceptRequestId } from "@/domain/request-id";
import { getEnv } from "@/server/env";

/** next-auth's OAuth callbacks may be POSTed by the identity provider (form_post); next-auth checks them. */
const ORIGIN_CHECK_EXEMPT = /^\/api\/auth\/callback\//;

export interface Screened {
  requestId: string;
  /** The 403 to answer instead of running the route, or null. */
  refusal: Response | null;
  /** For the response, whatever answers: the security headers (with a fresh CSP nonce) and the request id. */
  responseHeaders: Record<string, string>;
  /** The CSP whose nonce Next.js puts on the scripts it renders (it reads it from the request). */
  contentSecurityPolicy: string;
}

export function screenRequest(req: Request, url: URL): Screened {
  const env = getEnv();
  const requestId = acceptRequestId(req.headers.get("x-request-id"), () => crypto.randomUUID());
  const security = securityHeadersFor(req.headers, {
    protocol: url.protocol,
    appUrl: env.appUrl,
    development: env.NODE_ENV === "development",
  });
  const refused =
    isStateChangingMethod(req.method) &&
    !ORIGIN_CHECK_EXEMPT.test(url.pathname) &&
    requestOrigin(req.headers, env.appUrl) === "cross";
  return {
    requestId,
    refusal: refused
      ? Response.json(
          {
            error: "This request came from another site, so it was refused. Use Loopwise's own pages.",
            requestId,
          },
          { status: 403 },
        )
      : null,
    responseHeaders: { ...security, "x-request-id": requestId },
    contentSecurityPolicy: security["content-security-policy"]!,
  };
}

/** Sets the screened headers on a response (one whose headers may change). */
export function withScreenedHeaders(response: Response, screened: Screened): Response {
  for (const [name, value] of Object.entries(screened.responseHeaders)) response.headers.set(name, value);
  return response;
}
