import { NextResponse, type NextRequest } from "next/server";

// Gives every request an id (or keeps the caller's), visible to route handlers and echoed in the
// response, so a user-facing error message can be matched to the server's JSON logs.
export function proxy(request: NextRequest) {
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
