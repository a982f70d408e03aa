import { expect, test, type Page } from "@playwright/test";
import { api, newOwnerWithWorkspace, seedCohort, seedInterviewers, seedMembers } from "./helpers";

const TRANSCRIPT =
  "Candidate: Can the list be empty? Can a number repeat? Then I keep a map from value to index and look up target minus x.";

/** An exercise on the first kit's first signal, through the API: the page of one exercise needs one. */
async function anExercise(owner: Page, workspaceId: string): Promise<string> {
  const kits = await api<{ id: string }[]>(owner, "kit.list", { workspaceId }, "query");
  const kit = await api<{ signals: { key: string }[] }>(
    owner,
    "kit.get",
    { workspaceId, roundTypeId: kits[0]!.id },
    "query",
  );
  const { id } = await api<{ id: string }>(owner, "exercise.create", {
    workspaceId,
    roundTypeId: kits[0]!.id,
    title: "Prefetched exercise",
    prompt: "Find two numbers that add up to a target.",
    transcript: TRANSCRIPT,
    reference: { [kit.signals[0]!.key]: { rating: 3, reason: "Asked about the input before writing code." } },
  });
  return id;
}

/** The procedures a browser calls (GET = queries) while `run` goes on: `/api/trpc/a,b?batch=1&input=…`. */
async function queriesDuring(page: Page, run: () => Promise<void>): Promise<string[]> {
  const called: string[] = [];
  const record = (request: { method(): string; url(): string }) => {
    const url = new URL(request.url());
    if (request.method() === "GET" && url.pathname.startsWith("/api/trpc/"))
      called.push(...url.pathname.slice("/api/trpc/".length).split(","));
  };
  page.on("request", record);
  try {
    await run();
  } finally {
    page.off("request", record);
  }
  return called;
}

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
  await seedInterviewers(ws.id, 30, 2, "Rater person");
  // Data that differs from the forms' defaults, so a form that started empty would show it.
  await api(owner, "schedule.saveMyAvailability", {
    workspaceId: ws.id,
    timeZone: "Europe/Lisbon",
    weekly: [{ weekday: 2, start: "10:00", end: "15:00" }],
    exceptions: [{ date: "2031-01-02", available: false }],
  });
  const exerciseId = await anExercise(owner, ws.id);
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
    ["/questions", (p) => expect(p.getByTestId("question-row").first()).toBeVisible()],
    [
      "/questions?sort=title&q=zzz-no-such-question",
      async (p) => {
        await expect(p.locator("#q-sort")).toHaveValue("title");
        await expect(p.getByText("No questions match")).toBeVisible();
      },
    ],
    ["/audit", (p) => expect(p.getByTestId("audit-row").first()).toBeVisible()],
    [
      "/audit?area=loop&sort=oldest",
      async (p) => {
        await expect(p.locator("#audit-sort")).toHaveValue("oldest");
        await expect(p.getByText("No events match")).toBeVisible();
      },
    ],
    ["/email", (p) => expect(p.getByText("No email sent yet").or(p.getByTestId("email-row").first())).toBeVisible()],
    [
      "/email?status=dead&to=nobody",
      async (p) => {
        await expect(p.locator("#email-status")).toHaveValue("dead");
        await expect(p.getByText("No messages match")).toBeVisible();
      },
    ],
    [
      "/interviewers",
      (p) => expect(p.getByTestId("interviewer-settings").or(p.getByText("No interviewers yet")).first()).toBeVisible(),
    ],
    ["/templates", (p) => expect(p.getByRole("heading", { name: "Entry level, coding focus" })).toBeVisible()],
    [
      "/availability",
      async (p) => {
        await expect(p.locator("#av-tz")).toHaveValue("Europe/Lisbon");
        await expect(p.getByLabel("Tuesday", { exact: true })).toBeChecked();
        await expect(p.getByLabel("Days off (dates, comma-separated)")).toHaveValue("2031-01-02");
      },
    ],
    [
      "/training",
      async (p) => {
        await expect(p.getByText("No training path for you").or(p.getByTestId("my-training"))).toBeVisible();
        await expect(p.getByRole("heading", { name: "Everyone's progress" })).toBeVisible();
      },
    ],
    ["/exercises/new", (p) => expect(p.getByLabel("Round type").locator("option").nth(1)).toBeAttached()],
    [`/exercises/${exerciseId}`, (p) => expect(p.getByTestId("transcript")).toContainText("map from value to index")],
    [
      "/calibration?isort=name&interviewer=rater",
      async (p) => {
        await expect(p.getByTestId("interviewer-count")).toHaveText("25 of 30 interviewers in the connected panel");
        await expect(p.getByTestId("interviewer-report").getByTestId("interviewer-row")).toHaveCount(25);
        await expect(p.getByTestId("interviewer-row").first()).toContainText("Rater person 01");
        await expect(p.getByTestId("interviewers-not-calibrated-count")).toHaveText("2 interviewers, by name");
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

  // With JavaScript on, the hydrated pages do not ask again for what they were sent.
  const prefetched: [string, string[]][] = [
    ["/questions?sort=newest", ["question.page", "library.list"]],
    ["/audit?sort=oldest", ["audit.list"]],
    ["/email?status=sent", ["email.list"]],
    ["/interviewers", ["schedule.interviewers", "library.list"]],
    ["/loops?level=mid", ["loop.board", "loop.templates", "member.list"]],
    ["/templates", ["loop.templates"]],
    ["/availability", ["schedule.myAvailability"]],
    ["/settings/api-keys", ["apiKey.list", "member.list"]],
    ["/settings/export", ["workspaceExport.list"]],
    ["/settings/webhooks", ["webhook.list"]],
    ["/analytics", ["analytics.get"]],
    ["/training", ["training.mine", "training.overview", "training.templates"]],
    ["/exercises/new", ["kit.list"]],
    [`/exercises/${exerciseId}`, ["exercise.get"]],
  ];
  for (const [path, procedures] of prefetched) {
    const called = await queriesDuring(owner, async () => {
      await owner.goto(`${url}${path}`);
      await owner.waitForLoadState("networkidle");
    });
    expect(
      called.filter((c) => procedures.includes(c)),
      `${path} fetched again in the browser`,
    ).toEqual([]);
  }
  // The check sees client fetches: a query the page does not prefetch (a kit, once a round type is chosen).
  const kitFetch = await queriesDuring(owner, async () => {
    await owner.goto(`${url}/exercises/new`);
    await owner.getByLabel("Round type").selectOption({ index: 1 });
    await expect(owner.getByRole("checkbox").first()).toBeVisible();
  });
  expect(kitFetch).toContain("kit.get");

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
  await seedInterviewers(ws.id, 30, 1, "Paged rater");
  const asked: string[] = [];
  page.on("request", (r) => {
    if (/\/api\/trpc\/[^?]*(member\.page|calibration\.cohortPage|calibration\.interviewerPage)/.test(r.url()))
      asked.push(r.url());
  });
  for (const [path, list, row, button] of [
    ["/members?q=paged&role=coach", "member.page", "member-row", 0],
    ["/members", "member.page", "member-row", 0],
    ["/calibration?sort=raw&role=backend", "calibration.cohortPage", "cohort-row", 0],
    ["/calibration", "calibration.cohortPage", "cohort-row", 0],
    // The interviewer report's Show more comes after the cohort's.
    ["/calibration?isort=ratings&interviewer=paged", "calibration.interviewerPage", "interviewer-row", 1],
  ] as const) {
    asked.length = 0;
    await page.goto(`${url}${path}`, { waitUntil: "networkidle" });
    await expect(page.getByTestId(row).first()).toBeVisible();
    expect(asked, `${path} fetched its first page again`).toEqual([]);
    // The next page is the browser's to fetch: the same watch sees it.
    await page
      .getByRole("button", { name: /Show more/ })
      .nth(button)
      .click();
    await expect.poll(() => asked.filter((u) => u.includes(list)).length).toBe(1);
  }
});
