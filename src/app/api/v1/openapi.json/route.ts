import { getEnv } from "@/server/env";
import { buildOpenApiDocument } from "@/server/public-api/openapi";

// The document depends only on the code: built once per process.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export function GET() {
  document ??= buildOpenApiDocument(getEnv().appUrl);
  return Response.json(document, { headers: { "cache-control": "public, max-age=300" } });
}
