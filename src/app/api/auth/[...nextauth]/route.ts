import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth";
import { limitSignInEmail } from "@/server/sign-in-limit";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built on first use (not at import) so `next build` needs no secrets.
async function handler(req: Request, context: RouteContext) {
  // next-auth v4 reads params synchronously; Next 16 hands them over as a promise.
  const params = await context.params;
  if (req.method === "POST" && params.nextauth.join("/") === "signin/email") {
    const limited = await limitSignInEmail(req);
    if (limited) return limited;
  }
  return NextAuth(req as never, { params } as never, getAuthOptions());
}

export { handler as GET, handler as POST };
