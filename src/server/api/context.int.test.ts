// The request id is echoed in error messages: a caller's id is kept only when it is a plain short token.
import { describe, expect, it } from "vitest";
import { createContextFromHeaders } from "./context";

describe("request context", () => {
  it("keeps a well-formed caller request id", async () => {
    const ctx = await createContextFromHeaders(new Headers({ "x-request-id": "lb-42.abc_DEF" }));
    expect(ctx.requestId).toBe("lb-42.abc_DEF");
  });

  it.each(["<img src=x onerror=alert(1)>", "x".repeat(65), "a b", "id;quote this"])(
    "replaces %s with a fresh id",
    async (bad) => {
      const ctx = await createContextFromHeaders(new Headers({ "x-request-id": bad }));
      expect(ctx.requestId).not.toBe(bad);
      expect(ctx.requestId).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
    },
  );

  // Found by the fuzz test (src/app/api/trpc/[trpc]/fuzz.int.test.ts): these threw URIError or reached
  // the database with a NUL byte, and the route answered 500.
  it.each(["%E0%A4%A", "%", "%ZZ", "%00", "abc%00def", "%ED%A0%80"])(
    "treats a session cookie %j that does not decode to plain text as no session",
    async (value) => {
      const ctx = await createContextFromHeaders(new Headers({ cookie: `next-auth.session-token=${value}` }));
      expect(ctx.actor).toBeNull();
    },
  );
});
