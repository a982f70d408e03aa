// Calendar sync without OAuth: each person's private iCalendar subscription URL lists their rounds in
// every workspace, with the rounds' stable UIDs and SEQUENCE numbers, so Google Calendar, Outlook and Apple
// Calendar show the Loopwise agenda and follow moves and cancellations. The URL's secret is shown once;
// regenerating revokes the old one.
import { displayName } from "@/domain/people";
import { createEvents, type EventAttributes } from "ics";
import { notFound } from "@/server/errors";
import type { Db } from "@/server/db";
import { getEnv } from "@/server/env";
import type { Actor } from "./scope";
import { hashToken, newToken } from "./secret-token";

/** How far back the feed reaches: recent past rounds stay visible, cancelled ones tell calendars to drop them. */
const PAST_DAYS = 60;
const MAX_EVENTS = 500;

export function feedUrl(token: string): string {
  return `${getEnv().appUrl}/api/calendar/${token}`;
}

export async function getCalendarFeed(db: Db, actor: Actor) {
  const feed = await db.calendarFeed.findFirst({
    where: { userId: actor.userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, lastUsedAt: true },
  });
  return { active: !!feed, createdAt: feed?.createdAt ?? null, lastUsedAt: feed?.lastUsedAt ?? null };
}

/** Makes a new subscription URL (revoking any earlier one) and returns it: the only time it is shown. */
export async function createCalendarFeed(db: Db, actor: Actor, now = new Date()) {
  const token = newToken();
  await db.$transaction(async (tx) => {
    await tx.calendarFeed.updateMany({ where: { userId: actor.userId, revokedAt: null }, data: { revokedAt: now } });
    await tx.calendarFeed.create({ data: { userId: actor.userId, tokenHash: hashToken(token) } });
  });
  return { url: feedUrl(token) };
}

export async function revokeCalendarFeed(db: Db, actor: Actor, now = new Date()) {
  const { count } = await db.calendarFeed.updateMany({
    where: { userId: actor.userId, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0) throw notFound("An active calendar link");
  return { revoked: true };
}

/**
 * The feed for a token, or null (unknown or revoked): the person's rounds as interviewer, shadow or
 * candidate. A candidate's events never name their interviewers.
 */
export async function renderCalendarFeed(db: Db, token: string, now = new Date()): Promise<string | null> {
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, revokedAt: true },
  });
  if (!feed || feed.revokedAt) return null;
  const memberships = await db.membership.findMany({
    where: { userId: feed.userId },
    select: { id: true, workspaceId: true, workspace: { select: { name: true, slug: true } } },
  });
  const memberIds = memberships.map((m) => m.id);
  const rounds = await db.round.findMany({
    where: {
      workspaceId: { in: memberships.map((m) => m.workspaceId) },
      status: { in: ["scheduled", "cancelled"] },
      startsAt: { gte: new Date(now.getTime() - PAST_DAYS * 86_400_000) },
      OR: [
        { interviewerMemberId: { in: memberIds } },
        { shadowMemberId: { in: memberIds } },
        { candidateMemberId: { in: memberIds } },
      ],
    },
    orderBy: { startsAt: "asc" },
    take: MAX_EVENTS,
  });
  const [roundTypes, people] = await Promise.all([
    db.roundType.findMany({
      where: { id: { in: [...new Set(rounds.map((r) => r.roundTypeId))] } },
      select: { id: true, name: true },
    }),
    db.membership.findMany({
      where: {
        id: {
          in: [
            ...new Set(
              rounds.flatMap((r) => [r.candidateMemberId, r.interviewerMemberId].filter((x): x is string => !!x)),
            ),
          ],
        },
      },
      select: { id: true, user: { select: { name: true, email: true } } },
    }),
  ]);
  const nameOf = (id: string | null) => {
    const p = people.find((m) => m.id === id);
    return p ? displayName(p.user, "someone") : null;
  };
  const env = getEnv();
  const events: EventAttributes[] = rounds
    .filter((r) => r.startsAt && r.endsAt)
    .map((r) => {
      const membership = memberships.find((m) => m.workspaceId === r.workspaceId)!;
      const asCandidate = r.candidateMemberId === membership.id;
      const roundName = roundTypes.find((t) => t.id === r.roundTypeId)?.name ?? "Round";
      const withWhom = asCandidate ? "your interviewer" : (nameOf(r.candidateMemberId) ?? "an invited candidate");
      return {
        uid: r.icsUid,
        sequence: r.icsSequence,
        status: r.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
        start: r.startsAt!.getTime(),
        startInputType: "utc",
        startOutputType: "utc",
        end: r.endsAt!.getTime(),
        endInputType: "utc",
        endOutputType: "utc",
        title: `${roundName}${r.shadowMemberId === membership.id ? " (shadowing)" : ""}: practice round (${membership.workspace.name})`,
        description: `With ${withWhom}. ${env.appUrl}/w/${membership.workspace.slug}/${asCandidate ? "schedule" : "agenda"}`,
        location: r.location || undefined,
        productId: "loopwise/feed",
        calName: "Loopwise",
      } satisfies EventAttributes;
    });
  await db.calendarFeed.update({ where: { id: feed.id }, data: { lastUsedAt: now } });
  if (events.length === 0) {
    return [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:loopwise/feed",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:Loopwise",
      "END:VCALENDAR",
      "",
    ].join("\r\n");
  }
  const { error, value } = createEvents(events);
  if (error || !value) throw new Error(`Could not build the calendar feed: ${error?.message ?? "unknown error"}`);
  return value;
}
