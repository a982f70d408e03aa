import { expect, test, type Page, type TestInfo } from "@playwright/test";
import {
  api,
  decidedLoop,
  expectAccessible,
  inviteAndAccept,
  newOwnerWithWorkspace,
  uniqueEmail,
  withDb,
} from "./helpers";

// Every page each role can open: axe finds nothing serious or critical, and on a 360 px phone nothing is
// wider than the screen (wide data tables scroll inside their own focusable region).

/**
 * Visits each page once, loaded at phone width (a fresh load, so anything laid out at start-up is laid out for the
 * phone), then widens the same page to desktop for axe; returns every problem found (all pages are checked, then
 * reported). One navigation per page instead of two keeps the sweep quick.
 */
async function sweep(page: Page, testInfo: TestInfo, role: string, paths: string[]): Promise<string[]> {
  const problems: string[] = [];
  const fits = async (where: string, width: number) => {
    // Two animation frames: the resize has been laid out before the width is read.
    const scrollWidth = await page.evaluate(
      () =>
        new Promise<number>((done) =>
          requestAnimationFrame(() => requestAnimationFrame(() => done(document.documentElement.scrollWidth))),
        ),
    );
    if (scrollWidth > width) problems.push(`${where}: ${scrollWidth} px wide`);
  };
  for (const path of paths) {
    const at = (width: number) => `${role} ${path.replace(/^http:\/\/[^/]+/, "")} at ${width} px`;
    // 360 px: the narrowest common phone (the journeys check 390 × 844 as well).
    await page.setViewportSize({ width: 360, height: 800 });
    const res = await page.goto(path);
    if ((res?.status() ?? 500) >= 400) problems.push(`${at(360)}: HTTP ${res?.status()}`);
    await expect(page.locator("h1").first(), `${at(360)} has its heading`).toBeVisible();
    await page.waitForLoadState("networkidle");
    await fits(at(360), 360);
    await page.setViewportSize({ width: 1440, height: 900 });
    await fits(at(1440), 1440);
    // axe once per page, at desktop width (the journeys also run it on phones).
    try {
      await expectAccessible(page, testInfo, at(1440));
    } catch (err) {
      problems.push(
        `${at(1440)}: ${(err as Error).message
          .split("\n")
          .filter((l) => l.includes(":"))
          .slice(0, 6)
          .join(" | ")}`,
      );
    }
  }
  return problems;
}

