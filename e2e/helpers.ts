import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import pg from "pg";
import { testDatabaseUrl } from "../scripts/test-database.mjs";

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

/** Opens the dev mailbox and returns the newest message's text for `to` that matches `subject`. */
export async function readMail(page: Page, to: string, subject: RegExp): Promise<string> {
  let text = "";
  await expect(async () => {
    await page.goto("/dev/mail");
    const message = page
      .getByTestId("dev-mail")
      .filter({ has: page.getByTestId("dev-mail-to").getByText(to, { exact: true }) })
      .filter({ hasText: subject })
      .first();
    text = (await message.getByTestId("dev-mail-text").textContent({ timeout: 1000 })) ?? "";
    expect(text).not.toBe("");
  }).toPass({ timeout: 15_000 });
  return text;
}

export function firstLink(text: string, pattern: RegExp): string {
  const match = text.match(pattern);
  if (!match) throw new Error(`No link matching ${pattern} in:\n${text}`);
  return match[0];
}

export const MAGIC_LINK = /http:\/\/localhost:\d+\/api\/auth\/callback\/email\?\S+/;

/** Signs in through the real magic-link flow: the form, the dev mailbox, the link. */
export async function signInByMagicLink(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email/);
  const text = await readMail(page, email, /sign-in link/);
  await page.goto(firstLink(text, MAGIC_LINK));
}

export async function expectAccessible(page: Page, testInfo: TestInfo, label: string) {
  // What is moving settles first (toasts sliding in, stacked ones fading behind the newest): axe reads colours
  // as they end up, not a frame of a fade (seen in CI: toast titles read at 4.35:1 and 3.45:1 mid-transition).
  // A transition starts a frame after its change, so frames pass before each look; endless animations
  // (spinners) are not waited for, and nothing is waited for past 3 s.
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const until = Date.now() + 3_000;
    for (;;) {
      await frame();
      await frame();
      const moving = document
        .getAnimations()
        .filter((a) => a.playState === "running" && Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
      if (moving.length === 0 || Date.now() > until) return;
      await Promise.all(moving.map((a) => a.finished.catch(() => undefined)));
    }
  });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  await testInfo.attach(`axe-${label}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: "application/json",
  });
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.help} at ${v.nodes.map((n) => `${n.target.join(" ")} [${n.any.map((c) => c.message).join("; ")}]`).join(", ")}`,
    ),
    `accessibility of ${label}`,
  ).toEqual([]);
}

export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync("e2e/artifacts", { recursive: true });
  const path = `e2e/artifacts/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** Direct access to the e2e database, for what no page shows (token expiry). */
export async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl("loopwise_e2e") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Signs `email` in without the mailbox, for a journey's setup: the user as the magic-link callback creates it (the
 * address in lower case, verified now; found again if it exists) and a database session, whose cookie is set in the
 * page's browser context as next-auth sets it. The magic-link flow itself is the journey of magic-link.spec.ts and
 * onboarding.spec.ts (signInByMagicLink).
 */
export async function signInDirectly(page: Page, email: string) {
  const sessionToken = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + 86_400_000);
  await withDb(async (c) => {
    const user = await c.query<{ id: string }>(
      `INSERT INTO users (id, email, "emailVerified") VALUES ($1, $2, now())
       ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
      [randomUUID(), email.trim().toLowerCase()],
    );
    await c.query(`INSERT INTO sessions (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, $4)`, [
      randomUUID(),
      sessionToken,
      user.rows[0]!.id,
      expires,
    ]);
  });
  await page.context().addCookies([
    {
      name: "next-auth.session-token",
      value: sessionToken,
      url: `http://localhost:${process.env.E2E_PORT ?? 3211}`,
      httpOnly: true,
      sameSite: "Lax",
      expires: Math.floor(expires.getTime() / 1000),
    },
  ]);
}

/**
 * A fresh user with a fresh workspace (seeded library included), created through the workspace form; returns the
 * workspace URL. The user is signed in directly (signInDirectly).
 */
