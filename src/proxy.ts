import { NextResponse, type NextRequest } from "next/server";
import { acceptRequestId } from "@/domain/request-id";

// Gives every request an id (or keeps the caller's), visible to route handlers and echoed in the
// response, so a user-facing error message can be matched to the server's JSON logs. A caller's id is
// kept only when it is a short plain token (it is echoed back).
export function proxy(request: NextRequest) {
  const requestId = acceptRequestId(request.headers.get("x-request-id"), () => crypto.randomUUID());
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
