// The tRPC endpoint as a whole: the request screened (src/server/request-screen.ts: request id, cross-site
// refusal, security headers), then the calls (src/server/api/http.ts: batch limit, rate limits, tRPC).
// Two doors lead here and must behave alike: Next.js's route (src/app/api/trpc/[trpc]/route.ts) and the
// app's server before Next.js (src/server/api/early-endpoint.ts).
import { createContextFromHeaders } from "@/server/api/context";
import { handleTrpcRequest } from "@/server/api/http";
import { screenRequest, withScreenedHeaders } from "@/server/request-screen";

export async function answerTrpc(req: Request): Promise<Response> {
  const screened = screenRequest(req, new URL(req.url));
  const response =
    screened.refusal ?? (await handleTrpcRequest(req, () => createContextFromHeaders(req.headers, screened.requestId)));
  return withScreenedHeaders(response, screened);
}
