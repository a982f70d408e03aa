// The request id is echoed in error messages: a caller's id is kept only when it is a plain short token.
import { describe, expect, it } from "vitest";
import { createContextFromHeaders } from "./context";

describe("request context", () => {
  it("keeps a well-formed caller request id", async () => {
    const ctx = await createContextFromHeaders(new Headers({ "x-request-id": "lb-42.abc_DEF" }));
    expect(ctx.requestId).toBe("lb-42.abc_DEF");
  });

  it.each(["<img src=x onerror=alert(1)>", "x".repeat(65), "a b", "id;quote this"])("replaces %s with a fresh id", async (bad) => {
    const ctx = await createContextFromHeaders(new Headers({ "x-request-id": bad }));
    expect(ctx.requestId).not.toBe(bad);
    expect(ctx.requestId).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
  });
});
