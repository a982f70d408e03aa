import { expect, test } from "@playwright/test";
import { api, newOwnerWithWorkspace, seedCohort, seedInterviewers, seedMembers, uniqueEmail, withDb } from "./helpers";

// The long lists page on the server: the first page and its count, "Show more" for the next, and the
// filters and order kept in the URL (a reload or a shared link shows the same list).

test("the audit log pages with Show more and keeps its filter in the URL", async ({ page }) => {
  const { url } = await newOwnerWithWorkspace(page, "lists-audit");
  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string }>(page, "workspace.resolve", { slug }, "query");
  await withDb((client) =>
    client.query(
      `INSERT INTO audit_events (id, "workspaceId", action, "targetType", "createdAt")
       SELECT gen_random_uuid()::text, $1, 'rubric.published', 'rubric', now() - make_interval(mins => n)
       FROM generate_series(1, 30) AS n`,
      [ws.id],
    ),
  );
  await page.goto(`${url}/audit?area=rubric`);
  await expect(page.getByLabel("Area")).toHaveValue("rubric");
  await expect(page.getByTestId("audit-count")).toHaveText("25 of 30 events");
  await expect(page.getByTestId("audit-row")).toHaveCount(25);
  await page.getByRole("button", { name: /Show more/ }).click();
  await expect(page.getByTestId("audit-row")).toHaveCount(30);
  await expect(page.getByRole("button", { name: /Show more/ })).toHaveCount(0);

  await page.getByLabel("Order").selectOption("oldest");
  await expect(page).toHaveURL(/area=rubric/);
  await expect(page).toHaveURL(/sort=oldest/);
  await page.reload();
  await expect(page.getByLabel("Order")).toHaveValue("oldest");
  await expect(page.getByTestId("audit-count")).toHaveText("25 of 30 events");
});

test("the email delivery list pages with Show more and keeps status and recipient in the URL", async ({ page }) => {
  const { url } = await newOwnerWithWorkspace(page, "lists-email");
  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string }>(page, "workspace.resolve", { slug }, "query");
  await withDb((client) =>
    client.query(
      `INSERT INTO email_outbox (id, "workspaceId", template, "to", subject, html, text, "idempotencyKey", status, "createdAt")
       SELECT gen_random_uuid()::text, $1, 'test', 'bulk-' || n || '@example.test', 'Bulk ' || n, '<p>x</p>', 'x',
              gen_random_uuid()::text, (CASE WHEN n <= 30 THEN 'dead' ELSE 'sent' END)::"EmailStatus",
              now() - make_interval(mins => n)
       FROM generate_series(1, 40) AS n`,
      [ws.id],
    ),
  );
  await page.goto(`${url}/email?status=dead&to=bulk`);
  await expect(page.getByLabel("Status")).toHaveValue("dead");
  await expect(page.getByTestId("email-count")).toHaveText("25 of 30 messages");
  await page.getByRole("button", { name: /Show more/ }).click();
  await expect(page.getByTestId("email-row")).toHaveCount(30);
  await expect(page.getByRole("button", { name: /Show more/ })).toHaveCount(0);
  await page.getByLabel("Status").selectOption("sent");
  await expect(page).toHaveURL(/status=sent/);
  await expect(page.getByTestId("email-count")).toHaveText("10 of 10 messages");

  // The list looks again every 5 s: a message sent meanwhile shows without a reload.
  await withDb((client) =>
    client.query(
      `INSERT INTO email_outbox (id, "workspaceId", template, "to", subject, html, text, "idempotencyKey", status, "sentAt")
       VALUES (gen_random_uuid()::text, $1, 'test', 'bulk-late@example.test', 'Bulk late', '<p>x</p>', 'x',
               gen_random_uuid()::text, 'sent', now())`,
      [ws.id],
    ),
  );
  await expect(page.getByTestId("email-count")).toHaveText("11 of 11 messages", { timeout: 8_000 });
  // A failed message goes back in the queue: it leaves the failed filter.
  await page.getByLabel("Status").selectOption("dead");
  await expect(page.getByTestId("email-count")).toHaveText("25 of 30 messages");
  await page.getByTestId("email-row").first().getByRole("button", { name: "Retry" }).click();
  await expect(page.getByText("Queued for another attempt")).toBeVisible();
  await expect(page.getByTestId("email-count")).toHaveText("25 of 29 messages");
});

