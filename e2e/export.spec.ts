// An owner exports the workspace from settings, watches it finish, downloads workspace.json, and imports it as a
// new workspace; the pages are accessible at 1440 and 390 px (docs/export.md).
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, newOwnerWithWorkspace, screenshot } from "./helpers";

test("an owner exports the workspace, downloads it and imports it as a new one", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { url } = await newOwnerWithWorkspace(page, "export");
  await page.goto(`${url}/settings`);
  await page.getByRole("link", { name: "Export workspace" }).click();
  await expect(page.getByRole("heading", { name: "Export", level: 1 })).toBeVisible();
  await expect(page.getByText("No exports yet")).toBeVisible();

  await page.getByRole("button", { name: "Start export" }).click();
  const row = page.getByTestId("export-row");
  await expect(row).toHaveCount(1);
  // The worker picks it up within a second or two; the row follows it to the end.
  await expect(row.getByText("Ready")).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, testInfo, "export-ready-1440");
  await screenshot(page, testInfo, "export-ready-1440");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("link", { name: "Download workspace.json" }).click(),
  ]);
  const file = testInfo.outputPath("workspace.json");
  await download.saveAs(file);
  const doc = JSON.parse(await readFile(file, "utf8")) as { format: string; version: number; members: unknown[] };
  expect([doc.format, doc.version, doc.members.length]).toEqual(["loopwise.workspace-export", 1, 1]);

  await page.setViewportSize({ width: 390, height: 844 });
  await row.getByText(/CSV files/).click();
  await expect(row.getByRole("link", { name: "loops.csv" })).toBeVisible();
  await expectAccessible(page, testInfo, "export-ready-390");
  await screenshot(page, testInfo, "export-ready-390");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Imported as a new workspace the owner lands in.
  await page.goto("/w");
  await page.getByLabel("Export file (workspace.json)").setInputFiles(file);
  await page.getByLabel("Name (optional)").fill("Imported copy");
  await page.getByRole("button", { name: "Import workspace" }).click();
  await expect(page).toHaveURL(/\/w\/imported-copy/);
  await page.goto("/w");
  await expect(page.getByRole("link", { name: /Imported copy/ })).toBeVisible();
  await expectAccessible(page, testInfo, "workspaces-import-390");
  await screenshot(page, testInfo, "workspaces-import-390");
});
