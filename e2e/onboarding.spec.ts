import { expect, test } from "@playwright/test";
import {
  expectAccessible,
  firstLink,
  MAGIC_LINK,
  readMail,
  screenshot,
  signInByMagicLink,
  uniqueEmail,
} from "./helpers";

test("a new user signs in by magic link, creates a workspace and invites an interviewer who accepts", async ({
  browser,
}, testInfo) => {
  const ownerEmail = uniqueEmail("owner");
  const interviewerEmail = uniqueEmail("interviewer");
  const workspaceName = `Acme Prep ${Date.now().toString(36)}`;

  // The owner.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await owner.goto("/sign-in");
  await expectAccessible(owner, testInfo, "sign-in");
  await signInByMagicLink(owner, ownerEmail);
  await expect(owner).toHaveURL(/\/w$/);
  await expect(owner.getByText("You are not in a workspace yet")).toBeVisible();
  await expectAccessible(owner, testInfo, "workspaces");

  await owner.getByLabel("Your name").fill("Olga Owner");
  await owner.getByRole("button", { name: "Save name" }).click();
  // Toasts load lazily (src/components/toast.tsx); one asked for right after the page loads still shows.
  await expect(owner.getByText("Name saved")).toBeVisible();
  await expect(owner.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(owner.getByText("Olga Owner")).toBeVisible();
  await expect(owner.getByLabel("Your name")).toHaveCount(0);

  await owner.getByLabel("Workspace name").fill(workspaceName);
  await owner.getByRole("button", { name: "Create workspace" }).click();
  await expect(owner).toHaveURL(/\/w\/acme-prep-/);
  await expect(owner.getByRole("heading", { name: workspaceName })).toBeVisible();
  const workspaceUrl = owner.url();

  await owner.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Members" }).click();
  await owner.getByLabel("Email address").fill(interviewerEmail);
  await owner.getByLabel("Role", { exact: true }).selectOption("interviewer");
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByTestId("invitation-row").filter({ hasText: interviewerEmail })).toContainText("pending");
  await expectAccessible(owner, testInfo, "members");
  await screenshot(owner, testInfo, "owner-members");

  // The same address again: the server refuses it (the browser cannot know), and says why next to the field,
  // with the default error toast.
  await owner.getByLabel("Email address").fill(interviewerEmail);
  await owner.getByRole("button", { name: "Send invitation" }).click();
  const pending = `${interviewerEmail} already has a pending invitation. Resend it or revoke it first.`;
  await expect(owner.locator("#invite-email-error")).toHaveText(pending);
  await expect(owner.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expect(owner.getByLabel("Email address")).toHaveAccessibleDescription(pending);
  await expect(owner.locator("[data-sonner-toast]").filter({ hasText: pending })).toBeVisible();
  await expect(owner.getByTestId("invitation-row").filter({ hasText: interviewerEmail })).toHaveCount(1);

  // The interviewer opens the invitation signed out: the sign-in page says who invited them where, with their
  // address filled in; after the magic link the invitation asks for a name and zone, then they join.
  const interviewerContext = await browser.newContext();
  const interviewer = await interviewerContext.newPage();
  const invitation = await readMail(interviewer, interviewerEmail, /invited you/);
  expect(invitation).toContain(workspaceName);
  await interviewer.goto(firstLink(invitation, /http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]+/));
  await expect(interviewer).toHaveURL(/\/sign-in\?/);
  await expect(interviewer.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible();
  await expect(interviewer.getByTestId("invitation-context")).toContainText("Olga Owner invited you as interviewer");
  await expect(interviewer.getByLabel("Email address")).toHaveValue(interviewerEmail);
  await expectAccessible(interviewer, testInfo, "sign-in-invited");
  await interviewer.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(interviewer).toHaveURL(/\/sign-in\/check-email/);
  await interviewer.goto(firstLink(await readMail(interviewer, interviewerEmail, /sign-in link/), MAGIC_LINK));
  await expect(interviewer.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible();
  // The zone comes from the browser (Asia/Tokyo in these tests); the name must be given.
  await expect(interviewer.getByLabel("Your time zone")).toHaveValue("Asia/Tokyo");
  await interviewer.getByRole("button", { name: "Accept invitation" }).click();
  await expect(interviewer.getByText(/Enter your name/)).toBeVisible();
  await interviewer.getByLabel("Your name").fill("Ivy Interviewer");
  await expectAccessible(interviewer, testInfo, "invitation");
  await screenshot(interviewer, testInfo, "invitation");
  await interviewer.getByRole("button", { name: "Accept invitation" }).click();
  await expect(interviewer).toHaveURL(workspaceUrl);
  await expect(interviewer.getByRole("heading", { name: workspaceName })).toBeVisible();
  await expect(interviewer.getByText("your role: interviewer")).toBeVisible();
  await screenshot(interviewer, testInfo, "interviewer-workspace");

  // The owner sees the new member, and the audit log records the invitation and its acceptance.
  await owner.reload();
  await expect(owner.getByTestId("member-row").filter({ hasText: interviewerEmail })).toContainText("Ivy Interviewer");
  await owner.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Audit log" }).click();
  await expect(owner.getByTestId("audit-row").filter({ hasText: "accepted an invitation" })).toBeVisible();
  await expect(owner.getByTestId("audit-row").filter({ hasText: "Olga Owner invited someone" })).toBeVisible();

  await ownerContext.close();
  await interviewerContext.close();
});

test("the demo sign-in lists the demo users and signs in as one", async ({ page }, testInfo) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: /Olivia Okafor/ }).click();
  await expect(page).toHaveURL(/\/w$/);
  await page.getByRole("link", { name: /Demo Interview Academy/ }).click();
  await expect(page.getByTestId("member-count")).toHaveText("6");
  await screenshot(page, testInfo, "demo-overview");

  // Signing out ends the session: the sign-in page, and the workspace list asks to sign in again.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/w");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("button", { name: /Olivia Okafor/ })).toBeVisible();
});
