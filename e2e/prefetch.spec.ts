import { expect, test } from "@playwright/test";
import { newOwnerWithWorkspace } from "./helpers";

// The main pages prefetch on the server what their client components ask for first and hydrate it, so the
// first paint has the data, not a skeleton. With JavaScript off, the page is exactly what the server sent.
test("the main pages arrive with their data, not a skeleton", async ({ browser }) => {
  const signedIn = await browser.newContext();
  const owner = await signedIn.newPage();
  const { email, url } = await newOwnerWithWorkspace(owner, "prefetch");
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.storageState() });
  const page = await noScript.newPage();

  const pages: [string, (p: typeof page) => Promise<void>][] = [
    ["/members", (p) => expect(p.getByTestId("member-row").filter({ hasText: email })).toBeVisible()],
    ["/library", (p) => expect(p.getByTestId("round-type-card").first()).toBeVisible()],
    ["/loops", (p) => expect(p.getByRole("heading", { name: "Loops" })).toBeVisible()],
    ["/loops?level=senior&role=Backend", (p) => expect(p.locator("#board-level")).toHaveValue("senior")],
    ["/calibration", (p) => expect(p.getByRole("heading", { name: "Interviewer calibration" })).toBeVisible()],
  ];
  for (const [path, check] of pages) {
    await page.goto(`${url}${path}`);
    await check(page);
    await expect(page.getByText("Loading…"), `${path} rendered a skeleton on the server`).toHaveCount(0);
  }

  // Without a prefetch the same page would be a skeleton: a loop the server cannot find is left to the client.
  await page.goto(`${url}/loops/00000000000000000000000000`);
  await expect(page.getByText("Loading…").first()).toBeAttached();

  await noScript.close();
  await signedIn.close();
});
