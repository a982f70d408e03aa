import { expect, test } from "@playwright/test";
import { expectAccessible, inviteAndAccept, newOwnerWithWorkspace, screenshot, uniqueEmail } from "./helpers";

test("a coach edits a signal's anchor, publishes version 2 and sees the difference; an interviewer opens a kit", async ({
  browser,
}, testInfo) => {
  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  const { url } = await newOwnerWithWorkspace(coach, "coach");

  // The seeded library.
  await coach.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Rubric library" }).click();
  await expect(coach.getByTestId("round-type-card")).toHaveCount(7);
  await expectAccessible(coach, testInfo, "library");
  await coach.getByRole("link", { name: "Coding rubric" }).click();
  await expect(coach.getByRole("heading", { name: "Coding rubric" })).toBeVisible();
  await expect(coach.getByText("version 1 (published)")).toBeVisible();

  // Start version 2 and edit the first signal's anchor for rating 3.
  await coach.getByRole("button", { name: "Start version 2" }).click();
  await expect(coach.getByText("version 2 (draft)")).toBeVisible();
  const firstSignal = coach.getByTestId("signal-editor").first();
  const anchor = firstSignal.getByLabel("Anchor 3 — meets the bar");
  const newAnchor =
    "Names the empty input, duplicates and one overflow case before writing any code, and confirms them.";
  await anchor.fill(newAnchor);
  // Publishing with the edit unsaved is refused, naming the card; nothing is lost.
  await expect(firstSignal.getByTestId("unsaved-signal")).toBeVisible();
  await coach.getByLabel("What changed").fill("Made the meets-the-bar anchor of the first signal concrete");
  await coach.getByRole("button", { name: "Publish" }).click();
  await expect(coach.getByTestId("publish-blocked")).toBeVisible();
  await expect(coach.getByText("version 2 (draft)")).toBeVisible();
  await expect(anchor).toHaveValue(newAnchor);
  await firstSignal.getByRole("button", { name: "Save signal" }).click();
  await expect(coach.getByText(/^Saved "/)).toBeVisible();
  await expect(coach.getByTestId("publish-blocked")).toHaveCount(0);
  await expectAccessible(coach, testInfo, "rubric-draft");

  await coach.getByRole("button", { name: "Publish" }).click();
  await expect(coach.getByText("version 2 (published)")).toBeVisible();

  await coach.getByRole("link", { name: "Compare v1 → v2" }).click();
  await expect(coach.getByRole("heading", { name: "Coding rubric: v1 → v2" })).toBeVisible();
  const diff = coach.getByTestId("diff-table");
  await expect(diff).toHaveCount(1);
  await expect(diff.getByRole("row", { name: /anchor 3/ })).toContainText(newAnchor);
  await expectAccessible(coach, testInfo, "compare");
  await screenshot(coach, testInfo, "rubric-compare");

  // An interviewer of the workspace opens a kit.
  const interviewerContext = await browser.newContext();
  const interviewer = await interviewerContext.newPage();
  await inviteAndAccept(coach, interviewer, url, uniqueEmail("kit-interviewer"), "interviewer");
  await interviewer
    .getByRole("navigation", { name: "Workspace" })
    .getByRole("link", { name: "Interviewer kits" })
    .click();
  await expect(
    interviewer.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Rubric library" }),
  ).toHaveCount(0);
  await interviewer.getByRole("link", { name: /LRU/ }).first().click();
  await expect(interviewer.getByRole("heading", { level: 1 })).toContainText("LRU");
  await expect(interviewer.getByTestId("kit-prompt")).not.toBeEmpty();
  await expect(interviewer.getByText("Timing guide")).toBeVisible();
  // The kit shows the newly published version 2, with the edited anchor.
  await expect(interviewer.getByText("version 2")).toBeVisible();
  await expect(interviewer.getByText(newAnchor)).toBeVisible();
  await expectAccessible(interviewer, testInfo, "kit");
  // Printable: the app's navigation drops out, the kit stays.
  await interviewer.emulateMedia({ media: "print" });
  await expect(interviewer.getByRole("navigation", { name: "Workspace" })).toBeHidden();
  await expect(interviewer.getByRole("button", { name: "Print kit" })).toBeHidden();
  await expect(interviewer.getByRole("heading", { level: 1 })).toBeVisible();
  await interviewer.emulateMedia({ media: "screen" });
  await screenshot(interviewer, testInfo, "interviewer-kit");

  await coachContext.close();
  await interviewerContext.close();
});

test("the question bank filters by round type and text", async ({ page }, testInfo) => {
  await newOwnerWithWorkspace(page, "bank");
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Question bank" }).click();
  const rows = page.getByTestId("question-row");
  await expect(rows.first()).toBeVisible();
  const total = await rows.count();
  expect(total).toBeGreaterThanOrEqual(25);
  await page.getByLabel("Round type").selectOption({ label: "System design" });
  await expect.poll(() => rows.count()).toBeLessThan(total);
  await page.getByLabel("Search").fill("shortener");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(/URL/i);
  // The filters live in the URL: a reload keeps them.
  await expect(page).toHaveURL(/[?&]q=shortener/);
  await page.reload();
  await expect(page.getByLabel("Search")).toHaveValue("shortener");
  await expect(rows).toHaveCount(1);
  await expectAccessible(page, testInfo, "question-bank");
});