export async function newOwnerWithWorkspace(
  page: Page,
  label: string,
): Promise<{ email: string; url: string; name: string }> {
  const email = uniqueEmail(label);
  const name = `${label} ${Date.now().toString(36)}`;
  await signInDirectly(page, email);
  await page.goto("/w");
  await expect(page).toHaveURL(/\/w$/);
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return { email, url: page.url(), name };
}

/**
 * The owner invites `email` with `role` (through the API the members page calls); that person (in `other`, signed in
 * directly) opens the emailed link and accepts. The members page's form and a signed-out invitee's magic link are
 * the journey of onboarding.spec.ts.
 */
export async function inviteAndAccept(owner: Page, other: Page, workspaceUrl: string, email: string, role: string) {
  const slug = new URL(workspaceUrl).pathname.split("/")[2]!;
  const { id: workspaceId } = await api<{ id: string }>(owner, "workspace.resolve", { slug }, "query");
  await api(owner, "invitation.create", { workspaceId, email, role });
  await signInDirectly(other, email);
  const invitation = await readMail(other, email, /invited you/);
  await other.goto(firstLink(invitation, /http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]+/));
  // The invitation asks for a name (and a zone, taken from the browser) before anything else.
  const name = other.getByLabel("Your name");
  if (!(await name.inputValue()))
    await name.fill(`${role[0]!.toUpperCase()}${role.slice(1)} ${email.split("@")[0]!.slice(-8)}`);
  await other.getByRole("button", { name: "Accept invitation" }).click();
  await expect(other).toHaveURL(workspaceUrl);
}

/** Calls the app's API as the page's signed-in user (the same endpoint the UI uses). */
export async function api<T>(
  page: Page,
  path: string,
  input: unknown,
  kind: "query" | "mutation" = "mutation",
): Promise<T> {
  const res =
    kind === "mutation"
      ? await page.request.post(`/api/trpc/${path}`, { data: { json: input } })
      : await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const body = await res.json();
  if (!res.ok()) throw new Error(`${path}: ${JSON.stringify(body.error?.json?.message ?? body)}`);
  return body.result.data.json as T;
}

/**
 * The round takes place: its booking moves 90 days back, as if the clock had moved on (a scorecard can be
 * submitted only once its round has begun). Takes the round id or a scorecard page's URL.
 */
export async function roundHasStarted(roundOrUrl: string) {
  const roundId = roundOrUrl.match(/\/rounds\/([^/]+)\/scorecard/)?.[1] ?? roundOrUrl;
  await withDb((c) =>
    c.query(
      `UPDATE rounds SET "startsAt" = "startsAt" - interval '90 days', "endsAt" = "endsAt" - interval '90 days' WHERE id = $1 AND "startsAt" > now()`,
      [roundId],
    ),
  );
}

/**
 * A loop for the candidate with one round (the second) held `days` from now by `coachMemberId`, its scorecard
 * submitted (ratings around `rating`) and the debrief decided: ready for its report.
 */
