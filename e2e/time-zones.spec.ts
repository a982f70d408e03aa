import { expect, test } from "@playwright/test";
import { formatInZone } from "../src/domain/time-zone";
import { api, inviteAndAccept, newOwnerWithWorkspace, readMail, uniqueEmail } from "./helpers";

// Three zones at once: the server runs in Australia/Sydney (e2e/serve.mjs), every browser in Asia/Tokyo
// (playwright.config.ts), and the candidate chose America/New_York. Only New York may show.
const NEW_YORK = "America/New_York";

test("a New York candidate sees one wall time on the server-rendered page, after client navigation and in the email", async ({
  browser,
}) => {
  const coach = await (await browser.newContext()).newPage();
  const { url } = await newOwnerWithWorkspace(coach, "zones");
  const candidate = await (await browser.newContext()).newPage();
  const email = uniqueEmail("ny-candidate");
  await inviteAndAccept(coach, candidate, url, email, "candidate");

  // The browser's zone (Tokyo) was taken on first sign-in; the candidate changes it to New York.
  await candidate.goto("/w");
  await expect(candidate.locator("#account-tz")).toHaveValue("Asia/Tokyo");
  await candidate.locator("#account-tz").selectOption(NEW_YORK);
  await candidate.getByRole("button", { name: "Save time zone" }).click();
  await expect(candidate.getByText(`Times are now shown in ${NEW_YORK}`)).toBeVisible();

  // The coach books one round for them, on a weekday morning in New York.
  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string; memberId: string }>(coach, "workspace.resolve", { slug }, "query");
  const members = await api<{ id: string; role: string }[]>(coach, "member.list", { workspaceId: ws.id }, "query");
  const candidateMemberId = members.find((m) => m.role === "candidate")!.id;
  const templates = await api<{ id: string; key: string }[]>(coach, "loop.templates", { workspaceId: ws.id }, "query");
  const { id: loopId } = await api<{ id: string }>(coach, "loop.create", {
    workspaceId: ws.id,
    candidateMemberId,
    templateId: templates.find((t) => t.key === "entry-coding-focus")!.id,
    targetRole: "Backend engineer",
    level: "entry",
  });
  const loop = await api<{ rounds: { id: string }[] }>(coach, "loop.get", { workspaceId: ws.id, loopId }, "query");
  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  startsAt.setUTCHours(15, 30, 0, 0);
  await api(coach, "schedule.book", {
    workspaceId: ws.id,
    loopId,
    bookings: [{ roundId: loop.rounds[1]!.id, interviewerMemberId: ws.memberId, startsAt: startsAt.toISOString() }],
  });
  const wallTime = formatInZone(startsAt, NEW_YORK, "medium");
  expect(wallTime).toMatch(/(10|11):30 AM E[SD]T$/);

  // Server-rendered: the HTML as sent, before any script runs.
  const html = await (await candidate.request.get(`${url}/schedule`)).text();
  expect(html).toContain(wallTime);
  await candidate.goto(`${url}/schedule`);
  await expect(candidate.getByTestId("schedule-round")).toContainText(wallTime);
  await expect(candidate.getByRole("banner")).toContainText(`times in ${NEW_YORK}`);

  // After client navigation (no reload): away and back through the app's own links.
  await candidate.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Overview" }).click();
  await expect(candidate).toHaveURL(url);
  await candidate.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "My schedule" }).click();
  await expect(candidate.getByTestId("schedule-round")).toContainText(wallTime);

  // The email: the same wall time, written the same way.
  const mail = await readMail(candidate, email, /Scheduled: Coding/);
  expect(mail).toContain(formatInZone(startsAt, NEW_YORK, "long"));
});