test("the question bank pages with Show more and keeps filters and order in the URL", async ({ page }) => {
  await newOwnerWithWorkspace(page, "lists-questions");
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Question bank" }).click();
  const rows = page.getByTestId("question-row");
  await expect(rows).toHaveCount(25);
  const count = await page.getByTestId("question-count").textContent();
  const total = Number(count!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThan(25);
  await page.getByRole("button", { name: /Show more/ }).click();
  await expect(rows).toHaveCount(Math.min(total, 50));
  await page.getByLabel("Sort by").selectOption("title");
  await page.getByLabel("Level").selectOption("senior");
  await expect(page).toHaveURL(/sort=title/);
  await expect(page).toHaveURL(/level=senior/);
  await page.reload();
  await expect(page.getByLabel("Sort by")).toHaveValue("title");
  await expect(rows.first()).toBeVisible();
  const titles = await page.getByTestId("question-row").locator("h2").allTextContents();
  expect(titles).toEqual([...titles].sort());
});

test("the members list pages with Show more and keeps search and role in the URL", async ({ page }) => {
  const { url } = await newOwnerWithWorkspace(page, "lists-members");
  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string }>(page, "workspace.resolve", { slug }, "query");
  await seedMembers(ws.id, 30, "interviewer", "Bulk person");
  await page.goto(`${url}/members?q=bulk`);
  await expect(page.getByLabel("Name or email")).toHaveValue("bulk");
  await expect(page.getByTestId("member-count")).toHaveText("25 of 30 members");
  await expect(page.getByTestId("member-row")).toHaveCount(25);
  await page.getByRole("button", { name: /Show more/ }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(30);
  await expect(page.getByTestId("member-count")).toHaveText("30 members");
  await expect(page.getByRole("button", { name: /Show more/ })).toHaveCount(0);

  await page.getByLabel("Show").selectOption("coach");
  await expect(page).toHaveURL(/role=coach/);
  await expect(page.getByText("No members match")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Show")).toHaveValue("coach");
  await expect(page.getByLabel("Name or email")).toHaveValue("bulk");
  await expect(page.getByText("No members match")).toBeVisible();
  await page.getByLabel("Show").selectOption("interviewer");
  await page.getByLabel("Name or email").fill("bulk person 07");
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  await expect(page.getByTestId("member-row")).toContainText("Bulk person 07");
});

test("the members list reads the pages it shows again after a role change or a removal; invitations follow their writes", async ({
  page,
}) => {
  const { url } = await newOwnerWithWorkspace(page, "lists-members-writes");
  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string }>(page, "workspace.resolve", { slug }, "query");
  await seedMembers(ws.id, 30, "interviewer", "Bulk person");
  await page.goto(`${url}/members?q=bulk`);
  await page.getByRole("button", { name: /Show more/ }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(30);
  await page.getByLabel("Role of Bulk person 03").selectOption("coach");
  await expect(page.getByText("Role updated")).toBeVisible();
  await expect(page.getByLabel("Role of Bulk person 03")).toHaveValue("coach");
  await expect(page.getByTestId("member-row")).toHaveCount(30);
  page.once("dialog", (d) => void d.accept());
  await page
    .getByTestId("member-row")
    .filter({ hasText: "Bulk person 05" })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(page.getByText("Member removed")).toBeVisible();
  await expect(page.getByTestId("member-count")).toHaveText("29 members");
  await expect(page.getByTestId("member-row")).toHaveCount(29);

  const invitee = uniqueEmail("lists-invitee");
  await page.getByLabel("Email address").fill(invitee);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${invitee}`)).toBeVisible();
  const invitation = page.getByTestId("invitation-row").filter({ hasText: invitee });
  await expect(invitation).toContainText("sent 1×");
  await invitation.getByRole("button", { name: "Resend" }).click();
  await expect(page.getByText(`Sent a new link to ${invitee}`)).toBeVisible();
  await expect(invitation).toContainText("sent 2×");
  await invitation.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText(`Revoked the invitation for ${invitee}`)).toBeVisible();
  await expect(invitation).toContainText("revoked");
});

test("the question bank adds, edits and archives a question and its list follows", async ({ page }) => {
  const { url } = await newOwnerWithWorkspace(page, "lists-questions-writes");
  await page.goto(`${url}/questions?sort=title`);
  const count = page.getByTestId("question-count");
  const total = Number((await count.textContent())!.match(/of (\d+)/)![1]);
  const mine = (title: string) => page.getByTestId("question-row").filter({ hasText: title });
  await page.getByRole("button", { name: "New question" }).click();
  await page.getByLabel("Title").fill("Aaa lists question");
  await page.getByLabel("Prompt (what you read to the candidate)").fill("Design a queue.");
  await page.getByLabel("What it probes").fill("Trade-offs");
  await page.getByRole("button", { name: "Add question" }).click();
  await expect(page.getByText('Added "Aaa lists question"')).toBeVisible();
  await expect(count).toHaveText(`25 of ${total + 1} questions`);
  await expect(mine("Aaa lists question")).toHaveCount(1);
  // Away and back: the router shows the render it kept, from before the question; the list reads it again.
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Loops" }).click();
  await expect(page.getByRole("heading", { name: "Loops" })).toBeVisible();
  await page.goBack();
  await expect(count).toHaveText(`25 of ${total + 1} questions`);
  await expect(mine("Aaa lists question")).toHaveCount(1);
  await page.getByRole("button", { name: "Edit Aaa lists question" }).click();
  await page.getByLabel("Title").fill("Aaa lists question, edited");
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByText('Saved "Aaa lists question, edited"')).toBeVisible();
  await expect(mine("Aaa lists question, edited")).toHaveCount(1);
  await page.getByRole("button", { name: "Edit Aaa lists question, edited" }).click();
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("Question archived")).toBeVisible();
  await expect(count).toHaveText(`25 of ${total} questions`);
  await expect(mine("Aaa lists question")).toHaveCount(0);
});

test("the cohort view pages with Show more, keeps filters and order in the URL, and lists the not calibrated apart", async ({
  page,
}) => {
  const { url } = await newOwnerWithWorkspace(page, "lists-cohort");
  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string }>(page, "workspace.resolve", { slug }, "query");
  await seedCohort(ws.id, 30, 3, "Cohort person");
  await page.goto(`${url}/calibration?sort=name`);
  await expect(page.getByLabel("Sort by")).toHaveValue("name");
  await expect(page.getByTestId("cohort-count")).toHaveText("25 of 30 loops on the calibrated scale");
  const rows = page.getByTestId("cohort-row");
  await expect(rows).toHaveCount(25);
  await page.getByRole("button", { name: /Show more/ }).click();
  await expect(rows).toHaveCount(30);
  const names = await rows.locator("th").allTextContents();
  expect(names).toEqual([...names].sort());
  // The loops that cannot be calibrated are listed apart, never among the ranked ones.
  await expect(page.getByTestId("not-calibrated-count")).toHaveText("3 loops, by name");
  expect(names.some((n) => n.includes("apart"))).toBe(false);

  await page.getByLabel("Sort by").selectOption("raw");
  await expect(page).toHaveURL(/sort=raw/);
  await expect(rows).toHaveCount(25);
  const raws = (await rows.locator("td:nth-of-type(2)").allTextContents()).map(Number);
  expect(raws).toEqual([...raws].sort((a, b) => b - a));
  await page.getByLabel("Level").selectOption("senior");
  await expect(page).toHaveURL(/level=senior/);
  await expect(page.getByText("No submitted scorecards in this cohort yet")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Level")).toHaveValue("senior");
  await expect(page.getByLabel("Sort by")).toHaveValue("raw");
});

test("the interviewer report pages with Show more, keeps its search and order in the URL, and lists those outside the panel apart", async ({
  page,
}) => {
  const { url } = await newOwnerWithWorkspace(page, "lists-raters");
  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string }>(page, "workspace.resolve", { slug }, "query");
  await seedCohort(ws.id, 1, 0, "Rated person");
  await seedInterviewers(ws.id, 30, 2, "Rater person");
  await page.goto(`${url}/calibration?isort=name`);
  await expect(page.getByLabel("Sort interviewers by")).toHaveValue("name");
  await expect(page.getByTestId("interviewer-count")).toHaveText("25 of 30 interviewers in the connected panel");
  const rows = page.getByTestId("interviewer-report").getByTestId("interviewer-row");
  await expect(rows).toHaveCount(25);
  await page.getByRole("button", { name: /Show more/ }).click();
  await expect(rows).toHaveCount(30);
  await expect(page.getByTestId("interviewer-count")).toHaveText("30 interviewers in the connected panel");
  const names = await rows.locator("th").allTextContents();
  expect(names).toEqual([...names].sort());
  // Those outside the connected panel are listed apart with the reason, never among the ranked ones.
  await expect(page.getByTestId("interviewers-not-calibrated-count")).toHaveText("2 interviewers, by name");
  await expect(page.getByTestId("interviewers-not-calibrated")).toContainText("not estimable");
  expect(names.some((n) => n.includes("apart"))).toBe(false);

  await page.getByLabel("Sort interviewers by").selectOption("severity");
  await expect(page).not.toHaveURL(/isort=/);
  await expect(rows).toHaveCount(25);
  const severities = (await rows.locator("td:nth-of-type(1)").allTextContents()).map((t) => Number(t.split(" ± ")[0]));
  expect(severities).toEqual([...severities].sort((a, b) => b - a));
  await page.getByLabel("Interviewer name contains").fill("rater person 07");
  await expect(page).toHaveURL(/interviewer=rater/);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Rater person 07");
  await page.reload();
  await expect(page.getByLabel("Interviewer name contains")).toHaveValue("rater person 07");
  await expect(rows).toHaveCount(1);
  await page.getByLabel("Interviewer name contains").fill("%");
  await expect(page.getByText("No interviewer matches this name")).toBeVisible();
});