test("every page of every role is accessible and fits a 360 px phone", async ({ browser }, testInfo) => {
  test.setTimeout(600_000);
  const owner = await (await browser.newContext()).newPage();
  const { url } = await newOwnerWithWorkspace(owner, "pages");
  const interviewer = await (await browser.newContext()).newPage();
  const candidate = await (await browser.newContext()).newPage();
  await inviteAndAccept(owner, interviewer, url, uniqueEmail("pages-interviewer"), "interviewer");
  await inviteAndAccept(owner, candidate, url, uniqueEmail("pages-candidate"), "candidate");

  // A loop for the candidate with one round booked, so loop, debrief and kit pages have content.
  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string }>(owner, "workspace.resolve", { slug }, "query");
  const members = await api<{ id: string; role: string }[]>(owner, "member.list", { workspaceId: ws.id }, "query");
  const templates = await api<{ id: string; key: string }[]>(owner, "loop.templates", { workspaceId: ws.id }, "query");
  const { id: loopId } = await api<{ id: string }>(owner, "loop.create", {
    workspaceId: ws.id,
    candidateMemberId: members.find((m) => m.role === "candidate")!.id,
    templateId: templates.find((t) => t.key === "entry-coding-focus")!.id,
    targetRole: "Backend engineer",
  });
  const loop = await api<{ rounds: { id: string; roundType: { id: string } }[] }>(
    owner,
    "loop.get",
    { workspaceId: ws.id, loopId },
    "query",
  );
  const startsAt = new Date(Math.ceil((Date.now() + 72 * 3_600_000) / 3_600_000) * 3_600_000);
  await api(owner, "schedule.book", {
    workspaceId: ws.id,
    loopId,
    bookings: [
      {
        roundId: loop.rounds[0]!.id,
        interviewerMemberId: members.find((m) => m.role === "interviewer")!.id,
        startsAt: startsAt.toISOString(),
      },
    ],
  });
  const rubricId = await withDb(
    async (c) =>
      (
        await c.query<{ id: string }>(`SELECT id FROM rubrics WHERE "workspaceId" = $1 ORDER BY "createdAt" LIMIT 1`, [
          ws.id,
        ])
      ).rows[0]!.id,
  );
  const roundTypeId = loop.rounds[0]!.roundType.id;
  // A second loop, decided and its report released, for the report editor and the candidate's report.
  const decided = await decidedLoop(
    owner,
    ws.id,
    members.find((m) => m.role === "candidate")!.id,
    members.find((m) => m.role === "owner")!.id,
    5,
    3,
  );
  const { reportId } = await api<{ reportId: string }>(owner, "report.openDraft", {
    workspaceId: ws.id,
    loopId: decided,
  });
  await api(owner, "report.release", { workspaceId: ws.id, loopId: decided });
  // Version 2 of a rubric with one signal changed, for the comparison page.
  await api(owner, "rubric.startDraft", { workspaceId: ws.id, rubricId });
  type Signal = {
    id: string;
    dimensionKey: string;
    title: string;
    description: string;
    anchors: [string, string, string, string];
    weights: unknown;
  };
  const signal = (
    await api<{ version: { signals: Signal[] } }>(owner, "rubric.get", { workspaceId: ws.id, rubricId }, "query")
  ).version.signals[0]!;
  const [a1, a2, a3, a4] = signal.anchors;
  await api(owner, "rubric.saveSignal", {
    workspaceId: ws.id,
    rubricId,
    signalId: signal.id,
    dimensionKey: signal.dimensionKey,
    title: signal.title,
    description: `${signal.description} Asks for one worked example.`,
    anchors: { 1: a1, 2: a2, 3: `${a3} Names the edge cases before starting and confirms them.`, 4: a4 },
    weights: signal.weights,
  });
  await api(owner, "rubric.publish", {
    workspaceId: ws.id,
    rubricId,
    changeSummary: "A worked example and named edge cases",
  });

  const problems = await sweep(owner, testInfo, "owner", [
    "/w",
    url,
    `${url}/loops`,
    `${url}/loops/${loopId}`,
    `${url}/loops/${loopId}/debrief`,
    `${url}/loops/${decided}/debrief`,
    `${url}/loops/${decided}/report`,
    `${url}/templates`,
    `${url}/calibration`,
    `${url}/agenda`,
    `${url}/agenda?view=week`,
    `${url}/availability`,
    `${url}/interviewers`,
    `${url}/library`,
    `${url}/library/${rubricId}`,
    `${url}/library/${rubricId}/compare?from=1&to=2`,
    `${url}/questions`,
    `${url}/kits`,
    `${url}/kits/${roundTypeId}`,
    `${url}/members`,
    `${url}/email`,
    `${url}/audit`,
    `${url}/training`,
    `${url}/exercises`,
    `${url}/exercises/new`,
    `${url}/how-i-rate`,
    `${url}/settings`,
  ]);
  problems.push(
    ...(await sweep(interviewer, testInfo, "interviewer", [
      url,
      `${url}/agenda`,
      `${url}/availability`,
      `${url}/kits`,
      `${url}/kits/${roundTypeId}`,
      `${url}/rounds/${loop.rounds[0]!.id}/scorecard`,
      `${url}/training`,
      `${url}/exercises`,
      `${url}/how-i-rate`,
      `${url}/settings`,
    ])),
  );
  problems.push(
    ...(await sweep(candidate, testInfo, "candidate", [
      url,
      `${url}/schedule`,
      `${url}/reports`,
      `${url}/reports/${reportId}`,
      `${url}/settings`,
    ])),
  );
  expect(problems).toEqual([]);
});
