// The anonymous health probe is answered before Next.js, with what the proxy and the route would give it;
// every other request goes on to Next.js.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerHealthProbe } from "./health-probe";

let server: http.Server;
let base: string;
/** Requests the stand-in for Next.js received. */
const passedOn: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (answerHealthProbe(req, res)) return;
    passedOn.push(`${req.method} ${req.url}`);
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("the health probe before Next.js", () => {
  it("answers an anonymous GET /api/health with the status, no-store, the request id and the security headers", async () => {
    passedOn.length = 0;
    const res = await fetch(`${base}/api/health`, { headers: { "x-request-id": "lb-42.abc_DEF" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("x-request-id")).toBe("lb-42.abc_DEF");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(passedOn).toEqual([]);
  });

  it("replaces a request id that is not a plain short token, and sends HSTS behind a TLS-terminating proxy", async () => {
    const res = await fetch(`${base}/api/health?probe=1`, {
      headers: { "x-request-id": "<script>", "x-forwarded-proto": "https" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
    expect(res.headers.get("x-request-id")).not.toBe("<script>");
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
  });

  it("leaves to Next.js a signed-in or token-bearing caller (they may read the details), other methods and paths", async () => {
    passedOn.length = 0;
    await fetch(`${base}/api/health`, { headers: { cookie: "next-auth.session-token=x" } });
    await fetch(`${base}/api/health`, { headers: { authorization: "Bearer t" } });
    await fetch(`${base}/api/health`, { method: "POST" });
    await fetch(`${base}/api/healthz`);
    await fetch(`${base}/api/health/`);
    await fetch(`${base}/`);
    expect(passedOn).toEqual([
      "GET /api/health",
      "GET /api/health",
      "POST /api/health",
      "GET /api/healthz",
      "GET /api/health/",
      "GET /",
    ]);
  });
});
