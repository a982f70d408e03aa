// Sign-in emails are limited per address and per client address: 429 with Retry-After, and a url that
// brings next-auth's client back to the sign-in page with the reason.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/server/env";
import { PEER_ADDRESS_HEADER } from "@/server/peer-address";
import { resetRateLimitsForTests } from "@/server/rate-limit";
import { limitSignInEmail } from "@/server/sign-in-limit";
import { uniqueEmail } from "@/test/factories";
import { POST } from "./route";

function linkRequest(email: string, ip: string) {
  return new NextRequest("http://localhost:3999/api/auth/signin/email", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", [PEER_ADDRESS_HEADER]: ip },
    body: new URLSearchParams({ email, callbackUrl: "/w", json: "true" }),
  });
}

/** A request the limit lets through would go on to next-auth (which needs a live request scope): null. */
const allowed = async (email: string, ip: string) => (await limitSignInEmail(linkRequest(email, ip))) === null;
/** Through the route, as the browser's request arrives. */
const requestLink = (email: string, ip: string) =>
  POST(linkRequest(email, ip), { params: Promise.resolve({ nextauth: ["signin", "email"] }) });

function limits(values: Record<string, string>) {
  Object.assign(process.env, values);
  resetEnvForTests();
  resetRateLimitsForTests();
}

afterEach(() => {
  delete process.env.RATE_LIMIT_SIGN_IN_PER_EMAIL;
  delete process.env.RATE_LIMIT_SIGN_IN_PER_IP;
  resetEnvForTests();
  resetRateLimitsForTests();
});

describe("sign-in email rate limits", () => {
  it("limits one address, whatever the client address", async () => {
    limits({ RATE_LIMIT_SIGN_IN_PER_EMAIL: "2", RATE_LIMIT_SIGN_IN_PER_IP: "100" });
    const email = uniqueEmail("flood");
    expect(await allowed(email, "198.51.100.1")).toBe(true);
    expect(await allowed(email.toUpperCase(), "198.51.100.2")).toBe(true);
    const res = await requestLink(email, "198.51.100.3");
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await res.json()) as { error: string; url: string };
    expect(body.error).toMatch(/^Too many sign-in emails were requested\. Try again in \d+ minutes\.$/);
    expect(body.url).toBe("http://localhost:3999/sign-in?error=RateLimited");
    // Someone else's address is not affected.
    expect(await allowed(uniqueEmail("other"), "198.51.100.4")).toBe(true);
  });

  it("limits one client address, whatever the addresses it asks for", async () => {
    limits({ RATE_LIMIT_SIGN_IN_PER_EMAIL: "100", RATE_LIMIT_SIGN_IN_PER_IP: "2" });
    const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    expect(await allowed(uniqueEmail("a"), ip)).toBe(true);
    expect(await allowed(uniqueEmail("b"), ip)).toBe(true);
    const res = await requestLink(uniqueEmail("c"), ip);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
