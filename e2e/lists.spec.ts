import { expect, test } from "@playwright/test";
import { api, newOwnerWithWorkspace, withDb } from "./helpers";

// The long lists page on the server: the first page and its count, "Show more" for the next, and the
// filters and order kept in the URL (a reload or a shared link shows the same list).

test("the audit log pages with Show more and keeps its filter in the URL", async ({ page }) => {
  const { url } = await newOwnerWithWorkspace(page, "lists-audit");
  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string }>(page, "workspace.resolve", { slug }, "query");
  await withDb((client) =>
    client.query(
      `INSERT INTO audit_events (id, "workspaceId", action, "targetType", "createdAt")
       SELECT gen_random_uuid()::text, $1, 'rubric.published', 'rubric', now() - make_interval(mins => n)
       FROM generate_series(1, 30) AS n`,
      [ws.id],
    ),
  );
  await page.goto(`${url}/audit?area=rubric`);
  await expect(page.getByLabel("Area")).toHaveValue("rubric");
  await expect(page.getByTestId("audit-count")).toHaveText("25 of 30 events");
  await expect(page.getByTestId("audit-row")).toHaveCount(25);
  await page.getByRole("button", { name: /Show more/ }).click();
  await expect(page.getByTestId("audit-row")).toHaveCount(30);
  await expect(page.getByRole("button", { name: /Show more/ })).toHaveCount(0);

  await page.getByLabel("Order").selectOption("oldest");
  await expect(page).toHaveURL(/area=rubric/);
  await expect(page).toHaveURL(/sort=oldest/);
  await page.reload();
  await expect(page.getByLabel("Order")).toHaveValue("oldest");
  await expect(page.getByTestId("audit-count")).toHaveText("25 of 30 events");
});

test("the email delivery list pages with Show more and keeps status and recipient in the URL", async ({ page }) => {
  const { url } = await newOwnerWithWorkspace(page, "lists-email");
  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string }>(page, "workspace.resolve", { slug }, "query");
  await withDb((client) =>
    client.query(
      `INSERT INTO email_outbox (id, "workspaceId", template, "to", subject, html, text, "idempotencyKey", status, "createdAt")
       SELECT gen_random_uuid()::text, $1, 'test', 'bulk-' || n || '@example.test', 'Bulk ' || n, '<p>x</p>', 'x',
              gen_random_uuid()::text, (CASE WHEN n <= 30 THEN 'dead' ELSE 'sent' END)::"EmailStatus",
              now() - make_interval(mins => n)
       FROM generate_series(1, 40) AS n`,
      [ws.id],
    ),
  );
  await page.goto(`${url}/email?status=dead&to=bulk`);
  await expect(page.getByLabel("Status")).toHaveValue("dead");
  await expect(page.getByTestId("email-count")).toHaveText("25 of 30 messages");
  await page.getByRole("button", { name: /Show more/ }).click();
  await expect(page.getByTestId("email-row")).toHaveCount(30);
  await expect(page.getByRole("button", { name: /Show more/ })).toHaveCount(0);
  await page.getByLabel("Status").selectOption("sent");
  await expect(page).toHaveURL(/status=sent/);
  await expect(page.getByTestId("email-count")).toHaveText("10 of 10 messages");
});

test("the question bank pages with Show more and keeps filters and order in the URL", async ({ page }) => {
  await newOwnerWithWorkspace(page, "lists-questions");
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Question bank" }).click();
  const rows = page.getByTestId("question-row");
  await expect(rows).toHaveCount(25);
  const count = await page.getByTestId("question-count").textContent();
  const total = Number(count!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThan(25);
  await page.getByRole("button", { name: /Show more/ }).click();
  await expect(rows).toHaveCount(Math.min(total, 50));
  await page.getByLabel("Sort by").selectOption("title");
  await page.getByLabel("Level").selectOption("senior");
  await expect(page).toHaveURL(/sort=title/);
  await expect(page).toHaveURL(/level=senior/);
  await page.reload();
  await expect(page.getByLabel("Sort by")).toHaveValue("title");
  await expect(rows.first()).toBeVisible();
  const titles = await page.getByTestId("question-row").locator("h2").allTextContents();
  expect(titles).toEqual([...titles].sort());
});
