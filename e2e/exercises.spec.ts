import { expect, test } from "@playwright/test";
import { expectAccessible, inviteAndAccept, newOwnerWithWorkspace, screenshot, uniqueEmail } from "./helpers";

const REASONS = [
  "Asked about empty input and duplicates before writing any code.",
  "Picked a hash map for linear time and said why it beats sorting here.",
];

test("a coach publishes a calibration exercise; a trainee rates it blind, then sees the reference and the panel", async ({
  browser,
}, testInfo) => {
  const coach = await (await browser.newContext()).newPage();
  const { url } = await newOwnerWithWorkspace(coach, "exercise");
  const trainee = await (await browser.newContext()).newPage();
  await inviteAndAccept(coach, trainee, url, uniqueEmail("trainee"), "interviewer");

  // The coach writes the case against the coding rubric: two signals with reference ratings 3 and 2.
  await coach.goto(`${url}/exercises/new`);
  await coach.getByLabel("Round type").selectOption({ label: "Coding" });
  const checks = coach.getByRole("checkbox");
  await expect(checks.first()).toBeVisible();
  const count = await checks.count();
  for (let i = 2; i < count; i++) await checks.nth(i).uncheck();
  const ratings = coach.getByRole("combobox", { name: /^Reference rating for / });
  await ratings.nth(0).selectOption("3");
  await ratings.nth(1).selectOption("2");
  const reasons = coach.getByRole("textbox", { name: /^Why .* gets this rating$/ });
  await reasons.nth(0).fill(REASONS[0]!);
  await reasons.nth(1).fill(REASONS[1]!);
  await coach.getByLabel("Title").fill("Practice: two-sum with duplicates");
  await coach.getByLabel("What the candidate was asked").fill("Find two numbers that add up to a target.");
  await coach
    .getByLabel("The answer: transcript or notes")
    .fill(
      "Candidate: Can the list be empty? Can a number repeat? Then I keep a map from value to index and look up target minus x as I go.",
    );
  await coach.getByRole("button", { name: "Publish exercise" }).click();
  await expect(coach).toHaveURL(`${url}/exercises`);
  await expect(coach.getByRole("heading", { name: "Practice: two-sum with duplicates" })).toBeVisible();

  // The trainee rates blind: the transcript and anchors, never the reference.
  await trainee.goto(`${url}/exercises`);
  await trainee.getByRole("link", { name: "Rate “Practice: two-sum with duplicates”" }).click();
  await expect(trainee.getByTestId("transcript")).toContainText("map from value to index");
  const groups = trainee.getByRole("radiogroup", { name: /^Rating for / });
  await expect(groups).toHaveCount(2);
  for (const reason of REASONS) await expect(trainee.getByText(reason)).toHaveCount(0);
  await expect(trainee.getByTestId("comparison")).toHaveCount(0);
  await trainee.getByRole("button", { name: "Submit ratings" }).click();
  await expect(trainee.getByRole("alert").filter({ hasText: "Rate every signal" })).toBeVisible();
  await groups.nth(0).getByRole("radio").nth(2).check();
  await groups.nth(1).getByRole("radio").nth(2).check();
  await expect(trainee.getByTestId("progress")).toHaveText("2 of 2 signals rated");
  await trainee.getByRole("button", { name: "Submit ratings" }).click();

  // The comparison: 3 vs 3 and 3 vs 2 → mean 0.5, nothing 2 off: passed at the default tolerance.
  const comparison = trainee.getByTestId("comparison");
  await expect(comparison).toBeVisible();
  await expect(trainee.getByTestId("verdict")).toContainText("Passed");
  await expect(trainee.getByTestId("verdict")).toContainText("on average 0.50 points");
  const rows = comparison.getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(REASONS[0]!);
  await expect(rows.nth(2)).toContainText(REASONS[1]!);
  await expect(rows.nth(2)).toContainText("+1");
  await expect(comparison.getByText("Nobody else yet").first()).toBeVisible();
  // Rated once, it is due again only after 180 days (the form's default): no form now.
  await expect(trainee.getByRole("button", { name: "Submit ratings" })).toHaveCount(0);
  await expectAccessible(trainee, testInfo, "exercise-comparison");
  await screenshot(trainee, testInfo, "exercise-comparison");

  // How I rate lists the exercise; it is private: the page speaks to the trainee.
  await trainee.goto(`${url}/how-i-rate`);
  await expect(trainee.getByRole("heading", { name: "How I rate" })).toBeVisible();
  await expect(trainee.getByText("Practice: two-sum with duplicates")).toBeVisible();
  await expectAccessible(trainee, testInfo, "how-i-rate");
});
