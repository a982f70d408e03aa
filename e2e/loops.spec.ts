import { expect, test } from "@playwright/test";
import { expectAccessible, inviteAndAccept, newOwnerWithWorkspace, screenshot, uniqueEmail } from "./helpers";

test("a coach creates a loop from a template and books suggested slots; the interviewer sees the agenda, the candidate the schedule", async ({
  browser,
}, testInfo) => {
  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  const { url } = await newOwnerWithWorkspace(coach, "loops");

  const interviewerContext = await browser.newContext();
  const interviewer = await interviewerContext.newPage();
  const interviewerEmail = uniqueEmail("loop-interviewer");
  await inviteAndAccept(coach, interviewer, url, interviewerEmail, "interviewer");
  const candidateContext = await browser.newContext();
  const candidate = await candidateContext.newPage();
  await inviteAndAccept(coach, candidate, url, uniqueEmail("loop-candidate"), "candidate");

  // The interviewer runs every round type of the template.
  await coach.goto(`${url}/interviewers`);
  const settings = coach.getByTestId("interviewer-settings").first();
  for (const name of ["Technical screen", "Coding", "Behavioral"])
    await settings.getByLabel(name, { exact: true }).check();
  await settings.getByRole("button", { name: /^Save/ }).click();
  await expect(coach.getByText(/^Saved /)).toBeVisible();

  // A loop from a template.
  await coach.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Loops" }).click();
  await expect(coach.getByText("No loops yet")).toBeVisible();
  await coach.getByLabel("Template").selectOption({ label: "Entry level, coding focus (4 rounds)" });
  await coach.getByRole("button", { name: "Create loop" }).click();
  await expect(coach.getByTestId("timeline-round")).toHaveCount(4);
  // Back to the board: the router shows the render it kept, from before the loop; the board reads it again.
  await coach.goBack();
  await expect(coach.getByTestId("loop-card")).toHaveCount(1);
  await coach.goForward();
  await expect(coach.getByTestId("timeline-round")).toHaveCount(4);
  await coach.getByRole("button", { name: "Suggest slots" }).click();
  await expect(coach.getByTestId("slot-suggestion").first()).toBeVisible();
  await expectAccessible(coach, testInfo, "loop-suggestions");
  await coach.getByRole("button", { name: "Book option 1" }).click();
  await expect(coach.getByText(/Booked 4 rounds/)).toBeVisible();
  await expect(coach.locator('[data-testid="timeline-round"][data-status="scheduled"]')).toHaveCount(4);
  await expect(coach.getByLabel("Status")).toHaveValue("scheduled");
  await screenshot(coach, testInfo, "loop-timeline");
  // The week grid is fetched when its section is first opened.
  await coach.getByTestId("loop-week").getByText("Week view").click();
  await expect(coach.getByTestId("loop-week").getByRole("button", { name: "Next week" })).toBeVisible();

  // The board's card: the candidate, role and level, rounds booked, and the next round as a time.
  await coach.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Loops" }).click();
  const card = coach.getByTestId("loop-card");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(/^Candidate /);
  await expect(card).toContainText(/ · entry/);
  await expect(card).toContainText(/4\/4 booked\s*next /);
  await expect(card.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  await expect(coach.getByRole("heading", { name: /Scheduled \(1\)/ })).toBeVisible();

  // The interviewer's agenda.
  await interviewer.goto(`${url}/agenda`);
  await expect(interviewer.getByTestId("agenda-round").first()).toBeVisible();
  expect(await interviewer.getByTestId("agenda-round").count()).toBeGreaterThanOrEqual(1);
  await expect(interviewer.getByTestId("agenda-round").first().getByRole("link", { name: "Open kit" })).toBeVisible();
  await expectAccessible(interviewer, testInfo, "agenda");

  // The candidate's schedule, without interviewer identities.
  await candidate.goto(`${url}/schedule`);
  await expect(candidate.getByTestId("schedule-round")).toHaveCount(4);
  await expect(candidate.getByText(interviewerEmail)).toHaveCount(0);
  await expectAccessible(candidate, testInfo, "schedule");
  await screenshot(candidate, testInfo, "candidate-schedule");

  await coachContext.close();
  await interviewerContext.close();
  await candidateContext.close();
});
