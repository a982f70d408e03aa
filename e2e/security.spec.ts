// Security properties of the running production build: headers on every kind of route, the CSP nonce,
// request ids, cross-site requests, redirects after sign-in, and what anonymous health reveals.
import { networkInterfaces } from "node:os";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { baseURL } from "../playwright.config";

const EXPECTED = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function expectSecurityHeaders(headers: Record<string, string>, route: string) {
  for (const [name, value] of Object.entries(EXPECTED)) expect(headers[name], `${name} on ${route}`).toBe(value);
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `CSP on ${route}`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, `CSP on ${route}`).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, `CSP on ${route}`).toContain("frame-ancestors 'none'");
  expect(headers["permissions-policy"], `Permissions-Policy on ${route}`).toContain("camera=()");
  // Served over plain http here: no HSTS (it is added when the app is served over https).
  expect(headers["strict-transport-security"], `HSTS on ${route}`).toBeUndefined();
}

test("every kind of route carries the security headers; pages' scripts carry the response's nonce", async () => {
  const api = await playwrightRequest.newContext({ baseURL });
  const page = await api.get("/sign-in");
  expect(page.status()).toBe(200);
  const html = await page.text();
  const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
  expect(asset, "a static script on the sign-in page").toBeTruthy();
  const routes = [
    "/",
    "/sign-in",
    "/w",
    "/no-such-page",
    "/api/health",
    "/api/auth/csrf",
    "/api/trpc/workspace.listMine",
    asset!,
  ];
  for (const route of routes) {
    const res = await api.get(route, { maxRedirects: 0 });
    expectSecurityHeaders(res.headers(), `${route} (${res.status()})`);
  }
  const nonce = /'nonce-([^']+)'/.exec(page.headers()["content-security-policy"] ?? "")?.[1];
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = await api.get("/sign-in");
  expect(/'nonce-([^']+)'/.exec(again.headers()["content-security-policy"] ?? "")?.[1]).not.toBe(nonce);
  await api.dispose();
});

test("pages hydrate under the CSP with no violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  await page.goto("/sign-in");
  // Client-side validation runs only once React has hydrated.
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText(/valid email address/)).toBeVisible();
  await page.getByRole("button", { name: /Olivia/ }).click();
  await expect(page).toHaveURL(/\/w/);
  await page.goto("/w/demo/calibration");
  await expect(page.getByRole("heading").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a caller's request id is echoed only when it is a plain short token", async () => {
  const api = await playwrightRequest.newContext({ baseURL });
  expect(
    (await api.get("/api/health", { headers: { "x-request-id": "lb-42.abc_DEF" } })).headers()["x-request-id"],
  ).toBe("lb-42.abc_DEF");
  const bad = "<script>alert(1)</script>";
  const id = (await api.get("/api/health", { headers: { "x-request-id": bad } })).headers()["x-request-id"];
  expect(id).not.toBe(bad);
  expect(id).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
  await api.dispose();
});

test("state-changing requests from another site are refused with 403", async () => {
  const api = await playwrightRequest.newContext({ baseURL });
  const mutation = (headers: Record<string, string>) =>
    api.post("/api/trpc/account.updateProfile", {
      headers: { "content-type": "application/json", ...headers },
      data: { json: { name: "x" } },
    });
  expect((await mutation({ origin: "https://evil.example" })).status()).toBe(403);
  expect((await mutation({ referer: "https://evil.example/page" })).status()).toBe(403);
  // Same origin reaches tRPC (and is refused there for having no session).
  expect((await mutation({ origin: baseURL })).status()).toBe(401);
  const demo = await api.post("/api/demo/sign-in", {
    form: { email: "olivia.owner@demo.loopwise.dev" },
    headers: { origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(demo.status()).toBe(403);
  expect(demo.headers()["set-cookie"]).toBeUndefined();
  await api.dispose();
});

test("tRPC calls are answered before Next.js, screened as the route screens them", async () => {
  const api = await playwrightRequest.newContext({ baseURL });
  const call = await api.get("/api/trpc/workspace.listMine", { headers: { "x-request-id": "e2e-trpc.1" } });
  expect(call.status()).toBe(401);
  expect(call.headers()["x-request-id"]).toBe("e2e-trpc.1");
  expectSecurityHeaders(call.headers(), "a tRPC call");
  // Next.js puts its router's Vary (rsc, next-router-state-tree, …) on every route it answers; this is tRPC's
  // own plus the compression's.
  expect(call.headers()["vary"]).toBe("trpc-accept, accept, Accept-Encoding");
  // A method the route does not export still goes to Next.js.
  const put = await api.put("/api/trpc/workspace.listMine");
  expect(put.status()).toBe(405);
  expect(put.headers()["vary"]).toContain("rsc");
  await api.dispose();
});

test("signed in, a callbackUrl that normalises to //host stays on the site", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: /Olivia/ }).click();
  await expect(page).toHaveURL(/\/w/);
  for (const callbackUrl of [
    "/.//evil.example",
    "/w/../..//evil.example",
    "https://evil.example/",
    "/\\evil.example",
  ]) {
    const res = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    expect(res.status(), callbackUrl).toBe(307);
    expect(res.headers()["location"], callbackUrl).toBe("/w");
  }
});

test("anonymous health reveals only the status", async () => {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
  await api.dispose();
});

test("HSTS is sent when the app is served over https (a TLS-terminating proxy says so)", async () => {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(res.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  expect(res.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  await api.dispose();
});

test("demo sign-in and the dev mailbox answer only this machine", async () => {
  const api = await playwrightRequest.newContext({ baseURL });
  // From this machine, even a client that claims another peer address (the server records the real one).
  const local = await api.post("/api/demo/sign-in", {
    form: { email: "olivia.owner@demo.loopwise.dev" },
    headers: { origin: baseURL, "x-loopwise-peer-address": "203.0.113.9" },
    maxRedirects: 0,
  });
  expect(local.status()).toBe(303);
  await api.dispose();
  // From another interface of this machine: a connection from a non-loopback address.
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
  // Every machine this runs on (CI included) has one; without it the check cannot be made, so it fails.
  expect(external, "a non-loopback IPv4 interface to connect from").toBeTruthy();
  const port = new URL(baseURL).port;
  const outside = await playwrightRequest.newContext({ baseURL: `http://${external}:${port}` });
  const signIn = await outside.post("/api/demo/sign-in", {
    form: { email: "olivia.owner@demo.loopwise.dev" },
    headers: { origin: `http://${external}:${port}` },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(403);
  expect(signIn.headers()["set-cookie"]).toBeUndefined();
  // Claiming to be localhost in Host and X-Forwarded-For does not help: the socket's address decides.
  const spoofed = await outside.post("/api/demo/sign-in", {
    form: { email: "olivia.owner@demo.loopwise.dev" },
    headers: {
      origin: `http://localhost:${port}`,
      host: `localhost:${port}`,
      "x-forwarded-for": "127.0.0.1",
      "x-loopwise-peer-address": "127.0.0.1",
    },
    maxRedirects: 0,
  });
  expect(spoofed.status()).toBe(403);
  expect(await (await outside.get("/sign-in")).text()).not.toContain("Demo mode: sign in as a demo user");
  const mail = await outside.get("/dev/mail", {
    headers: { host: `localhost:${port}`, "x-forwarded-for": "127.0.0.1" },
  });
  expect(mail.status()).toBe(404);
  expect(await mail.text()).not.toContain("dev-mail");
  await outside.dispose();
});
