import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { api, decidedLoop, expectAccessible, inviteAndAccept, newOwnerWithWorkspace, uniqueEmail } from "./helpers";

test("a candidate downloads their data and erases their account; the coach sees an anonymised member", async ({
  browser,
}, testInfo) => {
  const coach = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const { url } = await newOwnerWithWorkspace(coach, "your-data");
  const candidate = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const email = uniqueEmail("your-data-candidate");
  await inviteAndAccept(coach, candidate, url, email, "candidate");

  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string; memberId: string }>(coach, "workspace.resolve", { slug }, "query");
  const members = await api<{ id: string; role: string }[]>(coach, "member.list", { workspaceId: ws.id }, "query");
  const candidateMemberId = members.find((m) => m.role === "candidate")!.id;
  const released = await decidedLoop(coach, ws.id, candidateMemberId, ws.memberId, 7, 2);
  await api(coach, "report.openDraft", { workspaceId: ws.id, loopId: released });
  await api(coach, "report.saveDraft", {
    workspaceId: ws.id,
    loopId: released,
    draft: { summary: "Released summary for you.", strengths: [], growthAreas: [], excerpts: [] },
  });
  await api(coach, "report.release", { workspaceId: ws.id, loopId: released });
  // A second loop whose report is only a draft.
  const drafted = await decidedLoop(coach, ws.id, candidateMemberId, ws.memberId, 14, 3);
  await api(coach, "report.openDraft", { workspaceId: ws.id, loopId: drafted });
  await api(coach, "report.saveDraft", {
    workspaceId: ws.id,
    loopId: drafted,
    draft: { summary: "Draft the candidate never saw.", strengths: [], growthAreas: [], excerpts: [] },
  });

  // The account page: download everything as one JSON file.
  await candidate.goto("/w");
  const card = candidate.locator("section", { has: candidate.getByRole("heading", { name: "Your data" }) });
  await expect(card).toBeVisible();
  await expectAccessible(candidate, testInfo, "account-your-data-1440");
  const [download] = await Promise.all([
    candidate.waitForEvent("download"),
    card.getByRole("button", { name: "Download my data (JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^loopwise-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await download.path(), "utf8");
  const data = JSON.parse(text) as {
    format: string;
    account: { email: string };
    workspaces: { loops: { id: string }[]; reports: { loopId: string; content: { summary: string } }[] }[];
  };
  expect(data.format).toBe("loopwise.personal-data");
  expect(data.account.email).toBe(email);
  expect(data.workspaces[0]!.loops.map((l) => l.id).sort()).toEqual([released, drafted].sort());
  expect(data.workspaces[0]!.reports.map((r) => [r.loopId, r.content.summary])).toEqual([
    [released, "Released summary for you."],
  ]);
  for (const hidden of ["Draft the candidate never saw", "Keep practising", "Seen in round"])
    expect(text, hidden).not.toContain(hidden);

  // On a phone: erase the account, typing the email to confirm.
  await candidate.setViewportSize({ width: 390, height: 844 });
  await candidate.reload();
  await expectAccessible(candidate, testInfo, "account-your-data-390");
  await card.getByRole("button", { name: "Erase my account" }).click();
  const dialog = candidate.getByRole("alertdialog", { name: "Erase your account and personal data?" });
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole("button", { name: "Erase my account" });
  await expect(confirm).toBeDisabled();
  await expectAccessible(candidate, testInfo, "erase-dialog-390");
  await dialog.getByLabel(/Type your email/).fill(email.toUpperCase());
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(candidate).toHaveURL(/\/sign-in/);
  // The session went with the account.
  await candidate.goto("/w");
  await expect(candidate).toHaveURL(/\/sign-in/);

  // The coach's members page lists an anonymised candidate, at both widths.
  for (const width of [1440, 390]) {
    await coach.setViewportSize({ width, height: 900 });
    await coach.goto(`${url}/members`);
    const row = coach.getByTestId("member-row").filter({ hasText: /Erased candidate [0-9a-f]{6}/ });
    await expect(row).toBeVisible();
    await expect(row.getByText("erased", { exact: true })).toBeVisible();
    await expect(coach.getByText(email)).toHaveCount(0);
    await expectAccessible(coach, testInfo, `members-erased-${width}`);
  }
});

test("an owner deletes a workspace after typing its name", async ({ browser }, testInfo) => {
  const owner = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const { url, name } = await newOwnerWithWorkspace(owner, "delete-ws");
  await owner.goto(`${url}/settings`);
  await owner.getByRole("button", { name: `Delete ${name}` }).click();
  const dialog = owner.getByRole("alertdialog", { name: `Delete ${name}?` });
  const confirm = dialog.getByRole("button", { name: "Delete workspace" });
  await dialog.getByLabel(/Type the workspace's name/).fill(`${name} (not quite)`);
  await expect(confirm).toBeDisabled();
  await expectAccessible(owner, testInfo, "delete-workspace-dialog-390");
  await dialog.getByLabel(/Type the workspace's name/).fill(name);
  await confirm.click();
  await expect(owner).toHaveURL(/\/w$/);
  await expect(owner.getByText("You are not in a workspace yet")).toBeVisible();
  const response = await owner.goto(url);
  expect(response?.status()).toBe(404);
});