export async function decidedLoop(
  coach: Page,
  workspaceId: string,
  candidateMemberId: string,
  coachMemberId: string,
  days: number,
  rating: number,
) {
  const templates = await api<{ id: string; key: string }[]>(coach, "loop.templates", { workspaceId }, "query");
  const templateId = templates.find((t) => t.key === "entry-coding-focus")!.id;
  const { id: loopId } = await api<{ id: string }>(coach, "loop.create", {
    workspaceId,
    candidateMemberId,
    templateId,
    targetRole: "Backend engineer",
    level: "mid",
  });
  const loop = await api<{ rounds: { id: string }[] }>(coach, "loop.get", { workspaceId, loopId }, "query");
  const roundId = loop.rounds[1]!.id;
  const startsAt = new Date(Date.now() + days * 86_400_000);
  startsAt.setUTCHours(10, 0, 0, 0);
  await api(coach, "schedule.book", {
    workspaceId,
    loopId,
    bookings: [{ roundId, interviewerMemberId: coachMemberId, startsAt: startsAt.toISOString() }],
  });
  const opened = await api<{ rubric: { signals: { key: string }[] } }>(coach, "scorecard.open", {
    workspaceId,
    roundId,
  });
  const ratings = Object.fromEntries(
    opened.rubric.signals.map((s, i) => [
      s.key,
      { rating: Math.min(4, Math.max(1, rating + (i % 2))), evidence: `Seen in round (${i})` },
    ]),
  );
  const saved = await api<{ version: number }>(coach, "scorecard.save", {
    workspaceId,
    roundId,
    expectedVersion: 1,
    ratings,
    redFlagKeys: [],
    recommendation: "yes",
    summary: "Summary.",
  });
  await roundHasStarted(roundId);
  await api(coach, "scorecard.submit", { workspaceId, roundId, expectedVersion: saved.version });
  await api(coach, "debrief.decide", {
    workspaceId,
    loopId,
    decision: "not_yet",
    rationale: "Keep practising.",
    notes: "",
  });
  await calibrationSettled(coach, workspaceId, loopId);
  return loopId;
}

/** Waits (up to 30 s) until the app's background worker has fitted the cohort with every submitted scorecard. */
export async function calibrationSettled(page: Page, workspaceId: string, loopId: string) {
  await expect
    .poll(
      async () =>
        (await api<{ calibration: { updating: boolean } }>(page, "debrief.get", { workspaceId, loopId }, "query"))
          .calibration.updating,
      { timeout: 30_000 },
    )
    .toBe(false);
}

/**
 * `n` members of `role` named `${label} 01`…, straight into the database (for the long-list tests); their
 * emails are `${label}-NN-…@example.test` in lower case.
 */
export async function seedMembers(workspaceId: string, n: number, role: string, label: string) {
  const prefix = `${label.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 8)}`;
  await withDb(async (c) => {
    await c.query(
      `INSERT INTO users (id, name, email)
       SELECT $1 || '-u' || n, $2 || ' ' || lpad(n::text, 2, '0'), $1 || '-' || lpad(n::text, 2, '0') || '@example.test'
       FROM generate_series(1, $3) AS n`,
      [prefix, label, n],
    );
    await c.query(
      `INSERT INTO memberships (id, "workspaceId", "userId", role)
       SELECT $1 || '-m' || n, $2, $1 || '-u' || n, $4::"Role" FROM generate_series(1, $3) AS n`,
      [prefix, workspaceId, n, role],
    );
  });
  return prefix;
}

/**
 * A stored calibration fit for the workspace, as the background worker would leave it, with `calibrated`
 * loops on the calibrated scale (candidates `${label} 01`…, scores 1.5 to 3.5) and `apart` loops that could
 * not be calibrated (`${label} apart 01`…). Current, so the worker leaves it alone.
 */
