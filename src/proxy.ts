import { NextResponse, type NextRequest } from "next/server";
import { acceptRequestId } from "@/domain/request-id";
import { isStateChangingMethod, requestOrigin, securityHeadersFor } from "@/domain/request";
import { getEnv } from "@/server/env";

// Runs before every route (pages, API, static files):
// - gives the request an id (or keeps the caller's when it is a short plain token), visible to route
//   handlers and echoed in the response, so a user-facing error can be matched to the server's logs;
// - refuses a state-changing request sent by another site (CSRF) with 403;
// - sets the security headers, with a fresh CSP nonce that Next.js puts on its own scripts.

/** next-auth's OAuth callbacks may be POSTed by the identity provider (form_post); next-auth checks them. */
const ORIGIN_CHECK_EXEMPT = /^\/api\/auth\/callback\//;

export function proxy(request: NextRequest) {
  const env = getEnv();
  const requestId = acceptRequestId(request.headers.get("x-request-id"), () => crypto.randomUUID());
  const security = securityHeadersFor(request.headers, {
    protocol: request.nextUrl.protocol,
    appUrl: env.appUrl,
    development: env.NODE_ENV === "development",
  });

  let response: NextResponse;
  if (
    isStateChangingMethod(request.method) &&
    !ORIGIN_CHECK_EXEMPT.test(request.nextUrl.pathname) &&
    requestOrigin(request.headers, env.appUrl) === "cross"
  ) {
    response = NextResponse.json(
      { error: "This request came from another site, so it was refused. Use Loopwise's own pages.", requestId },
      { status: 403 },
    );
  } else {
    const headers = new Headers(request.headers);
    headers.set("x-request-id", requestId);
    // Next.js reads the nonce from the request's CSP and adds it to the scripts it renders.
    headers.set("content-security-policy", security["content-security-policy"]!);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("x-request-id", requestId);
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = { matcher: ["/:path*"] };
