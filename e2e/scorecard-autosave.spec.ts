import { expect, test, type Page } from "@playwright/test";
import { api, newOwnerWithWorkspace, uniqueEmail } from "./helpers";

/** A loop whose coding round the owner interviews, booked next week: the URL of its scorecard page. */
async function aScorecard(owner: Page, url: string): Promise<string> {
  const slug = new URL(url).pathname.split("/")[2]!;
  const ws = await api<{ id: string; memberId: string }>(owner, "workspace.resolve", { slug }, "query");
  const templates = await api<{ id: string; key: string }[]>(owner, "loop.templates", { workspaceId: ws.id }, "query");
  const { id: loopId } = await api<{ id: string }>(owner, "loop.create", {
    workspaceId: ws.id,
    candidateEmail: uniqueEmail("autosave-candidate"),
    templateId: templates.find((t) => t.key === "entry-coding-focus")!.id,
    targetRole: "Backend engineer",
    level: "mid",
  });
  const loop = await api<{ rounds: { id: string }[] }>(owner, "loop.get", { workspaceId: ws.id, loopId }, "query");
  const roundId = loop.rounds[1]!.id;
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  startsAt.setUTCHours(10, 0, 0, 0);
  await api(owner, "schedule.book", {
    workspaceId: ws.id,
    loopId,
    bookings: [{ roundId, interviewerMemberId: ws.memberId, startsAt: startsAt.toISOString() }],
  });
  return `${url}/rounds/${roundId}/scorecard`;
}

// The scorecard is the most used form: it opens on the server (the first paint is the card, with its version),
// saves a pause after each change, keeps what was typed across reloads and in-app navigation, and says when
// another tab saved first.
test("the scorecard autosaves, survives reloads and navigation, and reports a conflict between two tabs", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { url } = await newOwnerWithWorkspace(page, "autosave");
  const card = await aScorecard(page, url);
  const summary = page.getByLabel("Summary");
  const state = page.getByTestId("save-state");

  // The server sends the card itself, not a skeleton; the browser does not open it again.
  const opens: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/trpc/scorecard.open")) opens.push(r.url());
  });
  const html = await (await page.request.get(card)).text();
  expect(html).toContain("Scorecard: Coding");
  await page.goto(card, { waitUntil: "networkidle" });
  await expect(state).toHaveText("Draft");
  expect(opens, "the browser opened the card again").toEqual([]);

  // Typing: unsaved until the pause, then saved; a reload shows it.
  await summary.fill("First words.");
  await expect(state).toHaveText("Unsaved changes");
  await expect(state).toContainText("Saved");
  await page.reload();
  await expect(summary).toHaveValue("First words.");
  await expect(state).toContainText("Saved");
  await page.getByRole("radio", { name: "Yes", exact: true }).check();
  await expect(state).toContainText("Saved");
  await page.reload();
  await expect(page.getByRole("radio", { name: "Yes", exact: true })).toBeChecked();

  // Leaving inside the app before the pause has passed still saves the last change.
  await summary.fill("Typed, then left at once.");
  await page.getByRole("link", { name: "open the kit" }).click();
  await expect(page).toHaveURL(/\/kits\//);
  // Back: the router shows the page it kept, and the form opens the card again rather than its old render.
  await page.goBack();
  await expect(summary).toHaveValue("Typed, then left at once.");
  await expect(state).toContainText("Saved");
  // Saving goes on from the version the card is at (no conflict after coming back).
  await summary.fill("Edited after coming back.");
  await expect(state).toContainText("Saved");
  await page.reload();
  await expect(summary).toHaveValue("Edited after coming back.");
  expect(opens.length, "only the page that came back from the router's cache opened the card").toBe(1);

  // Two tabs: the second saves on top of a version the first has already replaced.
  const other = await context.newPage();
  await other.goto(card);
  await expect(other.getByLabel("Summary")).toHaveValue("Edited after coming back.");
  await summary.fill("Saved in the first tab.");
  await expect(state).toContainText("Saved");
  await other.getByLabel("Summary").fill("Typed in the second tab.");
  await expect(other.getByTestId("save-state")).toHaveText("Not saved");
  await expect(other.getByText(/This scorecard changed since you opened it/)).toBeVisible();
  await expect(other.getByRole("button", { name: "Submit scorecard" })).toBeDisabled();
  await other.getByRole("button", { name: "Reload the latest version" }).click();
  await expect(other.getByLabel("Summary")).toHaveValue("Saved in the first tab.");
  await expect(other.getByText(/This scorecard changed since you opened it/)).toHaveCount(0);
  await other.getByLabel("Summary").fill("Second tab, after reloading.");
  await expect(other.getByTestId("save-state")).toContainText("Saved");
  await page.reload();
  await expect(summary).toHaveValue("Second tab, after reloading.");

  await context.close();
});
