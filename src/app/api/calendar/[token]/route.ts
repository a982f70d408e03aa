// A person's private calendar subscription (src/server/services/calendar-feed.ts). Unknown or revoked
// tokens get 404, the same answer, so the URL's secret cannot be probed.
import { getDb } from "@/server/db";
import { renderCalendarFeed } from "@/server/services/calendar-feed";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const clean = token.replace(/\.ics$/, "");
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(clean)) return new Response("Not found", { status: 404 });
  const body = await renderCalendarFeed(getDb(), clean);
  if (body === null) return new Response("Not found", { status: 404 });
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="loopwise.ics"',
      "cache-control": "private, no-store",
    },
  });
}
