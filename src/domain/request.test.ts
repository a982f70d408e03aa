import { describe, expect, it } from "vitest";
import {
  isLocalRequest,
  isLoopbackAddress,
  isLoopbackHost,
  requestOrigin,
  securityHeaders,
  securityHeadersFor,
} from "./request";

const h = (values: Record<string, string>) => new Headers(values);

describe("request checks", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["[::1]", true],
    ["10.0.0.1", false],
    ["::ffff:10.0.0.1", false],
    ["128.0.0.1", false],
    ["", false],
  ])("loopback address %s → %s", (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });

  it.each([
    ["localhost:3000", true],
    ["LOCALHOST", true],
    ["app.localhost:3000", true],
    ["127.0.0.1:3000", true],
    ["[::1]:3000", true],
    ["localhost.evil.example", false],
    ["192.168.1.5:3000", false],
    ["evil.example", false],
  ])("loopback host %s → %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });

  it("a local request needs a loopback peer, loopback forwarding hops and a loopback Host", () => {
    const local = { "x-peer": "127.0.0.1", "x-forwarded-for": "127.0.0.1", host: "localhost:3000" };
    expect(isLocalRequest(h(local), "x-peer")).toBe(true);
    expect(isLocalRequest(h({ ...local, "x-peer": "198.51.100.1" }), "x-peer")).toBe(false);
    expect(isLocalRequest(h({ ...local, "x-forwarded-for": "198.51.100.1, 127.0.0.1" }), "x-peer")).toBe(false);
    expect(isLocalRequest(h({ ...local, host: "loopwise.example" }), "x-peer")).toBe(false);
    expect(isLocalRequest(h({ host: "localhost:3000" }), "x-peer")).toBe(false);
  });

  it.each([
    [{ origin: "http://localhost:3000", host: "localhost:3000" }, "same"],
    [{ origin: "https://app.example", host: "internal:3000" }, "same"],
    [{ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }, "same"],
    [{ origin: "https://evil.example", host: "localhost:3000" }, "cross"],
    [{ origin: "http://localhost:3001", host: "localhost:3000" }, "cross"],
    [{ origin: "null", host: "localhost:3000" }, "cross"],
    [{ referer: "http://localhost:3000/sign-in?x=1", host: "localhost:3000" }, "same"],
    [{ referer: "https://evil.example/", host: "localhost:3000" }, "cross"],
    [{ referer: "not a url", host: "localhost:3000" }, "cross"],
    [{ host: "localhost:3000" }, "absent"],
  ])("origin of %j → %s", (headers, expected) => {
    expect(requestOrigin(h(headers as Record<string, string>), "https://app.example")).toBe(expected);
  });

  it("security headers: nonce-only scripts, no framing, HSTS only over https", () => {
    const plain = securityHeaders({ nonce: "abc123", https: false, development: false });
    expect(plain["content-security-policy"]).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(plain["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(plain["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(plain["x-frame-options"]).toBe("DENY");
    expect(plain["strict-transport-security"]).toBeUndefined();
    const secure = securityHeaders({ nonce: "abc123", https: true, development: false });
    expect(secure["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(secure["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  it.each([
    ["plain http", "http:", {}, "http://app.example", false],
    ["TLS to this server", "https:", {}, "http://app.example", true],
    ["a TLS-terminating proxy", "http:", { "x-forwarded-proto": "https, http" }, "http://app.example", true],
    ["a proxy that says http", "http:", { "x-forwarded-proto": "http" }, "http://app.example", false],
    ["an https public URL", "http:", {}, "https://app.example", true],
  ])("security headers for a request over %s: HSTS %s", (_label, protocol, headers, appUrl, hsts) => {
    const options = { protocol, appUrl, development: false };
    const first = securityHeadersFor(h(headers), options);
    expect(first["strict-transport-security"] !== undefined).toBe(hsts);
    const nonce = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    expect(nonce(first["content-security-policy"])).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const second = securityHeadersFor(h(headers), options);
    expect(nonce(second["content-security-policy"])).not.toBe(nonce(first["content-security-policy"]));
  });
});
