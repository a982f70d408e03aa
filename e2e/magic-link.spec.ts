// The magic link against the running app: single use, expiry, and no open redirect.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { MAGIC_LINK, firstLink, uniqueEmail, withDb } from "./helpers";

async function requestLink(email: string, callbackUrl = "/w"): Promise<string> {
  const api = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await api.post("/api/auth/signin/email", { form: { email, csrfToken, callbackUrl, json: "true" } });
  expect(res.ok()).toBe(true);
  await api.dispose();
  const text = await withDb(async (db) => {
    const { rows } = await db.query<{ text: string }>(
      `SELECT "text" FROM "email_outbox" WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
      [email],
    );
    return rows[0]?.text ?? "";
  });
  return firstLink(text, MAGIC_LINK);
}

async function follow(
  link: string,
): Promise<{ status: number; location: string; cookies: string; api: APIRequestContext }> {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.get(link, { maxRedirects: 0 });
  return {
    status: res.status(),
    location: res.headers()["location"] ?? "",
    cookies: res.headers()["set-cookie"] ?? "",
    api,
  };
}

test("a magic link signs in once; reusing it is rejected", async () => {
  const email = uniqueEmail("once");
  const link = await requestLink(email, "/w");
  const first = await follow(link);
  expect(first.status).toBe(302);
  expect(first.location).toBe(`${baseURL}/w`);
  expect(first.cookies).toContain("next-auth.session-token=");
  const session = await (await first.api.get("/api/auth/session")).json();
  expect(session.user.email).toBe(email);

  const second = await follow(link);
  expect(second.location).toMatch(/\/(sign-in|api\/auth\/error)\?error=Verification/);
  expect(second.cookies).not.toContain("next-auth.session-token=");
});

test("an expired magic link is rejected", async () => {
  const email = uniqueEmail("expired");
  const link = await requestLink(email);
  const expiry = await withDb(async (db) => {
    const { rows } = await db.query<{ expires: Date }>(
      `SELECT "expires" FROM "verification_tokens" WHERE "identifier" = $1`,
      [email],
    );
    return rows[0]!.expires;
  });
  // Issued for at most 10 minutes.
  expect(expiry.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);
  expect(expiry.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
  await withDb((db) =>
    db.query(`UPDATE "verification_tokens" SET "expires" = now() - interval '1 second' WHERE "identifier" = $1`, [
      email,
    ]),
  );
  const res = await follow(link);
  expect(res.location).toMatch(/\/(sign-in|api\/auth\/error)\?error=Verification/);
  expect(res.cookies).not.toContain("next-auth.session-token=");
});

for (const evil of ["https://evil.example", "//evil.example", "/\\evil.example"]) {
  test(`callbackUrl ${evil} never redirects off-site`, async () => {
    const email = uniqueEmail("redirect");
    const link = await requestLink(email, evil);
    const res = await follow(link);
    expect(res.status).toBe(302);
    expect(new URL(res.location, baseURL).origin).toBe(baseURL);
    expect(res.location.startsWith(`${baseURL}/`)).toBe(true);
    expect(res.location).not.toContain("evil.example");
    // The sign-in page itself never links off-site either.
    const page = await res.api.get(`/sign-in?callbackUrl=${encodeURIComponent(evil)}`, { maxRedirects: 0 });
    const location = page.headers()["location"] ?? "";
    if (location) expect(location).not.toContain("evil.example");
  });
}
