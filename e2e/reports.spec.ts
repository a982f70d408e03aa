import { expect, test, type Page } from "@playwright/test";
import { api, expectAccessible, inviteAndAccept, newOwnerWithWorkspace, roundHasStarted, screenshot, uniqueEmail } from "./helpers";

/** Seeds a decided loop through the API: one coding round the coach interviews, a submitted scorecard, a decision. */
async function decidedLoop(coach: Page, workspaceId: string, candidateMemberId: string, coachMemberId: string, days: number, rating: number) {
  const templates = await api<{ id: string; key: string }[]>(coach, "loop.templates", { workspaceId }, "query");
  const templateId = templates.find((t) => t.key === "entry-coding-focus")!.id;
  const { id: loopId } = await api<{ id: string }>(coach, "loop.create", { workspaceId, candidateMemberId, templateId, targetRole: "Backend engineer", level: "mid" });
  const loop = await api<{ rounds: { id: string }[] }>(coach, "loop.get", { workspaceId, loopId }, "query");
  const roundId = loop.rounds[1]!.id;
  const startsAt = new Date(Date.now() + days * 86_400_000);
  startsAt.setUTCHours(10, 0, 0, 0);
  await api(coach, "schedule.book", { workspaceId, loopId, bookings: [{ roundId, interviewerMemberId: coachMemberId, startsAt: startsAt.toISOString() }] });
  const opened = await api<{ rubric: { signals: { key: string }[] } }>(coach, "scorecard.open", { workspaceId, roundId });
  const ratings = Object.fromEntries(opened.rubric.signals.map((s, i) => [s.key, { rating: Math.min(4, Math.max(1, rating + (i % 2))), evidence: `Seen in round (${i})` }]));
  const saved = await api<{ version: number }>(coach, "scorecard.save", { workspaceId, roundId, expectedVersion: 1, ratings, redFlagKeys: [], recommendation: "yes", summary: "Summary." });
  await roundHasStarted(roundId);
  await api(coach, "scorecard.submit", { workspaceId, roundId, expectedVersion: saved.version });
  await api(coach, "debrief.decide", { workspaceId, loopId, decision: "not_yet", rationale: "Keep practising.", notes: "" });
  return loopId;
}

test("the coach releases a report; the candidate opens it and sees progress across two loops", async ({ browser }, testInfo) => {
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
  await coach.getByLabel("Summary").fill("Clear progress on testing; keep working on complexity.");
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
  await expect(candidate.getByTestId("report-summary")).toHaveText("Clear progress on testing; keep working on complexity.");
  await expect(candidate.getByTestId("progress-chart")).toBeVisible();
  await expect(candidate.getByTestId("progress-chart").locator(".recharts-line")).not.toHaveCount(0);
  await expect(candidate.getByRole("table", { name: "Dimension scores per loop, with the likely range" }).locator("tbody tr")).toHaveCount(2);
  await expect(candidate.getByTestId("practice-plan")).toContainText("Days 1–2");
  await expectAccessible(candidate, testInfo, "candidate-report");
  await screenshot(candidate, testInfo, "candidate-report");
});
