// An owner makes an API key, sees it once, uses it against the REST API, and revokes it; the page and the
// API reference are accessible at 1440 and 390 px.
import { expect, test } from "@playwright/test";
import { expectAccessible, newOwnerWithWorkspace, screenshot } from "./helpers";

test("an owner creates an API key, sees it once, and revokes it", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { url } = await newOwnerWithWorkspace(page, "apikeys");
  await page.goto(`${url}/settings`);
  await page.getByRole("link", { name: "Manage API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await expect(page.getByText("No keys yet")).toBeVisible();
  await expectAccessible(page, testInfo, "api-keys-empty-1440");

  await page.getByLabel("Name").fill("Reporting dashboard");
  await page.getByLabel("Scope").selectOption("read");
  await page.getByRole("checkbox", { name: "Members" }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByLabel("Your API key");
  await expect(shown).toHaveValue(/^lw_live_[A-Za-z0-9_-]{43}$/);
  const secret = await shown.inputValue();
  await expectAccessible(page, testInfo, "api-keys-created-1440");
  await screenshot(page, testInfo, "api-keys-created-1440");

  // The key works against the REST API, within its resources.
  const members = await page.request.get("/api/v1/members", { headers: { authorization: `Bearer ${secret}` } });
  expect(members.status()).toBe(200);
  const loops = await page.request.get("/api/v1/loops", { headers: { authorization: `Bearer ${secret}` } });
  expect(loops.status()).toBe(403);

  // Shown once: after Done, and after a reload, only its first characters are listed.
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByLabel("Your API key")).toHaveCount(0);
  await page.reload();
  const row = page.getByTestId("api-key-row").filter({ hasText: "Reporting dashboard" });
  await expect(row).toContainText(`${secret.slice(0, 12)}…`);
  await expect(row).toContainText("active");
  expect(await page.content()).not.toContain(secret);

  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, testInfo, "api-keys-list-390");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, testInfo, "api-keys-list-390");

  await row.getByRole("button", { name: "Revoke Reporting dashboard" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  const after = await page.request.get("/api/v1/members", { headers: { authorization: `Bearer ${secret}` } });
  expect(after.status()).toBe(401);

  // The audit log records both.
  await page.goto(`${url}/audit`);
  const rows = page.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "created an API key" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "revoked an API key" })).toHaveCount(1);
});

test("the API reference lists every endpoint and is accessible", async ({ page }, testInfo) => {
  const spec = (await (await page.request.get("/api/v1/openapi.json")).json()) as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  expect(spec.openapi).toBe("3.1.0");
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 1440 ? 900 : 844 });
    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
    for (const [path, item] of Object.entries(spec.paths))
      for (const method of Object.keys(item))
        await expect(page.getByRole("heading", { name: `${method.toUpperCase()} ${path}`, exact: true })).toBeVisible();
    await expectAccessible(page, testInfo, `api-reference-${width}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
});
