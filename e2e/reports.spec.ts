import { expect, test } from "@playwright/test";
import {
  api,
  decidedLoop,
  expectAccessible,
  inviteAndAccept,
  newOwnerWithWorkspace,
  screenshot,
  uniqueEmail,
} from "./helpers";

test("the coach releases a report; the candidate opens it and sees progress across two loops", async ({
  browser,
}, testInfo) => {
  const coach = await (await browser.newContext()).newPage();
  const { url } = await newOwnerWithWorkspace(coach, "reports");
  const candidate = await (await browser.newContext()).newPage();
  await inviteAndAccept(coach, candidate, url, uniqueEmail("report-candidate"), "candidate");

  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string; memberId: string }>(coach, "workspace.resolve", { slug }, "query");
  const members = await api<{ id: string; role: string }[]>(coach, "member.list", { workspaceId: ws.id }, "query");
  const candidateMemberId = members.find((m) => m.role === "candidate")!.id;

  // The first loop's report is released through the API; the second through the report page.
  const first = await decidedLoop(coach, ws.id, candidateMemberId, ws.memberId, 7, 2);
  await api(coach, "report.openDraft", { workspaceId: ws.id, loopId: first });
  await api(coach, "report.release", { workspaceId: ws.id, loopId: first });
  const second = await decidedLoop(coach, ws.id, candidateMemberId, ws.memberId, 14, 3);

  await coach.goto(`${url}/loops/${second}/report`);
  await expect(coach.getByRole("heading", { name: "Preview: exactly what the candidate sees" })).toBeVisible();
  const preview = coach.getByTestId("report-preview");
  await expect(preview.getByTestId("preview-state")).toHaveText("Saved");
  // The preview follows the form as the coach types, before anything is saved, and says it is unsaved.
  await coach.getByLabel("Summary").pressSequentially("Clear progress on testing; keep working on complexity.");
  await expect(preview.getByTestId("report-summary")).toHaveText(
    "Clear progress on testing; keep working on complexity.",
  );
  await expect(preview.getByTestId("preview-state")).toHaveText("Unsaved changes");
  await coach.locator("#growthAreas-0").pressSequentially("Say the complexity before you code.");
  await expect(preview.locator("section", { has: coach.getByRole("heading", { name: "Growth areas" }) })).toContainText(
    "Say the complexity before you code.",
  );
  const saved = await api<{ draft: { summary: string } }>(coach, "report.openDraft", {
    workspaceId: ws.id,
    loopId: second,
  });
  expect(saved.draft.summary, "nothing was saved while typing").toBe("");
  await coach.getByRole("button", { name: "Save draft" }).click();
  await expect(preview.getByTestId("preview-state")).toHaveText("Saved");
  // Evidence on offer is grouped by signal and labelled by round.
  const offered = coach.getByTestId("evidence-offered");
  await expect(offered.locator("fieldset").first().locator("legend")).not.toBeEmpty();
  await expect(offered.locator("li").first()).toContainText(/^Coding \(round 2\): /);
  await coach.getByRole("button", { name: "Release to candidate" }).click();
  await expect(coach.getByText(/Released version 1/)).toBeVisible();
  // The controls follow at once, without a reload.
  await expect(coach.getByText("released · v1", { exact: true })).toBeVisible();
  await expect(coach.getByRole("button", { name: "Release revision" })).toBeVisible();
  await expect(coach.getByRole("button", { name: "Withdraw" })).toBeVisible();
  await expectAccessible(coach, testInfo, "report-editor");

  // The candidate.
  await candidate.goto(`${url}/reports`);
  await expect(candidate.getByTestId("report-link")).toHaveCount(2);
  await candidate.getByTestId("report-link").nth(1).click();
  await expect(candidate.getByTestId("report-summary")).toHaveText(
    "Clear progress on testing; keep working on complexity.",
  );
  await expect(candidate.getByTestId("progress-chart")).toBeVisible();
  await expect(candidate.getByTestId("progress-chart").locator(".recharts-line")).not.toHaveCount(0);
  await expect(
    candidate.getByRole("table", { name: "Dimension scores per loop, with the likely range" }).locator("tbody tr"),
  ).toHaveCount(2);
  await expect(candidate.getByTestId("practice-plan")).toContainText("Days 1–2");
  await expectAccessible(candidate, testInfo, "candidate-report");
  await screenshot(candidate, testInfo, "candidate-report");
});
