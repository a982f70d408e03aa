// The proxy skips the tRPC endpoint, which screens its own requests as the proxy would: a request id, the
// cross-site refusal and the security headers.
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { createSessionFor } from "@/server/services/session";
import { createWorkspaceWithRoles, db } from "@/test/factories";
import { GET, POST } from "./route";

const updateProfile = (headers: Record<string, string>) =>
  POST(
    new Request("http://localhost:3999/api/trpc/account.updateProfile", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ json: { name: "x" } }),
    }),
  );

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(res.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
}

describe("the tRPC endpoint's own screening", () => {
  it("is not run through the proxy; every other path is", () => {
    for (const url of ["/api/trpc/workspace.listMine", "/api/trpc/a,b?batch=1", "/api/trpc"])
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(false);
    for (const url of ["/", "/sign-in", "/api/health", "/api/auth/csrf", "/api/v1/loops", "/w/demo"])
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(true);
  });

  it("refuses a state-changing call from another site with 403, the request id and the security headers", async () => {
    const cross: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { referer: "https://evil.example/page" },
    ];
    for (const headers of cross) {
      const res = await updateProfile(headers);
      expect(res.status).toBe(403);
      expectSecurityHeaders(res);
      const body = (await res.json()) as { error: string; requestId: string };
      expect(body.error).toMatch(/another site/);
      expect(body.requestId).toBe(res.headers.get("x-request-id"));
    }
    // The same call from the app's own origin reaches tRPC (and is refused there: no session).
    const own = await updateProfile({ origin: "http://localhost:3999" });
    expect(own.status).toBe(401);
    expectSecurityHeaders(own);
  });

  it("keeps a caller's plain request id for the call and echoes it; replaces any other", async () => {
    const ws = await createWorkspaceWithRoles("screen");
    const { sessionToken } = await createSessionFor(db, ws.members.coach.actor.userId);
    const list = (requestId: string) =>
      GET(
        new Request("http://localhost:3999/api/trpc/workspace.listMine", {
          headers: { cookie: `next-auth.session-token=${sessionToken}`, "x-request-id": requestId },
        }),
      );
    const kept = await list("lb-42.abc_DEF");
    expect(kept.status).toBe(200);
    expectSecurityHeaders(kept);
    expect(kept.headers.get("x-request-id")).toBe("lb-42.abc_DEF");
    const replaced = await list("<script>");
    expect(replaced.headers.get("x-request-id")).not.toBe("<script>");
    expectSecurityHeaders(replaced);
  });
});
