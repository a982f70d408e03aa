import { expect, test } from "@playwright/test";
import { DateTime } from "luxon";
import { formatInZone } from "../src/domain/time-zone";
import { api, expectAccessible, inviteAndAccept, newOwnerWithWorkspace, screenshot, uniqueEmail } from "./helpers";

// The interviewer sees times in Los Angeles; the browser runs in Asia/Tokyo and the server in Australia/Sydney,
// so a round placed by either machine's clock lands on the wrong day or hour.
const LOS_ANGELES = "America/Los_Angeles";

test("an interviewer finds a booked round on the agenda's week view, in their zone, and opens it from the keyboard", async ({
  browser,
}, testInfo) => {
  const coach = await (await browser.newContext()).newPage();
  const { url } = await newOwnerWithWorkspace(coach, "week");
  const interviewerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const interviewer = await interviewerContext.newPage();
  await inviteAndAccept(coach, interviewer, url, uniqueEmail("week-interviewer"), "interviewer");
  await api(interviewer, "account.setTimeZone", { timeZone: LOS_ANGELES });

  // The coach books one round for the interviewer: Wednesday after next, 10:00 in Los Angeles.
  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string }>(coach, "workspace.resolve", { slug }, "query");
  const members = await api<{ id: string; role: string }[]>(coach, "member.list", { workspaceId: ws.id }, "query");
  const interviewerMemberId = members.find((m) => m.role === "interviewer")!.id;
  const templates = await api<{ id: string; key: string }[]>(coach, "loop.templates", { workspaceId: ws.id }, "query");
  const { id: loopId } = await api<{ id: string }>(coach, "loop.create", {
    workspaceId: ws.id,
    candidateEmail: uniqueEmail("week-candidate"),
    templateId: templates.find((t) => t.key === "entry-coding-focus")!.id,
    targetRole: "Backend engineer",
    level: "entry",
  });
  const loop = await api<{ rounds: { id: string; roundType: { name: string } }[] }>(
    coach,
    "loop.get",
    { workspaceId: ws.id, loopId },
    "query",
  );
  const round = loop.rounds[1]!;
  const wall = DateTime.now()
    .setZone(LOS_ANGELES)
    .plus({ weeks: 2 })
    .set({ weekday: 3, hour: 10, minute: 0, second: 0, millisecond: 0 });
  const startsAt = wall.toJSDate();
  await api(coach, "schedule.book", {
    workspaceId: ws.id,
    loopId,
    bookings: [{ roundId: round.id, interviewerMemberId, startsAt: startsAt.toISOString() }],
  });

  // The agenda's list, then its week view through the switch.
  await interviewer.goto(`${url}/agenda`);
  await expect(interviewer.getByTestId("agenda-round")).toHaveCount(1);
  await interviewer.getByRole("navigation", { name: "Agenda view" }).getByRole("link", { name: "Week" }).click();
  await expect(interviewer).toHaveURL(/\/agenda\?view=week$/);
  await expect(interviewer.getByRole("link", { name: "Week" })).toHaveAttribute("aria-current", "page");
  const grid = interviewer.getByRole("grid", { name: "My agenda" });
  await expect(grid).toBeVisible();
  await expect(grid.getByRole("columnheader")).toHaveCount(7);

  // The right column (Wednesday in Los Angeles) at the right height (the 10 AM line).
  const name = `${round.roundType.name}, ${formatInZone(startsAt, LOS_ANGELES, "long")} – `;
  expect(name).toMatch(/, Wed, .* 10:00 AM P[SD]T – $/);
  const event = grid.getByRole("link", { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
  await expect(event).toHaveCount(1);
  const column = grid.locator(`[data-testid="week-day"][data-date="${wall.toISODate()}"]`);
  await expect(column.getByTestId("week-event")).toHaveCount(1);
  await expect(column.getByTestId("week-event")).toContainText("10:00 AM");
  const eventBox = (await event.boundingBox())!;
  const tenBox = (await interviewer.locator('[data-testid="week-hour"][data-hour="10"]').boundingBox())!;
  expect(Math.abs(eventBox.y - (tenBox.y + tenBox.height / 2))).toBeLessThan(3);
  await expectAccessible(interviewer, testInfo, "agenda-week");
  await screenshot(interviewer, testInfo, "agenda-week");

  // The keyboard: Tab from the week's controls reaches the round, Enter opens its scorecard.
  await interviewer.getByRole("button", { name: "Next week" }).focus();
  for (let i = 0; i < 4 && !(await event.evaluate((el) => el === document.activeElement)); i++)
    await interviewer.keyboard.press("Tab");
  await expect(event).toBeFocused();
  await interviewer.keyboard.press("Enter");
  await expect(interviewer).toHaveURL(new RegExp(`/rounds/${round.id}/scorecard$`));

  // The week moves on and back.
  await interviewer.goto(`${url}/agenda?view=week`);
  await interviewer.getByRole("button", { name: "Next week" }).click();
  await expect(grid.getByTestId("week-event")).toHaveCount(0);
  await interviewer.getByRole("button", { name: "Previous week" }).click();
  await expect(event).toBeVisible();

  // A phone: the week as a list of days, nothing wider than the screen.
  await interviewer.setViewportSize({ width: 390, height: 844 });
  await interviewer.reload();
  await expect(interviewer.getByRole("link", { name: new RegExp(`^${round.roundType.name}, `) })).toBeVisible();
  expect(await interviewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(interviewer, testInfo, "agenda-week-phone");
  await screenshot(interviewer, testInfo, "agenda-week-phone");

  await interviewerContext.close();
});
