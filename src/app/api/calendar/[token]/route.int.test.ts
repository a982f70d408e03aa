// The private calendar subscription: a valid iCalendar document (parsed with ical.js), only the owner's
// rounds, stable UIDs with rising SEQUENCE, and 404 for unknown or revoked links.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { createBookedLoop, createWorkspaceWithRoles, db, outcome } from "@/test/factories";
import { GET } from "./route";

async function fetchFeed(url: string) {
  const token = new URL(url).pathname.split("/").pop()!;
  const res = await GET(new Request(url), { params: Promise.resolve({ token }) });
  return { status: res.status, type: res.headers.get("content-type"), body: await res.text() };
}

function events(body: string) {
  const cal = new ICAL.Component(ICAL.parse(body));
  expect(cal.name).toBe("vcalendar");
  return cal.getAllSubcomponents("vevent").map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      summary: event.summary,
      description: event.description,
      status: String(v.getFirstPropertyValue("status")),
    };
  });
}

describe("calendar subscription feed", () => {
  it("lists only the person's rounds; a moved round keeps its UID with a higher SEQUENCE; revoked or regenerated links answer 404", async () => {
    const ws = await createWorkspaceWithRoles("feed");
    const { interviewer, owner, candidate, coach } = ws.members;
    const mine = await createBookedLoop(ws, {
      template: "entry-coding-focus",
      bookings: [[1, interviewer]],
      offsetDays: 9,
    });
    const other = await createBookedLoop(ws, {
      template: "entry-coding-focus",
      bookings: [[1, owner]],
      offsetDays: 12,
    });
    const round = await db.round.findUniqueOrThrow({ where: { id: mine.rounds[1]!.id } });
    const otherRound = await db.round.findUniqueOrThrow({ where: { id: other.rounds[1]!.id } });

    expect(await interviewer.caller.account.calendarFeed()).toMatchObject({ active: false });
    const { url } = await interviewer.caller.account.createCalendarFeed();
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{40,}$/);
    const feed = await fetchFeed(url);
    expect(feed.status).toBe(200);
    expect(feed.type).toContain("text/calendar");
    let list = events(feed.body);
    expect(list.map((e) => e.uid)).toEqual([round.icsUid]);
    expect(list.map((e) => e.uid)).not.toContain(otherRound.icsUid);
    expect(list[0]).toMatchObject({ sequence: 0, start: round.startsAt!.toISOString(), status: "CONFIRMED" });
    expect(list[0]!.summary).toContain("Coding");
    expect(await interviewer.caller.account.calendarFeed()).toMatchObject({ active: true });

    // Moved a day later: same event, higher SEQUENCE.
    const later = new Date(round.startsAt!.getTime() + 86_400_000);
    await coach.caller.schedule.book({
      workspaceId: ws.id,
      loopId: mine.loopId,
      bookings: [{ roundId: round.id, interviewerMemberId: interviewer.memberId, startsAt: later }],
    });
    list = events((await fetchFeed(url)).body);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ uid: round.icsUid, sequence: 1, start: later.toISOString() });

    // The candidate's own feed has both rounds and never names an interviewer.
    const candidateFeed = await candidate.caller.account.createCalendarFeed();
    const theirs = events((await fetchFeed(candidateFeed.url)).body);
    expect(theirs.map((e) => e.uid).sort()).toEqual([round.icsUid, otherRound.icsUid].sort());
    for (const e of theirs) {
      expect(e.description).toContain("your interviewer");
      expect(e.description).not.toContain(interviewer.actor.name!);
    }

    // Regenerating revokes the old link; revoking leaves none.
    const fresh = await interviewer.caller.account.createCalendarFeed();
    expect((await fetchFeed(url)).status).toBe(404);
    expect((await fetchFeed(fresh.url)).status).toBe(200);
    await interviewer.caller.account.revokeCalendarFeed();
    expect((await fetchFeed(fresh.url)).status).toBe(404);
    expect(await outcome(interviewer.caller.account.revokeCalendarFeed())).toBe("NOT_FOUND");
    expect((await fetchFeed("http://localhost:3999/api/calendar/not-a-real-token-at-all-000000")).status).toBe(404);
  });
});