export async function seedCohort(workspaceId: string, calibrated: number, apart: number, label: string) {
  const prefix = await seedMembers(workspaceId, calibrated, "candidate", label);
  const apartPrefix = await seedMembers(workspaceId, apart, "candidate", `${label} apart`);
  const fitId = randomUUID();
  await withDb(async (c) => {
    const coach = await c.query<{ id: string }>(
      `SELECT id FROM memberships WHERE "workspaceId" = $1 AND role = 'owner' LIMIT 1`,
      [workspaceId],
    );
    for (const [p, count, ranked] of [
      [prefix, calibrated, true],
      [apartPrefix, apart, false],
    ] as const) {
      await c.query(
        `INSERT INTO loops (id, "workspaceId", "candidateMemberId", "coachMemberId", "targetRole", level, "updatedAt")
         SELECT $1 || '-l' || n, $2, $1 || '-m' || n, $3, 'Backend engineer', 'mid', now() FROM generate_series(1, $4) AS n`,
        [p, workspaceId, coach.rows[0]!.id, count],
      );
      await c.query(
        `INSERT INTO cohort_loop_scores ("workspaceId", "fitId", "loopId", scores)
         SELECT $2, $3, $1 || '-l' || n, jsonb_build_array(jsonb_build_object(
           'kind', 'overall', 'key', null, 'raw', 1 + (n % 4) * 0.5,
           'calibrated', CASE WHEN $5 THEN 1.5 + (n % 5) * 0.5 END,
           'standardError', CASE WHEN $5 THEN 0.3 END, 'ratings', 6, 'interviewers', 2,
           'notCalibratedReason', CASE WHEN $5 THEN NULL ELSE 'Rated only outside the connected panel.' END))
         FROM generate_series(1, $4) AS n`,
        [p, workspaceId, fitId, count, ranked],
      );
    }
    await c.query(
      `INSERT INTO cohort_fits ("workspaceId", "ratingsVersion", "fittedVersion", "fitId", since, loops, "fittedAt")
       VALUES ($1, 0, 0, $2, (now() AT TIME ZONE 'UTC') - interval '300 days', $3, now() AT TIME ZONE 'UTC')
       ON CONFLICT ("workspaceId") DO UPDATE SET "ratingsVersion" = 0, "fittedVersion" = 0, "fitId" = $2,
         since = EXCLUDED.since, loops = $3, "fittedAt" = EXCLUDED."fittedAt"`,
      [workspaceId, fitId, calibrated + apart],
    );
  });
}

/**
 * Interviewers in the workspace's stored fit (call after seedCohort): `calibrated` in the connected panel
 * (`${label} 01`…, severities -0.5 to 0.5, ratings 10 to 12) and `apart` outside it (`${label} apart 01`…,
 * no severity), with their statistics in the fit's summary.
 */
export async function seedInterviewers(workspaceId: string, calibrated: number, apart: number, label: string) {
  const prefix = await seedMembers(workspaceId, calibrated, "interviewer", label);
  const apartPrefix = await seedMembers(workspaceId, apart, "interviewer", `${label} apart`);
  await withDb(async (c) => {
    for (const [p, count, ranked] of [
      [prefix, calibrated, true],
      [apartPrefix, apart, false],
    ] as const) {
      await c.query(
        `INSERT INTO cohort_interviewers ("workspaceId", "fitId", "memberId", estimate)
         SELECT $2, f."fitId", $1 || '-m' || n, jsonb_build_object(
           'interviewerId', $1 || '-m' || n, 'identifiable', $4::boolean,
           'severity', CASE WHEN $4 THEN -0.5 + (n % 5) * 0.25 END, 'standardError', CASE WHEN $4 THEN 0.2 END,
           'gain', CASE WHEN $4 THEN 1 END, 'gainStandardError', CASE WHEN $4 THEN 0.1 END, 'spread', 0.5,
           'ratings', 10 + n % 3, 'scorecards', 2,
           'notCalibratedReason', CASE WHEN $4 THEN NULL ELSE 'Shares no candidate with the connected panel.' END)
         FROM cohort_fits f, generate_series(1, $3) AS n WHERE f."workspaceId" = $2`,
        [p, workspaceId, count, ranked],
      );
    }
    await c.query(
      `UPDATE cohort_fits SET summary = jsonb_build_object(
         'model', jsonb_build_object('severitySd', 0.4, 'gainSd', 0.1, 'haloSd', null, 'noiseSd', 0.5,
           'iterations', 10, 'converged', true),
         'warnings', '[]'::jsonb,
         'interviewers', (SELECT jsonb_agg(jsonb_build_object('interviewerId', "memberId", 'scorecards', 2,
           'panelGap', 0.25, 'medianHoursToSubmit', 5)) FROM cohort_interviewers i
           WHERE i."workspaceId" = $1 AND i."fitId" = cohort_fits."fitId"),
         'agreement', jsonb_build_object('bySignal', '[]'::jsonb, 'byDimension', '[]'::jsonb))
       WHERE "workspaceId" = $1`,
      [workspaceId],
    );
  });
}
