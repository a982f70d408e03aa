import { NextResponse, type NextRequest } from "next/server";
import { screenRequest, withScreenedHeaders } from "@/server/request-screen";

// Runs before every route (pages, API, static files) but the tRPC endpoint, which screens its own requests
// the same way (src/server/request-screen.ts):
// - gives the request an id (or keeps the caller's when it is a short plain token), visible to route
//   handlers and echoed in the response, so a user-facing error can be matched to the server's logs;
// - refuses a state-changing request sent by another site (CSRF) with 403;
// - sets the security headers, with a fresh CSP nonce that Next.js puts on its own scripts.

export function proxy(request: NextRequest) {
  const screened = screenRequest(request, request.nextUrl);
  if (screened.refusal) return withScreenedHeaders(screened.refusal, screened);
  const headers = new Headers(request.headers);
  headers.set("x-request-id", screened.requestId);
  // Next.js reads the nonce from the request's CSP and adds it to the scripts it renders.
  headers.set("content-security-policy", screened.contentSecurityPolicy);
  return withScreenedHeaders(NextResponse.next({ request: { headers } }), screened);
}

// Every path but /api/trpc and what is under it.
export const config = { matcher: ["/((?!api/trpc).*)"] };
