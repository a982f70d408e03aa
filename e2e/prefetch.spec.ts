import { expect, test } from "@playwright/test";
import { api, newOwnerWithWorkspace, seedCohort, seedMembers } from "./helpers";

// The main pages prefetch on the server what their client components ask for first and hydrate it, so the
// first paint has the data, not a skeleton. With JavaScript off, the page is exactly what the server sent.
test("the main pages arrive with their data, not a skeleton", async ({ browser }) => {
  const signedIn = await browser.newContext();
  const owner = await signedIn.newPage();
  const { email, url } = await newOwnerWithWorkspace(owner, "prefetch");
  const ws = await api<{ id: string }>(
    owner,
    "workspace.resolve",
    { slug: new URL(url).pathname.split("/")[2]! },
    "query",
  );
  // Long enough lists that the paged pages show a first page of 25 and a count.
  await seedMembers(ws.id, 30, "interviewer", "Listed person");
  await seedCohort(ws.id, 30, 2, "Ranked person");
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.storageState() });
  const page = await noScript.newPage();

  const pages: [string, (p: typeof page) => Promise<void>][] = [
    ["/members", (p) => expect(p.getByTestId("member-row").filter({ hasText: email })).toBeVisible()],
    [
      "/members?q=listed&role=interviewer",
      async (p) => {
        await expect(p.getByTestId("member-count")).toHaveText("25 of 30 members");
        await expect(p.getByTestId("member-row")).toHaveCount(25);
      },
    ],
    ["/library", (p) => expect(p.getByTestId("round-type-card").first()).toBeVisible()],
    ["/loops", (p) => expect(p.getByRole("heading", { name: "Loops" })).toBeVisible()],
    ["/loops?level=senior&role=Backend", (p) => expect(p.locator("#board-level")).toHaveValue("senior")],
    ["/calibration", (p) => expect(p.getByRole("heading", { name: "Interviewer calibration" })).toBeVisible()],
    [
      "/calibration?sort=name&level=mid",
      async (p) => {
        await expect(p.getByTestId("cohort-count")).toHaveText("25 of 30 loops on the calibrated scale");
        await expect(p.getByTestId("cohort-row").first()).toContainText("Ranked person 01");
        await expect(p.getByTestId("not-calibrated-count")).toHaveText("2 loops, by name");
      },
    ],
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

// With JavaScript on, the paged lists hydrate from what the server prefetched: the browser asks for the first
// page only when its input or options differ from the server's (a second request, and a flash on a slow line).
test("the paged lists do not fetch their first page again in the browser", async ({ page }) => {
  const { url } = await newOwnerWithWorkspace(page, "prefetch-paged");
  const ws = await api<{ id: string }>(
    page,
    "workspace.resolve",
    { slug: new URL(url).pathname.split("/")[2]! },
    "query",
  );
  await seedMembers(ws.id, 30, "coach", "Paged person");
  await seedCohort(ws.id, 30, 1, "Paged candidate");
  const asked: string[] = [];
  page.on("request", (r) => {
    if (/\/api\/trpc\/[^?]*(member\.page|calibration\.cohortPage)/.test(r.url())) asked.push(r.url());
  });
  for (const [path, list, row] of [
    ["/members?q=paged&role=coach", "member.page", "member-row"],
    ["/members", "member.page", "member-row"],
    ["/calibration?sort=raw&role=backend", "calibration.cohortPage", "cohort-row"],
    ["/calibration", "calibration.cohortPage", "cohort-row"],
  ] as const) {
    asked.length = 0;
    await page.goto(`${url}${path}`, { waitUntil: "networkidle" });
    await expect(page.getByTestId(row).first()).toBeVisible();
    expect(asked, `${path} fetched its first page again`).toEqual([]);
    // The next page is the browser's to fetch: the same watch sees it.
    await page
      .getByRole("button", { name: /Show more/ })
      .first()
      .click();
    await expect.poll(() => asked.filter((u) => u.includes(list)).length).toBe(1);
  }
});
