import { NextResponse } from "next/server";
import { z } from "zod";
import { safeRedirect } from "@/domain/redirect";
import { isLocalRequest, requestOrigin } from "@/domain/request";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { PEER_ADDRESS_HEADER } from "@/server/peer-address";
import { DEMO_USERS } from "@/server/services/demo";
import { createSessionFor, sessionCookieName } from "@/server/services/session";

const Form = z.object({ email: z.email(), callbackUrl: z.string().optional() });

/**
 * Demo sign-in: issues a database session for a demo user. Exists only in demo mode, answers only
 * requests from this machine, and only a form posted by the app's own sign-in page (no login CSRF).
 */
export async function POST(req: Request) {
  const env = getEnv();
  if (!env.demo) return new NextResponse("Not found", { status: 404 });
  if (!isLocalRequest(req.headers, PEER_ADDRESS_HEADER)) {
    return NextResponse.json(
      { error: "Demo sign-in works only from the machine running Loopwise (open it at http://localhost)." },
      { status: 403 },
    );
  }
  if (requestOrigin(req.headers, env.appUrl) !== "same") {
    return NextResponse.json(
      { error: "Demo sign-in must be submitted from Loopwise's own sign-in page." },
      { status: 403 },
    );
  }
  const form = Form.safeParse(Object.fromEntries(await req.formData()));
  if (!form.success || !DEMO_USERS.some((u) => u.email === form.data.email)) {
    return NextResponse.json({ error: "Pick one of the demo users listed on the sign-in page." }, { status: 400 });
  }
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: form.data.email }, select: { id: true } });
  if (!user) return NextResponse.json({ error: "Demo data is missing; restart the app to seed it." }, { status: 409 });
  const session = await createSessionFor(db, user.id);
  const res = NextResponse.redirect(safeRedirect(form.data.callbackUrl, env.appUrl), 303);
  res.cookies.set(sessionCookieName(env.appUrl), session.sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env.appUrl.startsWith("https://"),
    expires: session.expires,
  });
  return res;
}
