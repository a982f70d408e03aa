import { readFile } from "node:fs/promises";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectAccessible, screenshot, signInByMagicLink, uniqueEmail, withDb } from "./helpers";

// A coach of the demo workspace opens Analytics: the period and a filter change the figures (and the URL),
// a chart's table downloads as CSV with its header row, and axe finds nothing serious at desktop and phone width.
test("a coach reads analytics, changes the period and a filter, and downloads a CSV", async ({ page }, testInfo) => {
  const email = uniqueEmail("analytics-coach");
  await signInByMagicLink(page, email);
  await expect(page).toHaveURL(/\/w$/);
  // The demo has no coach: this person joins it as one, and leaves again at the end (other specs count its members).
  await withDb(async (db) => {
    await db.query(
      `INSERT INTO memberships (id, "workspaceId", "userId", role)
       SELECT 'e2e-an-' || u.id, w.id, u.id, 'coach' FROM users u, workspaces w WHERE u.email = $1 AND w.slug = 'demo'`,
      [email],
    );
  });
  try {
    await readAnalytics(page, testInfo);
  } finally {
    await withDb((db) =>
      db.query(`DELETE FROM memberships WHERE "userId" = (SELECT id FROM users WHERE email = $1)`, [email]),
    );
  }
});

async function readAnalytics(page: Page, testInfo: TestInfo) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/w/demo");
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Analytics" }).click();
  await expect(page).toHaveURL(/\/w\/demo\/analytics$/);
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  // Prefetched on the server: the figures are there on first paint (the default period, last 90 days).
  await expect(page.getByTestId("analytics-period")).toContainText("Europe/Berlin");
  await expect(page.getByRole("heading", { name: "Time to submit scorecards" })).toBeVisible();
  const firstPeriod = await page.getByTestId("analytics-period").textContent();
  await expectAccessible(page, testInfo, "analytics at 1440 px");
  await screenshot(page, testInfo, "analytics-1440");

  // Another period: the first day moves back, and the URL keeps it.
  await page.getByLabel("Period", { exact: true }).selectOption("365d");
  await expect(page).toHaveURL(/period=365d/);
  await expect(page.getByTestId("analytics-period")).not.toHaveText(firstPeriod ?? "");
  // A custom period asks for both days before it asks the server.
  await page.getByLabel("Period", { exact: true }).selectOption("custom");
  await expect(page.getByRole("alert").filter({ hasText: "Choose both" })).toBeVisible();
  await page.getByLabel("First day", { exact: true }).fill("2026-01-01");
  await page.getByLabel("Last day", { exact: true }).fill("2026-03-31");
  await expect(page.getByTestId("analytics-period")).toContainText("2026-01-01 to 2026-03-31");
  // A filter: one interviewer.
  await page.getByLabel("Interviewer", { exact: true }).selectOption({ label: "Ivan Petrov" });
  await expect(page).toHaveURL(/interviewer=/);
  await page.reload();
  await expect(page.getByLabel("Interviewer", { exact: true })).toHaveValue(/.+/);
  await expect(page.getByTestId("analytics-period")).toContainText("2026-01-01 to 2026-03-31");

  // Every chart downloads as CSV; the header row names the table's columns.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download Time to submit scorecards as CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("analytics-scorecard-timing.csv");
  const text = await readFile(await download.path(), "utf8");
  expect(text.split("\r\n")[0]).toBe(
    "Interviewer,Rounds ended,Submitted,Submission rate,Overdue,Median hours,90th percentile hours",
  );
  const [stages] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download Pass-through by stage as CSV" }).click(),
  ]);
  expect((await readFile(await stages.path(), "utf8")).split("\r\n")[0]).toBe(
    "Stage,Loops,Of created,Of the stage before",
  );

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/w/demo/analytics?period=365d");
  await expect(page.getByRole("heading", { name: "Loops by status" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page, testInfo, "analytics at 390 px");
  await screenshot(page, testInfo, "analytics-390");
}
