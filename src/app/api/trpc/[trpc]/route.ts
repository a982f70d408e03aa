import { createContextFromHeaders } from "@/server/api/context";
import { handleTrpcRequest } from "@/server/api/http";
import { screenRequest, withScreenedHeaders } from "@/server/request-screen";

// The proxy skips this endpoint (src/proxy.ts): the request is screened here, the same way.
async function handler(req: Request) {
  const screened = screenRequest(req, new URL(req.url));
  const response =
    screened.refusal ?? (await handleTrpcRequest(req, () => createContextFromHeaders(req.headers, screened.requestId)));
  return withScreenedHeaders(response, screened);
}

export { handler as GET, handler as POST };
