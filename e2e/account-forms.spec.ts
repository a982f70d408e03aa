import { expect, test } from "@playwright/test";
import { newOwnerWithWorkspace } from "./helpers";

// The account page and the workspace settings send through the tRPC client alone (src/trpc/action.ts) and show
// the server's data again after a change (router.refresh).
test("the account page and the settings save through the light client and show what the server saved", async ({
  page: first,
  context,
}) => {
  const { url, name } = await newOwnerWithWorkspace(first, "light");
  await first.close();
  const page = await context.newPage();
  // The calendar link: made and shown once; the status the server renders follows; turned off.
  await page.goto("/w");
  await expect(page.getByTestId("feed-status")).toHaveText("No link yet.");
  await page.getByRole("button", { name: "Make my calendar link" }).click();
  await expect(page.getByLabel(/Your subscription link/)).toHaveValue(/\/api\/calendar\//);
  await page.getByRole("button", { name: "Turn the link off" }).click();
  await expect(page.getByText(/Calendar link turned off/)).toBeVisible();
  await expect(page.getByTestId("feed-status")).toHaveText("No link yet.");
  await page.reload();
  await expect(page.getByTestId("feed-status")).toHaveText("No link yet.");

  // Settings: a value the form refuses stays in the form with its message; a valid change is saved and shown.
  await page.goto(`${url}/settings`);
  const retention = page.getByLabel(/Erase candidates' personal data after/);
  await retention.fill("soon");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/whole number|number/i).first()).toBeVisible();
  await expect(retention).toHaveValue("soon");
  await retention.fill("24");
  await page.getByLabel("Name", { exact: true }).fill(`${name} renamed`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeEnabled();
  await page.reload();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(`${name} renamed`);
  await expect(page.getByLabel(/Erase candidates' personal data after/)).toHaveValue("24");
});
