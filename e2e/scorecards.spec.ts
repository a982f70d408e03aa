import { expect, test, type Page } from "@playwright/test";
import {
  expectAccessible,
  inviteAndAccept,
  newOwnerWithWorkspace,
  roundHasStarted,
  screenshot,
  uniqueEmail,
} from "./helpers";

/** Rates every signal of the open scorecard with `rating` (1–4) and writes evidence. */
async function rateAll(page: Page, rating: number) {
  const groups = page.getByRole("radiogroup", { name: /^Rating for / });
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    await groups
      .nth(i)
      .getByRole("radio")
      .nth(rating - 1)
      .check();
    await page
      .getByLabel("Evidence (what you saw and heard)")
      .nth(i)
      .fill(`Observed behaviour ${i + 1} at level ${rating}`);
  }
  return count;
}

async function openCodingScorecard(page: Page, url: string) {
  await page.goto(`${url}/agenda`);
  await page
    .getByTestId("agenda-round")
    .filter({ hasText: /^Coding with/ })
    .first()
    .getByRole("link", { name: "Scorecard" })
    .click();
  await expect(page.getByRole("heading", { name: "Scorecard: Coding" })).toBeVisible();
}

test("two interviewers fill scorecards (autosave, reload, submit); the coach sees the disagreement and calibrated scores and decides", async ({
  browser,
}, testInfo) => {
  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  const { url } = await newOwnerWithWorkspace(coach, "debrief");
  const pages: Page[] = [];
  for (const label of ["iv-one", "iv-two"]) {
    const p = await (await browser.newContext()).newPage();
    await inviteAndAccept(coach, p, url, uniqueEmail(label), "interviewer");
    pages.push(p);
  }
  const [one, two] = pages as [Page, Page];

  // Pools: the first runs screens and coding, the second coding and behavioral.
  await coach.goto(`${url}/interviewers`);
  const cards = coach.getByTestId("interviewer-settings");
  for (const [i, types] of [
    ["Technical screen", "Coding"],
    ["Coding", "Behavioral"],
  ].entries()) {
    for (const t of types) await cards.nth(i).getByLabel(t, { exact: true }).check();
    await cards.nth(i).getByRole("button", { name: /^Save/ }).click();
    await expect(coach.getByText(/^Saved /).first()).toBeVisible();
  }

  // A loop for a new candidate, booked from the first suggestion.
  await coach.goto(`${url}/loops`);
  await coach.getByLabel("…or invite by email").fill(uniqueEmail("debrief-candidate"));
  await coach.getByLabel("Template").selectOption({ label: "Entry level, coding focus (4 rounds)" });
  await coach.getByRole("button", { name: "Create loop" }).click();
  await coach.getByRole("button", { name: "Suggest slots" }).click();
  await coach.getByRole("button", { name: "Book option 1" }).click();
  await expect(coach.locator('[data-testid="timeline-round"][data-status="scheduled"]')).toHaveCount(4);
  const loopUrl = coach.url();

  // Interviewer one: Submit on an empty scorecard lists what is missing, linked, and focuses the first.
  await openCodingScorecard(one, url);
  await expect(one.getByTestId("progress")).toContainText("0 of");
  await one.getByRole("button", { name: "Submit scorecard" }).click();
  const missing = one.getByTestId("missing-fields");
  await expect(missing).toBeVisible();
  await expect(missing.getByRole("link", { name: "Write a summary" })).toBeVisible();
  await expect(one.locator('input[type="radio"][name^="rating-"]').first()).toBeFocused();
  await missing.getByRole("link", { name: "Write a summary" }).click();
  await expect(one.getByLabel("Summary")).toBeFocused();
  // Autosave, reload, everything is still there, submit.
  const signals = await rateAll(one, 4);
  await expect(one.getByTestId("progress")).toContainText(`${signals} of ${signals} signals rated`);
  await one.getByRole("radio", { name: "Strong yes" }).check();
  await one.getByLabel("Summary").fill("Clear, tested, well-structured code.");
  await expect(one.getByTestId("save-state")).toContainText("Saved");
  await one.reload();
  await expect(one.getByTestId("save-state")).toContainText("Saved");
  await expect(one.getByLabel("Summary")).toHaveValue("Clear, tested, well-structured code.");
  await expect(one.getByRole("radio", { name: "Strong yes" })).toBeChecked();
  for (let i = 0; i < signals; i++)
    await expect(
      one
        .getByRole("radiogroup", { name: /^Rating for / })
        .nth(i)
        .getByRole("radio")
        .nth(3),
    ).toBeChecked();
  await expectAccessible(one, testInfo, "scorecard");
  // Before the round: the notes are kept, submitting waits for the round to begin.
  // The bar stays in view at the bottom of a long form.
  await one.getByLabel("Summary").scrollIntoViewIfNeeded();
  await expect(one.getByTestId("scorecard-bar")).toBeInViewport();
  await one.evaluate(() => window.scrollTo(0, 0));
  await expect(one.getByTestId("scorecard-bar")).toBeInViewport();
  await one.getByRole("button", { name: "Submit scorecard" }).click();
  await one.getByRole("button", { name: "Yes, submit" }).click();
  await expect(one.getByText(/you can submit its scorecard once it has begun/)).toBeVisible();
  await roundHasStarted(one.url());
  await one.getByRole("button", { name: "Submit scorecard" }).click();
  await one.getByRole("button", { name: "Keep editing" }).click();
  await expect(one.getByTestId("save-state")).not.toContainText("Submitted");
  await one.getByRole("button", { name: "Submit scorecard" }).click();
  await one.getByRole("button", { name: "Yes, submit" }).click();
  await expect(one.getByTestId("save-state")).toContainText("Submitted");

  // Interviewer two rates low and recommends no.
  await openCodingScorecard(two, url);
  await rateAll(two, 1);
  await two.getByRole("radio", { name: "No", exact: true }).check();
  await two.getByLabel("Summary").fill("Did not test; struggled with edge cases.");
  await expect(two.getByTestId("save-state")).toContainText("Saved");
  await roundHasStarted(two.url());
  await two.getByRole("button", { name: "Submit scorecard" }).click();
  await two.getByRole("button", { name: "Yes, submit" }).click();
  await expect(two.getByTestId("save-state")).toContainText("Submitted");

  // The coach's debrief.
  await coach.goto(`${loopUrl}/debrief`);
  await expect(coach.getByTestId("disagreement")).toContainText("split");
  await expect(coach.locator("tr[data-disagreement]").first()).toBeVisible();
  await expect(coach.getByTestId("debrief-matrix").locator("thead")).toContainText("Calibrated");
  await expect(coach.getByTestId("debrief-matrix").locator("tbody tr").first()).toContainText("4");
  // Each dimension says which rounds it came from: both scorecards are coding rounds.
  await expect(coach.getByTestId("dimension-scores").locator("tbody tr")).not.toHaveCount(0);
  await expect(coach.getByTestId("dimension-scores").locator("tbody tr").first()).toContainText("Coding (round 2)");
  // A card per interviewer with their verdict, and where each round's scorecard stands.
  const verdicts = coach.getByTestId("interviewer-card");
  await expect(verdicts).toHaveCount(2);
  await expect(verdicts.filter({ hasText: "Clear, tested, well-structured code." })).toContainText("Strong yes");
  await expect(verdicts.filter({ hasText: "Did not test; struggled with edge cases." })).toContainText("No");
  await expect(coach.getByTestId("submission-tracker").getByText("submitted")).toHaveCount(2);
  // A disagreement leads to the evidence behind it.
  await coach.getByTestId("disagreement").getByRole("link").first().click();
  await expect(coach).toHaveURL(/#evidence-/);
  await expect(coach.locator(":target")).toContainText("at level 4");
  await expect(coach.locator(":target")).toContainText("at level 1");
  await expectAccessible(coach, testInfo, "debrief");
  await screenshot(coach, testInfo, "debrief");
  await coach.setViewportSize({ width: 390, height: 844 });
  await coach.reload();
  expect(await coach.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(coach, testInfo, "debrief-phone");
  await screenshot(coach, testInfo, "debrief-phone");
  await coach.setViewportSize({ width: 1280, height: 720 });
  // No outcome is chosen for the coach.
  await expect(coach.locator('input[name="decision"]:checked')).toHaveCount(0);
  await coach.getByRole("button", { name: "Record decision" }).click();
  await expect(coach.getByTestId("decision-outcome-error")).toHaveText("Choose an outcome first");
  await coach.getByRole("radio", { name: "Not yet" }).check();
  await expect(coach.getByTestId("decision-outcome-error")).toHaveCount(0);
  await coach.getByLabel("Rationale").fill("The panel split on testing; one more coding round.");
  await coach.getByRole("button", { name: "Record decision" }).click();
  await expect(coach.getByTestId("decision")).toContainText("Not yet");

  // The calibration view: the cohort on one scale, and each interviewer's severity.
  await coach.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Calibration" }).click();
  await expect(coach.getByTestId("cohort-table").locator("tbody tr")).toHaveCount(1);
  await expect(coach.getByTestId("interviewer-report").locator("tbody tr")).toHaveCount(2);
  await expectAccessible(coach, testInfo, "calibration");
  await screenshot(coach, testInfo, "calibration");
});
