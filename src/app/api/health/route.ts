import { createContextFromHeaders } from "@/server/api/context";
import { getDb } from "@/server/db";
import { checkHealth, mayReadHealthDetails } from "@/server/services/health";

export const dynamic = "force-dynamic";

/** 200 {status:"ok"} or 503 {status:"down"}; the details only for an owner or with HEALTH_TOKEN. */
export async function GET(req: Request) {
  const headers = { "cache-control": "no-store" };
  let details = false;
  try {
    const actor = req.headers.has("cookie") ? (await createContextFromHeaders(req.headers)).actor : null;
    details = await mayReadHealthDetails(getDb(), {
      authorization: req.headers.get("authorization"),
      userId: actor?.userId ?? null,
    });
  } catch {
    // The database is down: no session can be checked, and the status below says so.
  }
  const health = await checkHealth({ details });
  const status = health.status === "ok" ? 200 : 503;
  return Response.json(details ? health : { status: health.status }, { status, headers });
}
