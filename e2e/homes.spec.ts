import { expect, test, type Page, type TestInfo } from "@playwright/test";
import {
  api,
  expectAccessible,
  inviteAndAccept,
  newOwnerWithWorkspace,
  roundHasStarted,
  screenshot,
  uniqueEmail,
} from "./helpers";

/** Desktop and a 390 × 844 phone: accessible, a screenshot of each; nothing wider than a 390 or 360 px screen. */
async function checkBothWidths(page: Page, testInfo: TestInfo, name: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await expectAccessible(page, testInfo, name);
  await screenshot(page, testInfo, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${name} fits a 390 px screen`,
  ).toBeLessThanOrEqual(390);
  await expectAccessible(page, testInfo, `${name}-phone`);
  await screenshot(page, testInfo, `${name}-phone`);
  // The narrowest common phone.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${name} fits a 360 px screen`,
  ).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("each role's home lists what needs them next, and the lists follow the work", async ({ browser }, testInfo) => {
  const coach = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const { url } = await newOwnerWithWorkspace(coach, "home");
  const interviewer = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const candidate = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await inviteAndAccept(coach, interviewer, url, uniqueEmail("home-interviewer"), "interviewer");
  await inviteAndAccept(coach, candidate, url, uniqueEmail("home-candidate"), "candidate");

  // Nothing to do yet.
  await coach.goto(url);
  await expect(coach.getByTestId("home-to-schedule")).toContainText("Every open loop has all its rounds booked.");

  // A loop for the candidate: round 1 held (its scorecard now overdue), round 2 in two days, two to schedule.
  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string }>(coach, "workspace.resolve", { slug }, "query");
  const members = await api<{ id: string; role: string }[]>(coach, "member.list", { workspaceId: ws.id }, "query");
  const interviewerMemberId = members.find((m) => m.role === "interviewer")!.id;
  const candidateMemberId = members.find((m) => m.role === "candidate")!.id;
  const templates = await api<{ id: string; key: string }[]>(coach, "loop.templates", { workspaceId: ws.id }, "query");
  const { id: loopId } = await api<{ id: string }>(coach, "loop.create", {
    workspaceId: ws.id,
    candidateMemberId,
    templateId: templates.find((t) => t.key === "entry-coding-focus")!.id,
    targetRole: "Backend engineer",
  });
  const loop = await api<{ rounds: { id: string; roundType: { name: string } }[] }>(
    coach,
    "loop.get",
    { workspaceId: ws.id, loopId },
    "query",
  );
  const [held, next] = [loop.rounds[0]!, loop.rounds[1]!];
  const hour = 3_600_000;
  const inTwoDays = Math.ceil((Date.now() + 48 * hour) / hour) * hour;
  await api(coach, "schedule.book", {
    workspaceId: ws.id,
    loopId,
    bookings: [
      { roundId: held.id, interviewerMemberId, startsAt: new Date(inTwoDays).toISOString() },
      { roundId: next.id, interviewerMemberId, startsAt: new Date(inTwoDays + 2 * hour).toISOString() },
    ],
  });
  await roundHasStarted(held.id);

  // The coach: the loop to finish scheduling, the week's round, the overdue scorecard with a nudge.
  await coach.reload();
  await expect(coach.getByTestId("home-to-schedule")).toContainText("2 of 4 rounds booked");
  await expect(coach.getByTestId("home-this-week")).toContainText(next.roundType.name);
  const overdue = coach.getByTestId("home-overdue");
  await expect(overdue).toContainText(held.roundType.name);
  await overdue.getByRole("button", { name: /^Remind .* of this scorecard$/ }).click();
  await expect(overdue).toContainText("Reminded");
  await expect(coach.getByTestId("home-load")).toContainText("1 round");
  await checkBothWidths(coach, testInfo, "home-coach");
  // On a phone the navigation folds behind a Menu button that names the current page.
  await coach.setViewportSize({ width: 390, height: 844 });
  const nav = coach.getByRole("navigation", { name: "Workspace" });
  await expect(nav.getByRole("link", { name: "Loops" })).toBeHidden();
  await nav.getByRole("button", { name: /Menu · Overview/ }).click();
  await nav.getByRole("link", { name: "Loops" }).click();
  await expect(coach).toHaveURL(/\/loops$/);
  await expect(nav.getByRole("button", { name: /Menu · Loops/ })).toHaveAttribute("aria-expanded", "false");
  await coach.setViewportSize({ width: 1440, height: 900 });

  // The interviewer: the overdue scorecard and the next round with its kit.
  await interviewer.goto(url);
  await expect(interviewer.getByTestId("home-due")).toContainText("overdue");
  await expect(interviewer.getByTestId("home-upcoming").getByRole("link", { name: "Open the kit" })).toHaveCount(1);
  await expect(interviewer.getByTestId("home-calibration")).toContainText("Once you have submitted scorecards");
  await checkBothWidths(interviewer, testInfo, "home-interviewer");

  // They submit it: it leaves their list and the coach's.
  const opened = await api<{ scorecard: { version: number }; rubric: { signals: { key: string }[] } }>(
    interviewer,
    "scorecard.open",
    { workspaceId: ws.id, roundId: held.id },
  );
  const saved = await api<{ version: number }>(interviewer, "scorecard.save", {
    workspaceId: ws.id,
    roundId: held.id,
    expectedVersion: opened.scorecard.version,
    ratings: Object.fromEntries(
      opened.rubric.signals.map((s, i) => [s.key, { rating: (i % 4) + 1, evidence: `Evidence for ${s.key}` }]),
    ),
    redFlagKeys: [],
    recommendation: "yes",
    summary: "Solid round.",
  });
  await api(interviewer, "scorecard.submit", { workspaceId: ws.id, roundId: held.id, expectedVersion: saved.version });
  await interviewer.reload();
  await expect(interviewer.getByTestId("home-due")).toContainText("Nothing to fill in");
  await coach.goto(url);
  await expect(coach.getByTestId("home-overdue")).toContainText("Every scorecard is in");

  // The candidate: their next round in their zone, how to prepare, and no feedback yet.
  await candidate.goto(url);
  const nextRound = candidate.getByTestId("home-next-round");
  await expect(nextRound).toContainText(next.roundType.name);
  await expect(nextRound).toContainText("How to prepare");
  await expect(candidate.getByTestId("home-feedback")).toContainText("releases feedback after each loop");
  await expect(candidate.getByText("Loops to schedule")).toHaveCount(0);
  await checkBothWidths(candidate, testInfo, "home-candidate");
});
