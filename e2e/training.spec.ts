import { expect, test } from "@playwright/test";
import { expectAccessible, inviteAndAccept, newOwnerWithWorkspace, screenshot, uniqueEmail } from "./helpers";

test("a coach sets a training path and signs off a trainee, who then leads in suggested slots and sees they are qualified", async ({
  browser,
}, testInfo) => {
  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  const { url } = await newOwnerWithWorkspace(coach, "training");
  const traineeContext = await browser.newContext();
  const trainee = await traineeContext.newPage();
  const traineeEmail = uniqueEmail("trainee");
  const traineeName = `Interviewer ${traineeEmail.split("@")[0]!.slice(-8)}`;
  await inviteAndAccept(coach, trainee, url, traineeEmail, "interviewer");
  const candidateContext = await browser.newContext();
  await inviteAndAccept(coach, await candidateContext.newPage(), url, uniqueEmail("training-cand"), "candidate");

  // The trainee runs every round type of the template.
  await coach.goto(`${url}/interviewers`);
  const settings = coach.getByTestId("interviewer-settings").first();
  for (const name of ["Technical screen", "Coding", "Behavioral"])
    await settings.getByLabel(name, { exact: true }).check();
  await settings.getByRole("button", { name: /^Save/ }).click();
  await expect(coach.getByText(/^Saved /)).toBeVisible();

  // Coding gets a path (no rounds asked, only the sign-off): the trainee may no longer lead it.
  await coach.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Training" }).click();
  const codingPath = coach.getByRole("form", { name: "Training path for Coding" });
  await codingPath.getByLabel("Shadows", { exact: true }).fill("0");
  await codingPath.getByLabel("Reverse-shadows").fill("0");
  await codingPath.getByRole("button", { name: "Add a path" }).click();
  const trainees = coach.getByRole("list", { name: "Trainees for Coding" });
  await expect(trainees.getByText(traineeName, { exact: true })).toBeVisible();
  await expect(trainees.getByText("Ready for sign-off")).toBeVisible();
  await expectAccessible(coach, testInfo, "training-coach");

  // A loop whose coding rounds nobody qualified can lead: suggestions say so.
  await coach.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Loops" }).click();
  await coach.getByLabel("Template").selectOption({ label: "Entry level, coding focus (4 rounds)" });
  await coach.getByRole("button", { name: "Create loop" }).click();
  await expect(coach.getByTestId("timeline-round")).toHaveCount(4);
  const loopUrl = coach.url();
  await coach.getByRole("button", { name: "Suggest slots" }).click();
  await expect(coach.getByRole("alert").filter({ hasText: "No interviewer is qualified for: Coding" })).toBeVisible();

  // The coach signs the trainee off.
  await coach.goto(`${url}/training`);
  await coach.getByRole("button", { name: `Sign off ${traineeName}` }).click();
  await expect(coach.getByText(/^Signed off: they now lead these rounds/)).toBeVisible();
  await expect(coach.getByText("signed off", { exact: true })).toBeVisible();
  await screenshot(coach, testInfo, "training-coach");

  // Now they lead the coding rounds in suggested slots.
  await coach.goto(loopUrl);
  await coach.getByRole("button", { name: "Suggest slots" }).click();
  const option = coach.getByTestId("slot-suggestion").first();
  await expect(option).toBeVisible();
  await expect(
    option
      .getByRole("listitem")
      .filter({ hasText: /^Coding:/ })
      .first(),
  ).toContainText(traineeName);

  // The sign-off is in the audit log.
  await coach.goto(`${url}/audit`);
  await expect(
    coach.getByRole("listitem").filter({ hasText: "signed off an interviewer to lead a round type" }),
  ).toContainText(traineeName);

  // The trainee sees their path: qualified.
  await trainee.goto(`${url}/training`);
  const mine = trainee.getByTestId("my-training");
  await expect(mine.getByRole("heading", { name: "Coding" })).toBeVisible();
  await expect(mine.getByText("Qualified", { exact: true })).toBeVisible();
  await expect(mine.getByText("You are qualified: you can lead these rounds.")).toBeVisible();
  await expectAccessible(trainee, testInfo, "training-interviewer");

  await coachContext.close();
  await traineeContext.close();
  await candidateContext.close();
});
