import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectAccessible, newOwnerWithWorkspace, screenshot } from "./helpers";

// An owner adds a webhook endpoint (a receiver this test runs on 127.0.0.1), sends a test event, and sees it
// delivered in the endpoint's log; the receiver checks the signature with the secret the page showed once.

async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/loopwise`, received, close: () => server.close() };
}

async function checkBothWidths(page: Page, testInfo: TestInfo, name: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await expectAccessible(page, testInfo, name);
  await screenshot(page, testInfo, name);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits 390 px`).toBeLessThanOrEqual(
    390,
  );
  await expectAccessible(page, testInfo, `${name}-phone`);
  await screenshot(page, testInfo, `${name}-phone`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("an owner adds an endpoint, sends a test event and sees it delivered in the log", async ({ page }, testInfo) => {
  const receiver = await startReceiver();
  try {
    const { url } = await newOwnerWithWorkspace(page, "hooks");
    await page.goto(`${url}/settings`);
    await page.getByRole("link", { name: "Manage webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await expect(page.getByText("No endpoints yet")).toBeVisible();
    await checkBothWidths(page, testInfo, "webhooks-empty");

    // A refused URL says why, under the field.
    await page.getByLabel("Endpoint URL").fill("http://hooks.example.com/x");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText(/Use an https:\/\/ URL/).first()).toBeVisible();

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description (optional)").fill("Our ATS");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secretBox = page.getByTestId("webhook-secret");
    await expect(secretBox).toBeVisible();
    const secret = (await secretBox.locator("code").last().textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    const row = page.getByTestId("webhook-row").filter({ hasText: receiver.url });
    await expect(row).toContainText("On");
    await checkBothWidths(page, testInfo, "webhooks-list");
    await page.getByRole("button", { name: "I have saved it" }).click();
    await expect(secretBox).toHaveCount(0);

    // Edit: a new description and fewer events.
    await row.getByRole("button", { name: /^Edit/ }).click();
    const edit = row.getByRole("form", { name: "Edit endpoint" });
    await edit.getByLabel("Description (optional)").fill("Our ATS (staging)");
    await edit.getByRole("checkbox", { name: /member\.joined/ }).uncheck();
    await edit.getByRole("button", { name: "Save endpoint" }).click();
    await expect(edit).toHaveCount(0);
    await expect(row).toContainText("Our ATS (staging)");
    await expect(row).not.toContainText("member.joined");

    await row.getByRole("button", { name: "Send test event" }).click();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
    const request = receiver.received[0]!;
    const signed = `${request.headers["webhook-id"]}.${request.headers["webhook-timestamp"]}.${request.body}`;
    const expected = createHmac("sha256", Buffer.from(secret.slice(6), "base64"))
      .update(signed)
      .digest("base64");
    expect(request.headers["webhook-signature"]).toBe(`v1,${expected}`);
    expect(JSON.parse(request.body)).toMatchObject({ type: "webhook.test", version: 1 });

    await row.getByRole("link", { name: /Delivery log/ }).click();
    await expect(page.getByRole("heading", { name: "Webhook deliveries" })).toBeVisible();
    const delivery = page.getByTestId("delivery-row").first();
    await expect(delivery).toContainText("webhook.test");
    await expect(delivery).toContainText("Delivered");
    await expect(delivery).toContainText("HTTP 204");
    await expect(delivery).toContainText(String(request.headers["webhook-id"]));
    // Every attempt is in the log, its time in the viewer's zone with the zone's abbreviation.
    await delivery.getByRole("button", { name: "Attempts" }).click();
    const attempts = delivery.getByTestId("attempt-row");
    await expect(attempts).toHaveCount(1);
    await expect(attempts.first()).toContainText("#1");
    await expect(attempts.first()).toContainText("HTTP 204");
    await expect(attempts.first().locator("time")).toHaveText(/[A-Z]{2,5}|GMT/);
    await checkBothWidths(page, testInfo, "webhook-deliveries");

    // Resend: the same event goes out again, and the log shows it delivered once more.
    await delivery.getByRole("button", { name: "Resend" }).click();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(request.headers["webhook-id"]);
    await expect(delivery).toContainText("Delivered");
    // The resend's attempt joins the same delivery's log, numbered on.
    await expect(attempts).toHaveCount(2, { timeout: 10_000 });
    await expect(attempts.first()).toContainText("#2");
  } finally {
    receiver.close();
  }
});
